"""`humandesk demo`: load the demo workspace «Тундра»."""

from django.core.management.base import BaseCommand
from django.db import transaction

from humandesk.accounts.models import User, Workspace
from humandesk.demo import personas
from humandesk.demo.workspace import build_workspace


class Command(BaseCommand):
    help = "Load the demo workspace «Тундра» (staff, teams, inboxes, conversations)."

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument("--if-empty", action="store_true", help="do nothing if the demo workspace exists")
        mode.add_argument("--reset", action="store_true", help="delete the demo workspace and load it anew")

    def handle(self, *args, if_empty: bool, reset: bool, **options):
        exists = Workspace.objects.filter(slug=personas.WORKSPACE_SLUG).exists()
        if exists and if_empty:
            self.stdout.write("Demo workspace already loaded.")
            return
        if exists and reset:
            with transaction.atomic():
                User.objects.filter(workspace__slug=personas.WORKSPACE_SLUG).delete()
                Workspace.objects.filter(slug=personas.WORKSPACE_SLUG).delete()
        workspace = build_workspace()
        self.stdout.write(self.style.SUCCESS(f"Demo workspace «{workspace.name}» is ready."))
        self.stdout.write(personas.login_banner())
