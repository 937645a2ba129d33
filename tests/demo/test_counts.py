"""The demo workspace's inbox counters equal a fresh count (the loader goes through services)."""

from io import StringIO

from django.core.management import call_command
from django.db.models import Count

from humandesk.accounts.models import Workspace
from humandesk.conversations.models import Conversation, ConversationCount
from humandesk.demo import personas


def test_demo_counters_match_a_fresh_count(db):
    """Every bucket the inbox navigation sums is exact after loading the demo."""
    call_command("demo", "--reset", stdout=StringIO())
    ws = Workspace.objects.get(slug=personas.WORKSPACE_SLUG).pk
    fresh = {(s, a, t): n for s, a, t, n in Conversation.objects.filter(workspace_id=ws)
             .values_list("status", "assignee_id", "team_id").annotate(n=Count("pk"))}
    stored = {(s, a, t): n for s, a, t, n in ConversationCount.objects.filter(workspace_id=ws)
              .values_list("status", "assignee_id", "team_id", "count") if n}
    assert stored == fresh
