"""Validation of free text that crosses a boundary (widget, API, WebSocket, composer)."""

from django.conf import settings
from django.utils.translation import gettext as _


class MessageRejected(ValueError):
    """A message body the product refuses, with a machine code and a human reason."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


def max_message_chars() -> int:
    return settings.HUMANDESK_MAX_MESSAGE_CHARS


def clean_message_body(body: object) -> str:
    """Return the body to store, or raise MessageRejected. Markup is kept as literal text."""
    if not isinstance(body, str):
        raise MessageRejected("invalid", _("The message must be text."))
    # NUL and other C0 controls (except tab/newline) break databases and terminals.
    body = "".join(ch for ch in body if ch in "\t\n" or ord(ch) >= 32 or ch == "\r")
    body = body.replace("\r\n", "\n").strip()
    if not body:
        raise MessageRejected("empty", _("The message is empty."))
    limit = max_message_chars()
    if len(body) > limit:
        raise MessageRejected(
            "too_long",
            _("The message is too long: %(length)d characters, the limit is %(limit)d.")
            % {"length": len(body), "limit": limit},
        )
    return body


def preview(body: str, length: int = 140) -> str:
    flat = " ".join(body.split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"
