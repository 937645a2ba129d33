"""WebSocket consumers: the staff stream and the website widget (protocol: docs/REALTIME.md).

Each socket joins its groups before it reads the replay from the database, so an event that
commits meanwhile is both replayed and pushed; pushes of replayed ids (and ids at or below
the client's cursor) are dropped. Nothing is lost, nothing is sent twice.
"""

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.http import Http404
from django.utils import translation

from humandesk.bot import widget as bot
from humandesk.conversations.events import conversation_group, staff_group
from humandesk.conversations.services import ServiceError
from humandesk.core.text import MessageRejected
from humandesk.inboxes.adapters import widget
from humandesk.realtime import streams

CLOSE_MALFORMED = 4400
CLOSE_UNAUTHORIZED = 4401
CLOSE_FORBIDDEN_ORIGIN = 4403
CLOSE_TOO_BIG = 1009
REPLAY_LIMIT = 500
# uvicorn refuses frames over 256 KiB; this guards servers started with other limits.
MAX_FRAME_CHARS = 256 * 1024


class Refused(Exception):
    def __init__(self, code: int, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


def parse_frame(text_data: str | None, allowed: set[str]) -> dict:
    """Decode one client frame or raise Refused(4400) saying what is wrong with it."""
    if text_data is None:
        raise Refused(CLOSE_MALFORMED, "binary frames are not accepted")
    if len(text_data) > MAX_FRAME_CHARS:
        raise Refused(CLOSE_TOO_BIG, "frame too large")
    try:
        frame = json.loads(text_data)
    except ValueError as exc:
        raise Refused(CLOSE_MALFORMED, "frame is not valid JSON") from exc
    if not isinstance(frame, dict):
        raise Refused(CLOSE_MALFORMED, "frame must be a JSON object")
    if frame.get("type") not in allowed:
        raise Refused(CLOSE_MALFORMED, "unknown frame type")
    return frame


class StreamConsumer(AsyncWebsocketConsumer):
    """A numbered, resumable event stream with the handshake and frame rules both sockets share."""

    frame_types: frozenset[str] = frozenset({"ping"})

    async def connect(self):
        self.closing = False
        self.floor = 0  # the client already has every event with id <= floor
        self.replayed: set[int] = set()
        self.joined: set[str] = set()
        # Accept first: a close before accept reaches browsers as HTTP 403, losing the code.
        await self.accept()
        try:
            await self.open_stream()
        except streams.BadHandshake as exc:
            await self.refuse(CLOSE_MALFORMED, str(exc))
        except Refused as exc:
            await self.refuse(exc.code, exc.reason)

    async def open_stream(self) -> None:
        raise NotImplementedError

    async def refuse(self, code: int, reason: str) -> None:
        self.closing = True
        await self.close(code=code, reason=reason)

    async def disconnect(self, code):
        for group in self.joined:
            await self.channel_layer.group_discard(group, self.channel_name)
        self.joined = set()

    async def join(self, group: str) -> None:
        await self.channel_layer.group_add(group, self.channel_name)
        self.joined.add(group)

    async def leave(self, group: str) -> None:
        await self.channel_layer.group_discard(group, self.channel_name)
        self.joined.discard(group)

    async def send_json(self, content: dict) -> None:
        await self.send(text_data=json.dumps(content, ensure_ascii=False))

    async def replay(self, hello: dict, after: int | None, last: int, rows: list[dict]) -> None:
        """Send hello, then the missed events (or reset when there are too many)."""
        await self.send_json(hello)
        if after is None or len(rows) > REPLAY_LIMIT:
            self.floor = last
            if after is not None:
                await self.send_json({"type": "reset"})
            return
        self.floor = after
        for payload in rows:
            self.replayed.add(payload["id"])
            await self.send_json(payload)

    async def stream_event(self, message: dict) -> None:
        """A live push from `events.record`: forward it unless the client has it already."""
        payload = message["payload"]
        event_id = payload["id"]
        if self.closing or event_id <= self.floor or event_id in self.replayed:
            return
        payload = self.shape(payload)
        if payload is not None:
            await self.send_json(payload)

    def shape(self, payload: dict) -> dict | None:
        return payload

    async def receive(self, text_data=None, bytes_data=None):
        if self.closing:
            return
        try:
            frame = parse_frame(text_data, self.frame_types)
            await getattr(self, "on_" + frame["type"])(frame)
        except Refused as exc:
            await self.refuse(exc.code, exc.reason)

    async def on_ping(self, frame: dict) -> None:
        await self.send_json({"type": "pong"})


class StaffConsumer(StreamConsumer):
    """Every event of the staff member's workspace."""

    async def open_stream(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active or user.workspace_id is None:
            raise Refused(CLOSE_UNAUTHORIZED, "login required")
        if not streams.same_origin(self.scope):
            raise Refused(CLOSE_FORBIDDEN_ORIGIN, "cross-site socket refused")
        after = streams.query_after(self.scope)
        await self.join(staff_group(user.workspace_id))
        last, rows = await database_sync_to_async(streams.staff_replay)(
            user.workspace_id, after, REPLAY_LIMIT + 1
        )
        await self.replay({"type": "hello", "last_event_id": last}, after, last, rows)


def _in_language(language: str, function, *args):
    with translation.override(language):
        return function(*args)


def _post_with_bot(visitor: widget.Visitor, conversation_id: int, body, client_id: str) -> tuple[dict, dict | None]:
    """Store the message, then (its events already pushed) let the bot answer: the ack and the bot frame."""
    ack = streams.post_widget_message(visitor, conversation_id, body, client_id)
    return ack, bot.after_customer_message(ack["conversation"], ack["message"]["seq"])


class WidgetConsumer(StreamConsumer):
    """One website visitor: the public events of their current conversation, and their messages."""

    frame_types = frozenset({"ping", "message", "identify", "handover", "feedback"})

    async def open_stream(self) -> None:
        self.conversation_id = None
        try:
            token = streams.query_params(self.scope).get("token")
            self.visitor = await database_sync_to_async(widget.read_token)(token)
        except widget.InvalidToken as exc:
            raise Refused(CLOSE_UNAUTHORIZED, "invalid visitor token") from exc
        if not widget.origin_allowed(self.visitor.inbox, streams.header(self.scope, b"origin")):
            raise Refused(CLOSE_FORBIDDEN_ORIGIN, "this site may not embed the widget")
        after = streams.query_after(self.scope)
        await self.join(self.visitor.group)
        conversation_id = await database_sync_to_async(streams.current_conversation_id)(self.visitor)
        await self.follow(conversation_id)
        last, rows = await database_sync_to_async(streams.widget_replay)(
            conversation_id, after, REPLAY_LIMIT + 1
        )
        hello = {"type": "hello", "conversation": conversation_id, "last_event_id": last}
        await self.replay(hello, after, last, rows)
        await self.send_bot_state(await database_sync_to_async(bot.state_of)(conversation_id))

    async def send_bot_state(self, frame: dict | None) -> None:
        if frame is not None and not self.closing:
            await self.send_json(frame)

    async def follow(self, conversation_id: int | None) -> None:
        """Switch the socket to another conversation's group (a new one after close)."""
        if self.conversation_id is not None:
            await self.leave(conversation_group(self.conversation_id))
        self.conversation_id = conversation_id
        if conversation_id is not None:
            await self.join(conversation_group(conversation_id))

    def shape(self, payload: dict) -> dict | None:
        if payload.get("conversation") != self.conversation_id:
            return None  # a straggler from a conversation this socket has left
        return widget.customer_event(payload)

    async def sync_call(self, function, *args):
        return await database_sync_to_async(_in_language)(self.visitor.inbox.language, function, *args)

    async def on_message(self, frame: dict) -> None:
        client_id, body = frame.get("client_id"), frame.get("body")
        if not isinstance(client_id, str) or not 0 < len(client_id) <= 64:
            raise Refused(CLOSE_MALFORMED, "client_id must be a string of 1-64 characters")
        if not isinstance(body, str):
            raise Refused(CLOSE_MALFORMED, "body must be a string")
        try:
            ack, bot_state = await self.post(body, client_id)
        except (MessageRejected, ServiceError) as exc:
            await self.send_json({"type": "error", "client_id": client_id, "code": exc.code, "reason": exc.reason})
            return
        except Http404:
            await self.send_json({"type": "error", "client_id": client_id, "code": "not_found",
                                  "reason": "no such conversation"})
            return
        await self.send_json(ack)
        await self.send_bot_state(bot_state)

    async def post(self, body: str, client_id: str) -> tuple[dict, dict | None]:
        """Store the message in the followed conversation, or in the one it has to open; the ack
        and, when the bot answered, its state frame."""
        if self.conversation_id is not None:
            try:  # the usual case: one trip to the database
                return await self.sync_call(_post_with_bot, self.visitor, self.conversation_id, body, client_id)
            except ServiceError as exc:
                if exc.code != "closed":
                    raise
        ack = await self.sync_call(streams.ack_if_resent, self.visitor, client_id)
        if ack is not None:
            return ack, None
        conversation, _created = await self.sync_call(widget.conversation_for_message, self.visitor, body)
        if conversation.pk != self.conversation_id:
            await self.announce(conversation.pk)
        return await self.sync_call(_post_with_bot, self.visitor, conversation.pk, body, client_id)

    async def announce(self, conversation_id: int) -> None:
        """Follow the new conversation at once and tell this visitor's other tabs."""
        await self.follow(conversation_id)
        await self.send_json({"type": "conversation", "conversation": conversation_id})
        await self.channel_layer.group_send(
            self.visitor.group, {"type": "visitor.conversation", "conversation": conversation_id}
        )

    async def visitor_conversation(self, message: dict) -> None:
        conversation_id = message["conversation"]
        if self.closing or conversation_id == self.conversation_id:
            return
        await self.follow(conversation_id)
        await self.send_json({"type": "conversation", "conversation": conversation_id})

    async def on_identify(self, frame: dict) -> None:
        if "email" not in frame:
            raise Refused(CLOSE_MALFORMED, "identify needs an email")
        try:
            contact = await self.sync_call(widget.identify_visitor, self.visitor, frame["email"], frame.get("name"))
        except ServiceError as exc:
            await self.send_json({"type": "error", "code": exc.code, "reason": exc.reason})
            return
        await self.send_json({"type": "identified", "contact": {"name": contact.name, "email": contact.email}})

    async def on_handover(self, frame: dict) -> None:
        """The "talk to a person" button."""
        await self.bot_action(bot.handover, self.visitor, self.conversation_id)

    async def on_feedback(self, frame: dict) -> None:
        """The "did this help?" buttons."""
        helpful = frame.get("helpful")
        if not isinstance(helpful, bool):
            raise Refused(CLOSE_MALFORMED, "helpful must be true or false")
        await self.bot_action(bot.feedback, self.visitor, self.conversation_id, helpful)

    async def bot_action(self, function, *args) -> None:
        try:
            state = await self.sync_call(function, *args)
        except Http404:
            await self.send_json({"type": "error", "code": "not_found", "reason": "no conversation yet"})
            return
        await self.send_bot_state(state)
