"""The bot over the widget socket: it answers stored messages, reports its state, and takes the
`handover` and `feedback` frames (the "talk to a person" and "did this help?" buttons)."""

import pytest

from humandesk.bot.models import BotOutcome
from humandesk.conversations.models import Conversation, MessageKind, Status
from humandesk.inboxes.adapters import widget
from tests.realtime.conftest import (
    drain,
    first_output,
    in_db,
    new_visitor_token,
    receive,
    say,
    widget_socket,
)

pytestmark = pytest.mark.django_db(transaction=True)


def _conversation_of(token: str) -> Conversation:
    return widget.current_conversation(widget.read_token(token))


def _kinds(conversation_id: int) -> list[str]:
    return list(Conversation.objects.get(pk=conversation_id).messages.order_by("seq").values_list("kind", flat=True))


@pytest.fixture
def token(bot_inbox, articles):
    return new_visitor_token(bot_inbox)


async def _asked(token: str):
    """A visitor who asked a question the bot answered; returns (socket, conversation id)."""
    socket, _ = await widget_socket(token, after=0)
    ack = await say(socket, "Как отследить заказ по трек-номеру?", "c-1")
    state = await receive(socket, "bot")
    assert state == {"type": "bot", "conversation": ack["conversation"], "state": "active", "feedback": True}
    return socket, ack["conversation"]


async def test_bot_answers_a_message_live(token):
    """The customer's message is acked, then the greeting and the answer are pushed as bot messages."""
    socket, _ = await widget_socket(token, after=0)
    await socket.send_json_to({"type": "message", "client_id": "c-1", "body": "Как отследить заказ по трек-номеру?"})
    frames = [await first_output(socket)]
    while frames[-1].get("type") != "bot":  # the bot's state frame comes last
        frames.append(await first_output(socket))
    pushed = [f["message"]["kind"] for f in frames + await drain(socket) if f.get("kind") == "message_created"]
    assert pushed == ["customer", "bot", "bot"]
    assert frames[-1]["feedback"] is True
    await socket.disconnect()


async def test_handover_frame_hands_over_and_is_idempotent(token):
    """The button frame hands over: a system line, an open unassigned chat, state handed_over; twice = once."""
    socket, conversation_id = await _asked(token)
    await drain(socket)
    await socket.send_json_to({"type": "handover"})
    assert await receive(socket, "bot") == {
        "type": "bot", "conversation": conversation_id, "state": "handed_over", "feedback": False}
    await socket.send_json_to({"type": "handover"})
    await receive(socket, "bot")
    conversation = await in_db(Conversation.objects.get)(pk=conversation_id)
    assert conversation.status == Status.OPEN and conversation.assignee_id is None
    assert (await in_db(_kinds)(conversation_id)).count(MessageKind.SYSTEM) == 1
    outcome = await in_db(BotOutcome.objects.get)(conversation_id=conversation_id)
    assert (outcome.outcome, outcome.reason) == ("handed_over", "button")
    await socket.disconnect()


async def test_feedback_no_hands_over_and_yes_resolves(token, bot_inbox):
    """"No" hands over at once; on another visitor's chat "yes" resolves it as resolved_by_bot."""
    socket, conversation_id = await _asked(token)
    await socket.send_json_to({"type": "feedback", "helpful": False})
    assert (await receive(socket, "bot"))["state"] == "handed_over"
    await socket.disconnect()

    other, other_id = await _asked(await in_db(new_visitor_token)(bot_inbox))
    await other.send_json_to({"type": "feedback", "helpful": True})
    assert (await receive(other, "bot"))["state"] == "resolved"
    outcome = await in_db(BotOutcome.objects.get)(conversation_id=other_id)
    assert outcome.outcome == "resolved_by_bot"
    await other.disconnect()


async def test_state_is_sent_after_hello_on_reconnect(token):
    """A reconnecting widget learns the bot's state right after hello (to redraw its buttons)."""
    socket, conversation_id = await _asked(token)
    await socket.disconnect()
    again, hello = await widget_socket(token, after=0)
    assert hello["type"] == "hello"
    assert await receive(again, "bot") == {
        "type": "bot", "conversation": conversation_id, "state": "active", "feedback": True}
    await again.disconnect()


@pytest.mark.parametrize("frame", [{"type": "feedback"}, {"type": "feedback", "helpful": "yes"}])
async def test_malformed_feedback_closes_4400(token, frame):
    """A feedback frame without a boolean `helpful` is malformed."""
    socket, _ = await widget_socket(token)
    await socket.send_json_to(frame)
    assert (await first_output(socket))["closed"] == 4400


async def test_handover_before_any_conversation_is_a_clear_error(token):
    """The button with no conversation yet answers not_found and keeps the socket open."""
    socket, _ = await widget_socket(token)
    await socket.send_json_to({"type": "handover"})
    assert await first_output(socket) == {"type": "error", "code": "not_found", "reason": "no conversation yet"}
    await socket.send_json_to({"type": "ping"})
    assert await first_output(socket) == {"type": "pong"}
    await socket.disconnect()


async def test_bot_off_sends_no_bot_frames(widget_inbox):
    """With the bot off (default), a message gets its ack and no bot frame or bot message."""
    socket, _ = await widget_socket(await in_db(new_visitor_token)(widget_inbox))
    ack = await say(socket, "Как отследить заказ?", "c-1")
    assert all(f.get("type") != "bot" for f in await drain(socket))
    assert await in_db(_kinds)(ack["conversation"]) == ["customer"]
    await socket.disconnect()
