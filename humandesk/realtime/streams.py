"""What a socket replays on connect, and what a socket's handshake must prove.

Sync functions (the consumers call them through `database_sync_to_async`). A replay returns
the newest id the socket may know plus the rows after the client's cursor, oldest first.
"""

from urllib.parse import parse_qs, urlsplit

from humandesk.conversations import events
from humandesk.conversations.models import ConversationEvent
from humandesk.inboxes.adapters import widget


class BadHandshake(ValueError):
    """Query parameters that do not parse; the socket is closed as malformed."""


def query_params(scope: dict) -> dict[str, str]:
    raw = scope.get("query_string", b"").decode("utf-8", errors="replace")
    return {k: v[-1] for k, v in parse_qs(raw, keep_blank_values=True).items()}


def query_after(scope: dict) -> int | None:
    """The client's cursor: None when absent (no replay), else a non-negative event id."""
    value = query_params(scope).get("after")
    if value is None or value == "":
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        raise BadHandshake("after must be a non-negative event id")
    return int(value)


def header(scope: dict, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def same_origin(scope: dict) -> bool:
    """A browser page of another site must not ride on the staff session cookie."""
    origin = header(scope, b"origin")
    if origin is None:  # not a browser: no ambient cookie to abuse
        return True
    host = header(scope, b"host") or ""
    return urlsplit(origin.strip()).netloc.lower() == host.strip().lower()


def staff_replay(workspace_id: int, after: int | None, limit: int) -> tuple[int, list[dict]]:
    """Newest event id of the workspace and (if after is given) the events after it."""
    rows = ConversationEvent.objects.filter(workspace_id=workspace_id)
    last = rows.order_by("-id").values_list("id", flat=True).first() or 0
    if after is None:
        return last, []
    replay = rows.filter(id__gt=after).select_related("message__author").order_by("id")[:limit]
    return last, [events.serialize_event(e) for e in replay]


def widget_replay(conversation_id: int | None, after: int | None, limit: int) -> tuple[int, list[dict]]:
    """Newest public event id of the conversation and the customer view of events after `after`."""
    last = widget.last_public_event_id(conversation_id)
    if after is None:
        return last, []
    return last, widget.public_events_after(conversation_id, after, limit)


def current_conversation_id(visitor: widget.Visitor) -> int | None:
    conversation = widget.current_conversation(visitor)
    return conversation.pk if conversation else None


def _ack(message, client_id: str) -> dict:
    return {"type": "ack", "client_id": client_id, "conversation": message.conversation_id,
            "message": events.serialize_message(message, for_customer=True)}


def post_widget_message(visitor: widget.Visitor, conversation_id: int, body, client_id: str) -> dict:
    """Store the message and return the ack frame (a resend may name an older conversation)."""
    message, _ = widget.send_message(visitor, conversation_id, body, client_id)
    return _ack(message, client_id)


def ack_if_resent(visitor: widget.Visitor, client_id: str) -> dict | None:
    """The ack for a message stored before, so that a resend never opens a conversation."""
    message = widget.resent_message(visitor, client_id)
    return _ack(message, client_id) if message else None
