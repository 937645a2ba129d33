"""/api/v1/conversations/{id}/messages: read in seq order, post replies, notes and ingest."""

import pytest

from humandesk.conversations import services
from humandesk.conversations.models import EventKind, Message


def test_post_a_reply_as_the_tokens_user(api, conversation, anna):
    """A reply is authored by the token's user, assigns the conversation and is public."""
    response = api.post(f"/conversations/{conversation.pk}/messages",
                        {"kind": "reply", "body": "Иван, добрый день! Отправим новый чехол сегодня."})
    assert response.status_code == 201
    body = response.json()
    assert (body["seq"], body["kind"], body["author"]) == (2, "reply", {"id": anna.pk, "name": anna.name})
    conversation.refresh_from_db()
    assert conversation.assignee == anna and conversation.first_reply_at is not None


def test_a_note_stays_internal(api, conversation):
    """A note is stored with kind note and its event is not public."""
    response = api.post(f"/conversations/{conversation.pk}/messages", {"kind": "note", "body": "Проверить склад"})
    assert response.status_code == 201
    event = conversation.events.get(kind=EventKind.MESSAGE_CREATED, message_id=response.json()["id"])
    assert event.public is False


def test_customer_ingest_is_idempotent_on_client_id(api, conversation):
    """The first post answers 201; a resend with the same client_id answers 200, stores nothing."""
    url = f"/conversations/{conversation.pk}/messages"
    first = api.post(url, {"kind": "customer", "body": "Где мой заказ?", "client_id": "tg-42"})
    again = api.post(url, {"kind": "customer", "body": "Где мой заказ?", "client_id": "tg-42"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert Message.objects.filter(conversation=conversation, client_id="tg-42").count() == 1


def test_a_customer_message_reopens_a_resolved_conversation(api, conversation, anna):
    """Ingest goes through the service, so its rules apply (resolved → open)."""
    services.change_status(conversation, "resolved", actor=anna)
    api.post(f"/conversations/{conversation.pk}/messages", {"kind": "customer", "body": "Ещё вопрос"})
    assert api.get(f"/conversations/{conversation.pk}").json()["status"] == "open"


@pytest.mark.parametrize("body,code", [("", "empty"), (" \n\t", "empty"), ("я" * 10_001, "too_long")])
def test_bad_bodies_are_refused_with_the_services_code(api, conversation, body, code):
    """Empty and oversize bodies are a 422 with code and reason; nothing is stored."""
    response = api.post(f"/conversations/{conversation.pk}/messages", {"kind": "customer", "body": body})
    assert response.status_code == 422
    assert response.json()["code"] == code and response.json()["detail"]
    assert conversation.messages.count() == 1


@pytest.mark.parametrize("payload", [
    {"kind": "bot", "body": "hi"}, {"kind": "reply"}, {"kind": "reply", "body": 42},
    {"kind": "reply", "body": "hi", "client_id": "x" * 65},
])
def test_malformed_messages_are_a_validation_error(api, conversation, payload):
    """Unknown kinds, missing or non-text bodies and long client ids are a 422."""
    response = api.post(f"/conversations/{conversation.pk}/messages", payload)
    assert response.status_code == 422 and response.json()["code"] == "validation_error"


def test_a_closed_conversation_refuses_replies_with_409(api, conversation, anna):
    """A reply to a closed conversation is a conflict, with code `closed`."""
    services.change_status(conversation, "closed", actor=anna)
    response = api.post(f"/conversations/{conversation.pk}/messages", {"kind": "reply", "body": "Ответ"})
    assert response.status_code == 409 and response.json()["code"] == "closed"


def test_markup_is_stored_and_returned_as_text(api, conversation):
    """An XSS payload is kept literally (JSON-encoded), never sanitised into something else."""
    payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    created = api.post(f"/conversations/{conversation.pk}/messages", {"kind": "customer", "body": payload})
    assert created.json()["body"] == payload
    assert Message.objects.get(pk=created.json()["id"]).body == payload
    assert created["Content-Type"] == "application/json; charset=utf-8"


def test_list_pages_by_seq(api, conversation, anna):
    """after_seq and limit walk the thread in order; next_after_seq ends with null."""
    for i in range(4):
        services.add_note(conversation, anna, f"заметка {i}")
    first = api.get(f"/conversations/{conversation.pk}/messages", {"limit": 3}).json()
    assert [m["seq"] for m in first["items"]] == [1, 2, 3] and first["next_after_seq"] == 3
    rest = api.get(f"/conversations/{conversation.pk}/messages", {"after_seq": 3, "limit": 3}).json()
    assert [m["seq"] for m in rest["items"]] == [4, 5] and rest["next_after_seq"] is None


def test_listing_messages_costs_the_same_queries_for_any_length(api, conversation, anna, kate,
                                                                django_assert_num_queries):
    """Authors load with the messages: no query per message."""
    api.get("/me")
    url = f"/conversations/{conversation.pk}/messages"
    with django_assert_num_queries(3):  # token, conversation, messages
        api.get(url)
    for i in range(10):
        services.add_note(conversation, anna if i % 2 else kate, f"n{i}")
    with django_assert_num_queries(3):
        assert len(api.get(url).json()["items"]) == 11


def test_an_oversize_request_body_is_a_413(api, conversation, settings):
    """A body above Django's upload limit is refused with a JSON 413, not an HTML page."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = api.post(f"/conversations/{conversation.pk}/messages", {"kind": "note", "body": "x" * 2000})
    assert response.status_code == 413 and response.json()["code"] == "too_large"


def test_broken_json_is_a_400_and_stores_nothing(api, conversation):
    """A body that is not JSON is reported as a JSON 400, not crashed on."""
    response = api.post(f"/conversations/{conversation.pk}/messages", '{"kind": "note", "body": ')
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
    assert conversation.messages.count() == 1
