"""The demo conversations: enough of them, every status and language, built through the services."""

import pytest
from django.db.models import Count
from django.utils import timezone

from humandesk.accounts.models import User
from humandesk.conversations.models import (
    Conversation,
    ConversationEvent,
    EventKind,
    Message,
    MessageKind,
    Status,
)


@pytest.fixture
def demo(shared_demo, db):
    """Read-only tests share one load of the demo (see conftest.shared_demo)."""
    return shared_demo


def test_demo_holds_at_least_45_conversations_in_three_languages(demo):
    """The inbox is full: ≥ 45 conversations, about half Russian, the rest English and Spanish."""
    per_language = dict(
        Conversation.objects.filter(workspace=demo).values_list("language").annotate(n=Count("id"))
    )
    assert sum(per_language.values()) >= 45
    assert set(per_language) == {"ru", "en", "es"}
    assert per_language["ru"] >= 0.4 * sum(per_language.values())
    assert min(per_language.values()) >= 10


def test_every_status_priority_and_channel_is_present(demo):
    """Open, pending, snoozed, resolved and closed all appear, in the widget and email inboxes."""
    rows = Conversation.objects.filter(workspace=demo)
    assert set(rows.values_list("status", flat=True)) == set(Status.values)
    assert {"low", "normal", "high", "urgent"} <= set(rows.values_list("priority", flat=True))
    assert set(rows.values_list("inbox__channel_type", flat=True)) == {"widget", "email"}
    assert rows.filter(assignee__isnull=True, status=Status.OPEN).exists()
    assert rows.values("assignee").distinct().count() >= 5


def test_snoozed_conversations_wake_up_in_the_future(demo):
    """A snoozed conversation has a snoozed_until after now; nothing else carries one."""
    now = timezone.now()
    snoozed = Conversation.objects.filter(workspace=demo, status=Status.SNOOZED)
    assert snoozed.exists()
    assert all(c.snoozed_until and c.snoozed_until > now for c in snoozed)
    assert not Conversation.objects.filter(workspace=demo, snoozed_until__isnull=False).exclude(
        status=Status.SNOOZED).exists()


def test_every_message_has_its_timeline_event(demo):
    """Messages were written through the services: each has a message_created event."""
    messages = Message.objects.filter(conversation__workspace=demo)
    with_event = set(ConversationEvent.objects.filter(
        workspace=demo, kind=EventKind.MESSAGE_CREATED).values_list("message_id", flat=True))
    assert messages.count() > 150
    assert set(messages.values_list("pk", flat=True)) == with_event
    created = ConversationEvent.objects.filter(workspace=demo, kind=EventKind.CONVERSATION_CREATED)
    assert created.count() == Conversation.objects.filter(workspace=demo).count()
    for conversation in Conversation.objects.filter(workspace=demo).annotate(n=Count("messages")):
        assert conversation.message_count == conversation.n >= 1


def test_history_is_spread_over_past_days_in_order(demo):
    """Times are back-dated: days of history, nothing in the future, each thread in seq order."""
    now = timezone.now()
    rows = Conversation.objects.filter(workspace=demo)
    oldest = min(rows.values_list("created_at", flat=True))
    assert (now - oldest).days >= 7
    assert not rows.filter(last_message_at__gt=now).exists()
    assert not ConversationEvent.objects.filter(workspace=demo, created_at__gt=now).exists()
    for conversation in rows.prefetch_related("messages"):
        stamps = [m.created_at for m in conversation.messages.all()]
        assert stamps == sorted(stamps)
        assert conversation.created_at <= stamps[0]
        replies = [m.created_at for m in conversation.messages.all() if m.kind == MessageKind.REPLY]
        assert conversation.first_reply_at == (min(replies) if replies else None)
    assert rows.filter(status=Status.RESOLVED, resolved_at__isnull=False).count() == rows.filter(
        status=Status.RESOLVED).count()


def test_staff_personas_cover_every_role(demo):
    """At least five staff members log in to the demo, as agents, engineer, lead and admin."""
    staff = User.objects.filter(workspace=demo)
    assert staff.count() >= 5
    assert set(staff.values_list("role", flat=True)) == {"agent", "engineer", "lead", "admin"}


def test_threads_show_bots_handovers_notes_and_teams(demo):
    """Bot answers, a bot → human handover, internal notes and team queues are all in the demo."""
    kinds = set(Message.objects.filter(conversation__workspace=demo).values_list("kind", flat=True))
    assert kinds == set(MessageKind.values)
    assert Message.objects.filter(
        kind=MessageKind.BOT, body__contains="Передаю вас Анне — она ответит в течение пары минут").exists()
    teams = set(Conversation.objects.filter(workspace=demo).values_list("team__name", flat=True))
    assert len(teams) == 3
    spanish = Conversation.objects.filter(workspace=demo, team__name="Soporte ES")
    assert set(spanish.values_list("language", flat=True)) == {"es"}


def test_contacts_have_identities_and_history(demo):
    """Contacts carry names, languages and channel identities; some have several conversations."""
    contacts = demo.contacts.annotate(n=Count("conversations"), ids=Count("identities", distinct=True))
    assert all(c.name and c.language and c.ids >= 1 for c in contacts)
    assert any(c.n >= 2 for c in contacts)
    assert any(c.ids >= 2 for c in contacts)
