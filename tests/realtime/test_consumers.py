"""The widget and staff sockets: delivery, audiences, idempotent resend, bad frames, auth."""

import pytest

from humandesk.conversations import services
from humandesk.conversations.models import Conversation, Message, Status
from humandesk.inboxes.adapters import widget
from tests.realtime.conftest import (
    drain,
    first_output,
    in_db,
    new_visitor_token,
    receive,
    say,
    session_cookie,
    staff_socket,
    widget_socket,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _conversation_of(token: str) -> Conversation:
    return widget.current_conversation(widget.read_token(token))


async def test_customer_message_is_acked_and_reaches_staff(visitor_token, anna_cookie):
    """The first message opens a conversation, is acknowledged, and staff see it live."""
    staff, hello = await staff_socket(anna_cookie)
    assert hello == {"type": "hello", "last_event_id": 0}
    customer, hello = await widget_socket(visitor_token, after=0)
    assert hello["conversation"] is None

    await customer.send_json_to({"type": "message", "client_id": "c-1", "body": "Где мой заказ?"})
    announced = await first_output(customer)
    ack = await receive(customer, "ack")

    conversation = await in_db(_conversation_of)(visitor_token)
    assert announced == {"type": "conversation", "conversation": conversation.pk}
    assert ack["client_id"] == "c-1" and ack["message"]["body"] == "Где мой заказ?" and ack["message"]["seq"] == 1
    assert ack["conversation"] == conversation.pk
    kinds = [(f["kind"], f["conversation"]) for f in await drain(staff)]
    assert kinds == [("conversation_created", conversation.pk), ("message_created", conversation.pk)]
    await customer.disconnect()
    await staff.disconnect()


async def test_agent_reply_reaches_widget_but_note_does_not(visitor_token, anna):
    """Public replies are pushed to the customer; internal notes and assignment never are."""
    customer, _ = await widget_socket(visitor_token, after=0)
    await say(customer, "Палатка порвалась", "c-1")
    await drain(customer)
    conversation = await in_db(_conversation_of)(visitor_token)

    await in_db(services.add_note)(conversation, anna, "Проверить партию на складе")
    await in_db(services.post_reply)(conversation, anna, "Иван, сейчас оформлю замену.")
    frames = await drain(customer)

    assert [(f["kind"], f["message"]["kind"]) for f in frames] == [("message_created", "reply")]
    reply = frames[0]
    assert reply["message"]["body"] == "Иван, сейчас оформлю замену."
    assert reply["message"]["author"] == {"id": None, "name": anna.name}
    assert "assignee" not in reply["data"] and "public" not in reply
    await customer.disconnect()


async def test_resent_message_is_stored_once_and_acked_again(visitor_token):
    """A client that did not see the ack resends with the same client_id: one row, two acks."""
    customer, _ = await widget_socket(visitor_token, after=0)
    first = await say(customer, "Можно вернуть спальник?", "same-id")
    await customer.disconnect()

    customer, _ = await widget_socket(visitor_token, after=0)
    again = await say(customer, "Можно вернуть спальник?", "same-id")

    assert first["type"] == again["type"] == "ack"
    assert first["message"]["id"] == again["message"]["id"]
    assert await in_db(Message.objects.filter(client_id="same-id").count)() == 1
    await customer.disconnect()


async def test_resend_after_close_does_not_open_a_duplicate(visitor_token, anna):
    """A message stored just before its conversation closed is acked again, not re-posted."""
    customer, _ = await widget_socket(visitor_token, after=0)
    first = await say(customer, "Последний вопрос", "late-1")
    old = await in_db(_conversation_of)(visitor_token)
    await in_db(services.change_status)(old, Status.CLOSED, actor=anna)
    await customer.disconnect()

    customer, hello = await widget_socket(visitor_token, after=0)
    again = await say(customer, "Последний вопрос", "late-1")
    assert hello["conversation"] is None
    assert again["conversation"] == old.pk and again["message"]["id"] == first["message"]["id"]
    assert await in_db(Conversation.objects.count)() == 1
    await customer.disconnect()


@pytest.mark.parametrize("body,code", [("", "empty"), ("  \n\t ", "empty"), ("я" * 10_001, "too_long")])
async def test_bad_body_gets_error_frame_and_socket_stays_open(visitor_token, body, code):
    """Empty and oversize messages are refused with a code; nothing is stored; the socket lives on."""
    customer, _ = await widget_socket(visitor_token, after=0)
    error = await say(customer, body, "bad-1")
    assert error["type"] == "error" and error["code"] == code and error["client_id"] == "bad-1"
    assert error["reason"]
    await customer.send_json_to({"type": "ping"})
    assert await first_output(customer) == {"type": "pong"}
    assert await in_db(Message.objects.count)() == 0
    assert await in_db(Conversation.objects.count)() == 0
    await customer.disconnect()


@pytest.mark.parametrize("frame", [
    "not json", "[1, 2]", '"text"', '{"type": "launch"}', '{"body": "no type"}',
    '{"type": "message", "client_id": "c-1"}', '{"type": "message", "body": "no id"}',
    '{"type": "message", "client_id": "c-1", "body": 42}', '{"type": "identify"}',
])
async def test_malformed_widget_frame_closes_that_socket_with_4400(visitor_token, frame):
    """Broken frames close only the sending socket, with 4400 and a reason."""
    bystander, _ = await widget_socket(visitor_token, after=0)
    customer, _ = await widget_socket(visitor_token, after=0)
    await customer.send_to(text_data=frame)
    closed = await first_output(customer)
    assert closed["closed"] == 4400 and closed["reason"]
    await bystander.send_json_to({"type": "ping"})
    assert await first_output(bystander) == {"type": "pong"}
    await bystander.disconnect()


async def test_binary_and_oversize_frames_close_the_socket(visitor_token):
    """A binary frame is malformed (4400); a frame over 256 KiB closes with 1009."""
    customer, _ = await widget_socket(visitor_token, after=0)
    await customer.send_to(bytes_data=b"\x00\x01")
    assert (await first_output(customer))["closed"] == 4400
    customer, _ = await widget_socket(visitor_token, after=0)
    await customer.send_to(text_data='{"type": "ping", "pad": "' + "x" * 300_000 + '"}')
    assert (await first_output(customer))["closed"] == 1009


async def test_malformed_staff_frame_and_bad_cursor_close_with_4400(anna_cookie):
    """The staff socket accepts only pings; a non-numeric cursor is malformed too."""
    staff, _ = await staff_socket(anna_cookie)
    await staff.send_to(text_data='{"type": "message", "body": "hi"}')
    assert (await first_output(staff))["closed"] == 4400
    socket, closed = await staff_socket(anna_cookie, after="-1")
    assert closed["closed"] == 4400


@pytest.mark.parametrize("token", [None, "", "garbage", "eyJpIjoxLCJ2IjoiYWJjIn0:1abc:forged"])
async def test_missing_or_forged_widget_token_closes_with_4401(widget_inbox, token):
    """Only a token signed by this server opens the widget socket."""
    socket, closed = await widget_socket(token)
    assert closed["closed"] == 4401


async def test_token_signed_for_another_purpose_is_refused(widget_inbox):
    """A value signed with another salt (e.g. a session) is not a visitor token."""
    from django.core import signing

    token = signing.dumps({"i": widget_inbox.pk, "v": "abc"}, salt="something.else")
    socket, closed = await widget_socket(token)
    assert closed["closed"] == 4401


async def test_anonymous_staff_socket_closes_with_4401(workspace):
    """Without a logged-in session there is no staff stream."""
    socket, closed = await staff_socket(None)
    assert closed["closed"] == 4401
    socket, closed = await staff_socket("not-a-session")
    assert closed["closed"] == 4401


async def test_staff_socket_refuses_other_sites(anna_cookie):
    """A page on another site cannot open the staff stream with the agent's cookie."""
    socket, closed = await staff_socket(anna_cookie, origin="https://evil.example")
    assert closed["closed"] == 4403
    socket, hello = await staff_socket(anna_cookie, origin="https://desk.example")
    assert hello["type"] == "hello"
    await socket.disconnect()


async def test_widget_origin_must_be_allowed_by_the_inbox(widget_inbox):
    """With allowed origins set, only those sites can open the widget socket."""
    widget_inbox.allowed_origins = "https://tundra.example\nhttps://shop.tundra.example"
    await in_db(widget_inbox.save)()
    token = await in_db(new_visitor_token)(widget_inbox)
    socket, closed = await widget_socket(token, origin="https://evil.example")
    assert closed["closed"] == 4403
    socket, hello = await widget_socket(token, origin="https://shop.tundra.example")
    assert hello["type"] == "hello"
    await socket.disconnect()


async def test_staff_of_another_workspace_hears_nothing(visitor_token, other_workspace):
    """Events of one workspace never reach another workspace's staff."""
    intruder = await in_db(session_cookie)(other_workspace["user"])
    spy, hello = await staff_socket(intruder, after=0)
    before = await drain(spy)
    customer, _ = await widget_socket(visitor_token, after=0)
    await say(customer, "секрет Тундры", "c-1")
    leaked = await drain(spy)
    assert all(f["conversation"] == other_workspace["conversation"].pk for f in before)
    assert leaked == []
    await customer.disconnect()
    await spy.disconnect()


async def test_customer_reaches_only_their_own_conversation(widget_inbox, visitor_token, anna):
    """Another visitor's socket never carries this visitor's events, live or replayed."""
    customer, _ = await widget_socket(visitor_token, after=0)
    await say(customer, "мой личный вопрос", "c-1")
    conversation = await in_db(_conversation_of)(visitor_token)
    stranger_token = await in_db(new_visitor_token)(widget_inbox)
    stranger, hello = await widget_socket(stranger_token, after=0)
    await in_db(services.post_reply)(conversation, anna, "ответ только Ивану")
    assert hello["conversation"] is None
    assert await drain(stranger) == []
    assert await in_db(lambda: widget.history(widget.read_token(stranger_token)))() == {
        "conversation": None, "status": None, "messages": [], "last_event_id": 0}
    await customer.disconnect()
    await stranger.disconnect()


async def test_closed_conversation_starts_a_new_one_on_next_message(visitor_token, anna):
    """After close the visitor's next message opens and announces a fresh conversation."""
    customer, _ = await widget_socket(visitor_token, after=0)
    await say(customer, "первый вопрос", "c-1")
    await drain(customer)
    old = await in_db(_conversation_of)(visitor_token)
    await in_db(services.change_status)(old, Status.CLOSED, actor=anna)
    closed = await receive(customer, "event")
    assert closed["kind"] == "status_changed" and closed["data"] == {"from": "open", "to": "closed"}

    await customer.send_json_to({"type": "message", "client_id": "c-2", "body": "новый вопрос"})
    announced = await first_output(customer)
    ack = await receive(customer, "ack")
    new = await in_db(_conversation_of)(visitor_token)
    assert new.pk != old.pk and announced == {"type": "conversation", "conversation": new.pk}
    assert ack["message"]["seq"] == 1
    await drain(customer)
    await in_db(services.post_reply)(new, anna, "Слушаю вас")
    reply = await receive(customer, "event")
    assert reply["conversation"] == new.pk and reply["message"]["body"] == "Слушаю вас"
    await customer.disconnect()


async def test_resolved_conversation_reopens_on_next_message(visitor_token, anna):
    """A resolved conversation is the same conversation: the next message re-opens it."""
    customer, _ = await widget_socket(visitor_token, after=0)
    await say(customer, "вопрос", "c-1")
    conversation = await in_db(_conversation_of)(visitor_token)
    await in_db(services.change_status)(conversation, Status.RESOLVED, actor=anna)
    await say(customer, "ещё вопрос", "c-2")
    frames = await drain(customer)
    assert [f["data"].get("to") for f in frames if f.get("kind") == "status_changed"][-1] == "open"
    await in_db(conversation.refresh_from_db)()
    assert conversation.status == Status.OPEN and conversation.message_count == 2
    await customer.disconnect()


async def test_other_tabs_follow_a_new_conversation(visitor_token, anna):
    """A second tab of the same visitor is told about the conversation the first tab opened."""
    first, _ = await widget_socket(visitor_token, after=0)
    second, _ = await widget_socket(visitor_token, after=0)
    await say(first, "привет из первой вкладки", "c-1")
    conversation = await in_db(_conversation_of)(visitor_token)
    assert await first_output(second) == {"type": "conversation", "conversation": conversation.pk}
    await in_db(services.post_reply)(conversation, anna, "Здравствуйте!")
    assert (await receive(second, "event"))["message"]["body"] == "Здравствуйте!"
    await first.disconnect()
    await second.disconnect()


async def test_identify_validates_and_records_contact_details(visitor_token, anna_cookie):
    """A bad email gets an error frame; a good one updates the contact and the timeline."""
    customer, _ = await widget_socket(visitor_token, after=0)
    await say(customer, "Напишите мне на почту", "c-1")
    await drain(customer)
    staff, _ = await staff_socket(anna_cookie)
    await customer.send_json_to({"type": "identify", "email": "not-an-email"})
    error = await first_output(customer)
    assert error["type"] == "error" and error["code"] == "invalid_email"

    await customer.send_json_to({"type": "identify", "email": " ivan@example.com ", "name": "Иван"})
    assert await receive(customer, "identified") == {
        "type": "identified", "contact": {"name": "Иван", "email": "ivan@example.com"}}
    event = await receive(staff, "event")
    assert event["kind"] == "contact_updated" and event["data"]["email"] == "ivan@example.com"
    await customer.disconnect()
    await staff.disconnect()


async def test_ping_gets_pong_on_both_sockets(visitor_token, anna_cookie):
    """Keep-alive pings are answered."""
    for socket, _ in (await widget_socket(visitor_token), await staff_socket(anna_cookie)):
        await socket.send_json_to({"type": "ping"})
        assert await first_output(socket) == {"type": "pong"}
        await socket.disconnect()
