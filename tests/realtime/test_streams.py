"""Resumable streams: what a reconnecting socket replays equals what a fresh load shows."""

import copy

import pytest
from channels.layers import get_channel_layer

from humandesk.conversations import events, services
from humandesk.conversations.models import Conversation, ConversationEvent, EventKind, Status
from humandesk.inboxes.adapters import widget
from tests.realtime.conftest import (
    drain,
    first_output,
    in_db,
    say,
    session_cookie,
    staff_socket,
    widget_socket,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def visitor(widget_inbox):
    return widget.read_token(widget.open_session(widget_inbox, None)["token"])


@pytest.fixture
def token(visitor):
    return widget.issue_token(visitor.inbox, visitor.visitor_id)


@pytest.fixture
def chat(visitor):
    """The visitor's open conversation with their first message."""
    conversation, _ = widget.conversation_for_message(visitor, "Палатка пришла без колышков")
    widget.send_message(visitor, conversation.pk, "Палатка пришла без колышков", "first")
    return Conversation.objects.get(pk=conversation.pk)


def _resolve_then_write(chat, visitor, agents):
    services.change_status(chat, Status.RESOLVED, actor=agents["anna"])
    widget.send_message(visitor, chat.pk, "Нет, вопрос остался", "again")


ACTIONS = {
    "customer message": lambda chat, visitor, agents: widget.send_message(visitor, chat.pk, "И ещё вопрос", "c-2"),
    "agent reply": lambda chat, visitor, agents: services.post_reply(chat, agents["anna"], "Вышлем колышки завтра."),
    "internal note": lambda chat, visitor, agents: services.add_note(chat, agents["anna"], "Склад: партия 12"),
    "bot message": lambda chat, visitor, agents: services.post_bot_message(chat, "Вот как оформить возврат: …"),
    "system line": lambda chat, visitor, agents: services.post_system_message(chat, "Анна подключилась к чату"),
    "resolved": lambda chat, visitor, agents: services.change_status(chat, Status.RESOLVED, actor=agents["anna"]),
    "resolved then re-opened": _resolve_then_write,
    "assigned": lambda chat, visitor, agents: services.assign_conversation(chat, agents["kate"], actor=agents["anna"]),
    "team changed": lambda chat, visitor, agents: services.transfer_to_team(chat, agents["team"], actor=agents["anna"]),
    "priority changed": lambda chat, visitor, agents: services.set_priority(chat, "high", actor=agents["anna"]),
    "tags changed": lambda chat, visitor, agents: services.set_tags(chat, ["доставка"], actor=agents["anna"]),
    "contact updated": lambda chat, visitor, agents: widget.identify_visitor(visitor, "ivan@example.com", "Иван"),
}


@pytest.fixture
def agents(anna, kate, first_line):
    return {"anna": anna, "kate": kate, "team": first_line}


# ---- the customer's view: GET /widget/history is the fresh load -------------------------

def widget_view(visitor) -> dict:
    loaded = widget.history(visitor)
    return {"status": loaded["status"], "last_event_id": loaded["last_event_id"],
            "messages": {m["seq"]: m for m in loaded["messages"]}}


def widget_fold(state: dict, frames: list[dict]) -> dict:
    state = copy.deepcopy(state)
    for frame in frames:
        state["last_event_id"] = max(state["last_event_id"], frame["id"])
        if frame["kind"] == EventKind.MESSAGE_CREATED:
            state["messages"][frame["message"]["seq"]] = frame["message"]
            state["status"] = frame["data"].get("status", state["status"])
        elif frame["kind"] == EventKind.STATUS_CHANGED:
            state["status"] = frame["data"]["to"]
    return state


@pytest.mark.parametrize("action", list(ACTIONS))
async def test_widget_state_plus_replay_equals_fresh_load(action, chat, visitor, token, agents):
    """For every event type, the widget's old state + replayed public events = a fresh history."""
    before = await in_db(widget_view)(visitor)
    await in_db(ACTIONS[action])(chat, visitor, agents)
    socket, hello = await widget_socket(token, after=before["last_event_id"])
    replay = await drain(socket)
    after = await in_db(widget_view)(visitor)
    assert hello["last_event_id"] == after["last_event_id"]
    assert all(f["type"] == "event" for f in replay)
    assert widget_fold(before, replay) == after
    await socket.disconnect()


# ---- the staff view: the conversation as stored is the fresh load -----------------------

def staff_view(conversation_id: int) -> dict:
    chat = Conversation.objects.select_related("contact").get(pk=conversation_id)
    return {
        "status": chat.status, "assignee": chat.assignee_id, "team": chat.team_id,
        "priority": chat.priority, "tags": sorted(chat.tags.values_list("name", flat=True)),
        "contact": [chat.contact.name, chat.contact.email],
        "messages": {m.seq: [m.kind, m.body] for m in chat.messages.all()},
    }


def staff_fold(state: dict, frames: list[dict]) -> dict:
    state = copy.deepcopy(state)
    for frame in frames:
        kind, data = frame["kind"], frame["data"]
        if kind == EventKind.MESSAGE_CREATED:
            state["messages"][frame["message"]["seq"]] = [frame["message"]["kind"], frame["message"]["body"]]
            state.update(status=data["status"], assignee=data["assignee"])
        elif kind in {EventKind.STATUS_CHANGED, EventKind.PRIORITY_CHANGED}:
            state["status" if kind == EventKind.STATUS_CHANGED else "priority"] = data["to"]
        elif kind == EventKind.ASSIGNED:
            state["assignee"] = data["to"]
        elif kind == EventKind.TEAM_CHANGED:
            state.update(team=data["to"], assignee=None)
        elif kind == EventKind.TAGS_CHANGED:
            state["tags"] = sorted(data["tags"])
        elif kind == EventKind.CONTACT_UPDATED:
            state["contact"] = [data["name"], data["email"]]
    return state


def _newest_event_id() -> int:
    return ConversationEvent.objects.order_by("-id").values_list("id", flat=True).first()


@pytest.mark.parametrize("action", list(ACTIONS))
async def test_staff_state_plus_replay_equals_fresh_load(action, chat, visitor, agents):
    """For every event type, the staff's old state + replayed workspace events = the stored state."""
    cookie = await in_db(session_cookie)(agents["anna"])
    before, cursor = await in_db(staff_view)(chat.pk), await in_db(_newest_event_id)()
    await in_db(ACTIONS[action])(chat, visitor, agents)
    socket, hello = await staff_socket(cookie, after=cursor)
    replay = await drain(socket)
    assert [f["id"] for f in replay] == sorted(f["id"] for f in replay)
    assert hello["last_event_id"] == replay[-1]["id"]
    assert staff_fold(before, replay) == await in_db(staff_view)(chat.pk)
    await socket.disconnect()


# ---- cursors, gaps and duplicates --------------------------------------------------------

async def test_reconnect_replays_exactly_the_missed_events_in_order(token, visitor, anna):
    """Events that happen while the widget is away come back once, oldest first, nothing else."""
    socket, _ = await widget_socket(token, after=0)
    await say(socket, "Когда доставка?", "c-1")
    seen = await drain(socket)
    cursor = seen[-1]["id"]
    await socket.disconnect()

    chat = await in_db(widget.current_conversation)(visitor)
    await in_db(services.post_reply)(chat, anna, "Завтра до 18:00.")
    await in_db(services.add_note)(chat, anna, "курьер СДЭК")
    await in_db(services.post_system_message)(chat, "Заказ передан курьеру")
    await in_db(services.change_status)(chat, Status.RESOLVED, actor=anna)

    socket, hello = await widget_socket(token, after=cursor)
    replay = await drain(socket)
    expected = await in_db(lambda: [e.pk for e in ConversationEvent.objects.filter(
        conversation=chat, public=True, id__gt=cursor).order_by("id")])()
    assert [f["id"] for f in replay] == expected and len(expected) == 3
    assert [f.get("message", {}).get("body") for f in replay] == [
        "Завтра до 18:00.", "Заказ передан курьеру", None]
    assert hello["last_event_id"] == expected[-1]
    await socket.disconnect()


async def test_live_pushes_of_replayed_or_known_events_are_dropped(chat, token, visitor, anna):
    """A push racing the replay, or at/below the cursor, is not sent twice; a new one is sent once."""
    cursor = await in_db(_newest_event_id)()
    await in_db(services.post_reply)(chat, anna, "Первый ответ")
    socket, _ = await widget_socket(token, after=cursor)
    replayed = await drain(socket)
    assert len(replayed) == 1

    layer = get_channel_layer()
    old_rows = await in_db(lambda: list(ConversationEvent.objects.filter(conversation=chat, public=True)
                                     .select_related("message").order_by("id")))()
    for row in old_rows:  # what a late on_commit push of an already replayed/known event looks like
        payload = await in_db(events.serialize_event)(row, for_customer=True)
        await layer.group_send(events.conversation_group(chat.pk), {"type": "stream.event", "payload": payload})
    assert await drain(socket) == []

    await in_db(services.post_reply)(chat, anna, "Второй ответ")
    fresh = await drain(socket)
    assert [f["message"]["body"] for f in fresh] == ["Второй ответ"]
    await socket.disconnect()


async def _flood(chat, count: int) -> None:
    await in_db(ConversationEvent.objects.bulk_create)([
        ConversationEvent(workspace_id=chat.workspace_id, conversation=chat, kind=EventKind.STATUS_CHANGED,
                          data={"from": "open", "to": "open"}, public=True)
        for _ in range(count)
    ])


async def test_more_than_500_missed_events_asks_the_client_to_reload(chat, token, anna):
    """Past the replay cap the server sends reset instead of a partial history."""
    cookie = await in_db(session_cookie)(anna)
    await _flood(chat, 501)
    socket, hello = await widget_socket(token, after=0)
    assert await first_output(socket) == {"type": "reset"}
    assert await drain(socket) == []
    staff, hello = await staff_socket(cookie, after=0)
    assert await first_output(staff) == {"type": "reset"}
    await socket.disconnect()
    await staff.disconnect()


async def test_exactly_500_missed_events_are_replayed(chat, token):
    """At the cap everything is still replayed."""
    cursor = await in_db(_newest_event_id)()
    await _flood(chat, 500)
    socket, hello = await widget_socket(token, after=cursor)
    frames = await drain(socket)
    assert len(frames) == 500 and frames[-1]["id"] == hello["last_event_id"]
    await socket.disconnect()
