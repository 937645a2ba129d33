"""The inbox counters stay equal to a fresh count through every service that moves a conversation."""

from django.db.models import Count

from humandesk.conversations import counts, services
from humandesk.conversations.models import Conversation, ConversationCount, Status


def _fresh(workspace_id: int) -> dict:
    rows = (Conversation.objects.filter(workspace_id=workspace_id)
            .values_list("status", "assignee_id", "team_id").annotate(n=Count("pk")))
    return {(s, a, t): n for s, a, t, n in rows}


def _stored(workspace_id: int) -> dict:
    rows = ConversationCount.objects.filter(workspace_id=workspace_id).values_list("status", "assignee_id", "team_id", "count")
    return {(s, a, t): n for s, a, t, n in rows if n}


def test_counters_follow_every_move(conversation, anna, kate, first_line, widget_inbox, ivan):
    """Create, assign, transfer, change status, re-open: the counters match a full count each time."""
    ws = conversation.workspace_id
    steps = [
        lambda: services.assign_conversation(conversation, anna, actor=anna),
        lambda: services.post_reply(conversation, kate, "Здравствуйте! Уже смотрю."),
        lambda: services.transfer_to_team(conversation, first_line, actor=anna),
        lambda: services.take_conversation(conversation, kate),
        lambda: services.change_status(conversation, Status.RESOLVED, actor=kate),
        lambda: services.post_customer_message(conversation, "Нет, не помогло"),
        lambda: services.start_conversation(widget_inbox, ivan),
        lambda: services.change_status(conversation, Status.CLOSED, actor=kate),
    ]
    for step in steps:
        step()
        assert _stored(ws) == _fresh(ws)


def test_totals_sum_named_buckets(conversation, anna):
    """`totals` answers the inbox's questions from the counters."""
    from django.db.models import Q

    services.assign_conversation(conversation, anna, actor=anna)
    result = counts.totals(conversation.workspace_id, mine=Q(status="open", assignee_id=anna.pk),
                           unassigned=Q(status="open", assignee__isnull=True))
    assert result == {"mine": 1, "unassigned": 0}


def test_rebuild_recounts_after_bulk_changes(conversation):
    """A bulk update that bypasses the services is repaired by `rebuild`."""
    ws = conversation.workspace_id
    Conversation.objects.filter(pk=conversation.pk).update(status=Status.PENDING)
    assert _stored(ws) != _fresh(ws)
    counts.rebuild(ws)
    assert _stored(ws) == _fresh(ws)
