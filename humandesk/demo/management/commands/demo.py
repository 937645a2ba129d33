"""`humandesk demo`: load the demo workspace «Тундра» with its conversations."""

from django.core.management.base import BaseCommand
from django.db import transaction

from humandesk.accounts.models import Workspace
from humandesk.conversations.models import Conversation
from humandesk.demo import personas
from humandesk.demo.conversations import load_conversations
from humandesk.demo.workspace import build_workspace, delete_workspace


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
            delete_workspace()
        with transaction.atomic():
            workspace = build_workspace()
            # Loading twice would duplicate every conversation: only an empty workspace gets them.
            loaded = 0
            if not Conversation.objects.filter(workspace=workspace).exists():
                loaded = load_conversations(workspace)
        self.stdout.write(self.style.SUCCESS(f"Demo workspace «{workspace.name}» is ready."))
        if loaded:
            self.stdout.write(f"Loaded {loaded} demo conversations.")
        else:
            self.stdout.write("Its conversations were already there; `humandesk demo --reset` loads them anew.")
        self.stdout.write(personas.login_banner())
