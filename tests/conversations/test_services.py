"""Conversation services: ordering, idempotency, status rules, workspace isolation."""

import pytest

from humandesk.conversations import services
from humandesk.conversations.models import (
    ConversationEvent,
    EventKind,
    Message,
    MessageKind,
    Status,
)
from humandesk.core.text import MessageRejected


def test_messages_are_numbered_in_order(conversation, anna):
    """Each message gets the next seq; the thread reads back in that order."""
    services.post_reply(conversation, anna, "Иван, добрый день! Сейчас разберусь.")
    services.add_note(conversation, anna, "Проверить склад")
    seqs = list(conversation.messages.values_list("seq", "kind"))
    assert seqs == [(1, MessageKind.CUSTOMER), (2, MessageKind.REPLY), (3, MessageKind.NOTE)]


def test_resent_client_id_is_stored_once(conversation):
    """A widget that resends an unacknowledged message does not duplicate it."""
    first, created = services.post_customer_message(conversation, "ещё вопрос", client_id="c-1")
    again, created_again = services.post_customer_message(conversation, "ещё вопрос", client_id="c-1")
    assert created and not created_again
    assert first.pk == again.pk
    assert Message.objects.filter(conversation=conversation, client_id="c-1").count() == 1


@pytest.mark.parametrize("body,code", [("", "empty"), ("   \n ", "empty"), ("x" * 10_001, "too_long"), (None, "invalid")])
def test_bad_bodies_are_rejected_with_a_code(conversation, body, code):
    """Empty, oversize and non-text bodies are refused and nothing is stored."""
    before = conversation.messages.count()
    with pytest.raises(MessageRejected) as exc:
        services.post_customer_message(conversation, body)
    assert exc.value.code == code
    assert conversation.messages.count() == before


def test_markup_is_kept_as_text(conversation):
    """HTML is stored literally (it is escaped on output, never interpreted)."""
    message, _ = services.post_customer_message(conversation, "<script>alert(1)</script>")
    assert message.body == "<script>alert(1)</script>"


def test_first_reply_assigns_and_stamps(conversation, anna):
    """The first agent reply records first_reply_at and takes an unassigned conversation."""
    services.post_reply(conversation, anna, "Здравствуйте, Иван!")
    conversation.refresh_from_db()
    assert conversation.assignee == anna
    assert conversation.first_reply_at is not None


def test_customer_message_reopens_resolved(conversation, anna):
    """A customer writing into a resolved conversation re-opens it."""
    services.change_status(conversation, Status.RESOLVED, actor=anna)
    services.post_customer_message(conversation, "Нет, не помогло")
    conversation.refresh_from_db()
    assert conversation.status == Status.OPEN


def test_closed_is_final(conversation, anna):
    """Closed conversations cannot be re-opened or written to."""
    services.change_status(conversation, Status.CLOSED, actor=anna)
    with pytest.raises(services.ServiceError):
        services.change_status(conversation, Status.OPEN, actor=anna)
    with pytest.raises(services.ServiceError):
        services.post_customer_message(conversation, "hello?")


def test_unknown_status_is_refused(conversation, anna):
    with pytest.raises(services.ServiceError):
        services.change_status(conversation, "deleted", actor=anna)


def test_cannot_assign_foreign_agent(conversation, other_workspace):
    """An agent of another workspace can never be assigned."""
    with pytest.raises(services.ServiceError):
        services.assign_conversation(conversation, other_workspace["user"], actor=None)


def test_every_change_is_on_the_timeline(conversation, anna, first_line):
    """Notes are private events; replies and status changes are public."""
    services.add_note(conversation, anna, "internal")
    services.post_reply(conversation, anna, "public")
    services.set_priority(conversation, "high", actor=anna)
    services.set_tags(conversation, ["Доставка", "доставка", " брак "], actor=anna)
    services.transfer_to_team(conversation, first_line, actor=anna)
    services.change_status(conversation, Status.PENDING, actor=anna)
    kinds = list(ConversationEvent.objects.filter(conversation=conversation).values_list("kind", "public"))
    assert (EventKind.MESSAGE_CREATED, False) in kinds  # the note
    assert (EventKind.STATUS_CHANGED, True) in kinds
    assert sorted(conversation.tags.values_list("name", flat=True)) == ["брак", "доставка"]


def test_sent_reply_findings_are_stored_after_commit(conversation, anna, django_capture_on_commit_callbacks):
    """Every sent reply's coach findings are stored for reports, once the reply commits."""
    from humandesk.coach.models import ReplyFinding

    with django_capture_on_commit_callbacks(execute=True):
        message = services.post_reply(conversation, anna, "Уважаемый клиент! Ваше обращение было рассмотрено.")
    rules = set(ReplyFinding.objects.filter(message=message, agent=anna).values_list("rule", flat=True))
    assert {"bureaucratese", "passive_voice"} <= rules


def test_customer_events_carry_no_staff_ids(conversation, anna):
    """What the widget receives names no staff account: no assignee, no author id."""
    from humandesk.conversations.events import serialize_event

    message = services.post_reply(conversation, anna, "Иван, здравствуйте! Проверю и напишу через 10 минут.")
    event = ConversationEvent.objects.get(message=message)
    payload = serialize_event(event, for_customer=True)
    assert "assignee" not in payload["data"]
    assert payload["message"]["author"] == {"id": None, "name": anna.name}
    assert "public" not in payload
