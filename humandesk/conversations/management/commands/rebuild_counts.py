"""`humandesk rebuild_counts`: recount the inbox counters after a bulk import."""

from django.core.management.base import BaseCommand

from humandesk.accounts.models import Workspace
from humandesk.conversations import counts


class Command(BaseCommand):
    help = "Recount the per-bucket conversation counters of every workspace (or one, by slug)."

    def add_arguments(self, parser):
        parser.add_argument("--workspace", help="slug of one workspace")

    def handle(self, *args, workspace=None, **options):
        workspaces = Workspace.objects.all()
        if workspace:
            workspaces = workspaces.filter(slug=workspace)
            if not workspaces.exists():
                self.stderr.write(f"no workspace with slug {workspace!r}")
                return
        for ws in workspaces:
            counts.rebuild(ws.pk)
            self.stdout.write(f"recounted {ws.slug}")
