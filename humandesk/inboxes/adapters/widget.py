"""The website chat widget channel: visitor tokens, sessions, history and customer actions.

A visitor is known by a random id inside a signed token (inbox id + visitor id). The contact
is created lazily, on the first message or `identify`, so that page views alone leave no
rows behind. Every state change goes through `humandesk.conversations.services`.
"""

import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from humandesk.contacts.models import Contact, ContactIdentity
from humandesk.conversations import access, events, services
from humandesk.conversations.models import (
    PUBLIC_KINDS,
    Conversation,
    ConversationEvent,
    EventKind,
    Message,
    MessageKind,
    Status,
)
from humandesk.core.text import clean_message_body
from humandesk.inboxes.models import ChannelType, Inbox

CHANNEL = "widget"
VISITOR_SIGNING_SALT = "humandesk.widget"
# A visitor who comes back within this time is recognised; every session call renews it.
TOKEN_MAX_AGE = 180 * 24 * 3600
HISTORY_LIMIT = 500
# What a customer may see in an event's data, per kind; everything else (assignee ids…) is staff-only.
CUSTOMER_DATA_KEYS = {
    EventKind.MESSAGE_CREATED: ("status",),
    EventKind.STATUS_CHANGED: ("from", "to"),
    EventKind.CONTACT_UPDATED: ("name", "email"),
}


class InvalidToken(ValueError):
    """A visitor token that is missing, forged, expired or names an unusable inbox."""


@dataclass(frozen=True)
class Visitor:
    inbox: Inbox
    visitor_id: str

    @property
    def group(self) -> str:
        """Channel-layer group of every open tab of this visitor."""
        return f"visitor.{self.inbox.pk}.{self.visitor_id}"


def find_inbox(public_key: object) -> Inbox | None:
    if not isinstance(public_key, str) or not public_key or len(public_key) > 32:
        return None
    return Inbox.objects.filter(public_key=public_key, channel_type=ChannelType.WIDGET).first()


def issue_token(inbox: Inbox, visitor_id: str) -> str:
    return signing.dumps({"i": inbox.pk, "v": visitor_id}, salt=VISITOR_SIGNING_SALT)


def read_token(token: object) -> Visitor:
    """Return the visitor a token names, or raise InvalidToken."""
    if not isinstance(token, str) or not token or len(token) > 500:
        raise InvalidToken("missing token")
    try:
        data = signing.loads(token, salt=VISITOR_SIGNING_SALT, max_age=TOKEN_MAX_AGE)
        inbox_id, visitor_id = int(data["i"]), str(data["v"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as exc:
        raise InvalidToken("bad token") from exc
    inbox = Inbox.objects.filter(pk=inbox_id, channel_type=ChannelType.WIDGET).first()
    if inbox is None:
        raise InvalidToken("unknown inbox")
    return Visitor(inbox, visitor_id)


def allowed_origins(inbox: Inbox) -> set[str]:
    return {o.strip().rstrip("/").lower() for o in inbox.allowed_origins.splitlines() if o.strip()}


def origin_allowed(inbox: Inbox, origin: str | None) -> bool:
    """Empty list = any site; otherwise the page's origin must be listed (scheme://host[:port])."""
    allowed = allowed_origins(inbox)
    if not allowed or origin is None:  # no Origin: not a browser, so no cross-site risk
        return True
    parts = urlsplit(origin.strip().lower())
    return f"{parts.scheme}://{parts.netloc}" in allowed


def contact_of(visitor: Visitor, *, create: bool = False) -> Contact | None:
    if create:
        return services.find_or_create_contact(visitor.inbox, CHANNEL, visitor.visitor_id)
    identity = ContactIdentity.objects.select_related("contact").filter(
        workspace_id=visitor.inbox.workspace_id, channel=CHANNEL, external_id=visitor.visitor_id
    ).first()
    return identity.contact if identity else None


def current_conversation(visitor: Visitor, contact: Contact | None = None) -> Conversation | None:
    """The visitor's latest conversation in this inbox that is not closed (resolved counts)."""
    contact = contact or contact_of(visitor)
    if contact is None:
        return None
    return (
        Conversation.objects.filter(contact=contact, inbox=visitor.inbox)
        .exclude(status=Status.CLOSED).order_by("-created_at", "-id").first()
    )


def open_session(inbox: Inbox, previous_token: object) -> dict:
    """Resume the visitor of a valid previous token of this inbox, or start a new visitor."""
    visitor = None
    if previous_token:
        try:
            visitor = read_token(previous_token)
        except InvalidToken:
            visitor = None
    if visitor is None or visitor.inbox.pk != inbox.pk:
        visitor = Visitor(inbox, uuid.uuid4().hex)
    contact = contact_of(visitor)
    conversation = current_conversation(visitor, contact)
    return {
        "token": issue_token(inbox, visitor.visitor_id),
        "contact": {"name": contact.name if contact else "", "email": contact.email if contact else ""},
        "conversation": conversation.pk if conversation else None,
        "title": inbox.widget_title or inbox.name,
        "greeting": inbox.greeting,
        "color": inbox.widget_color,
        "language": inbox.language,
    }


def customer_event(payload: dict) -> dict:
    """Strip staff-only fields from an already customer-serialised event."""
    keys = CUSTOMER_DATA_KEYS.get(payload.get("kind"), ())
    data = payload.get("data") or {}
    return {**payload, "data": {k: data[k] for k in keys if k in data}}


def _public_events(conversation_id: int):
    return ConversationEvent.objects.filter(conversation_id=conversation_id, public=True)


def last_public_event_id(conversation_id: int | None) -> int:
    if conversation_id is None:
        return 0
    return _public_events(conversation_id).order_by("-id").values_list("id", flat=True).first() or 0


def public_events_after(conversation_id: int | None, after: int, limit: int) -> list[dict]:
    """Customer view of the conversation's public events with id > after, oldest first."""
    if conversation_id is None:
        return []
    rows = (
        _public_events(conversation_id).filter(id__gt=after)
        .select_related("message__author").order_by("id")[:limit]
    )
    return [customer_event(events.serialize_event(e, for_customer=True)) for e in rows]


def history(visitor: Visitor, conversation_id: object = None) -> dict:
    """A fresh load of one conversation of the visitor: status, public messages, last event id."""
    contact = contact_of(visitor)
    if conversation_id not in (None, ""):
        if contact is None:
            raise Http404("No such conversation")
        conversation = access.get_conversation_for_contact(contact, conversation_id)
        if conversation.inbox_id != visitor.inbox.pk:
            raise Http404("No such conversation")
    else:
        conversation = current_conversation(visitor, contact)
    if conversation is None:
        return {"conversation": None, "status": None, "messages": [], "last_event_id": 0}
    messages = (
        Message.objects.filter(conversation=conversation, kind__in=PUBLIC_KINDS)
        .select_related("author").order_by("-seq")[:HISTORY_LIMIT]
    )
    return {
        "conversation": conversation.pk,
        "status": conversation.status,
        "messages": [events.serialize_message(m, for_customer=True) for m in reversed(messages)],
        "last_event_id": last_public_event_id(conversation.pk),
    }


def conversation_for_message(visitor: Visitor, body: object) -> tuple[Conversation, bool]:
    """The conversation a new message goes to; the first message (or one after close) opens one."""
    clean_message_body(body)  # refuse bad bodies before anything is created
    contact = contact_of(visitor, create=True)
    conversation = current_conversation(visitor, contact)
    if conversation is not None:
        return conversation, False
    return services.start_conversation(visitor.inbox, contact), True


def resent_message(visitor: Visitor, client_id: str, contact: Contact | None = None) -> Message | None:
    """The visitor's message already stored under this client_id, in any of their conversations."""
    contact = contact or contact_of(visitor)
    if contact is None:
        return None
    return Message.objects.filter(
        conversation__contact=contact, conversation__inbox=visitor.inbox, client_id=client_id,
        kind=MessageKind.CUSTOMER,
    ).first()


def send_message(visitor: Visitor, conversation_id: int, body: object, client_id: str) -> tuple[Message, bool]:
    """Store the visitor's message once per client_id (a resend returns the stored message)."""
    contact = contact_of(visitor, create=True)
    stored = resent_message(visitor, client_id, contact)
    if stored is not None:
        return stored, False
    conversation = access.get_conversation_for_contact(contact, conversation_id)
    return services.post_customer_message(conversation, body, client_id=client_id)


def identify_visitor(visitor: Visitor, email: object, name: object = None) -> Contact:
    """Record the contact details a visitor leaves; their open conversation's timeline notes it."""
    email = email.strip() if isinstance(email, str) else ""
    try:
        validate_email(email)
    except ValidationError as exc:
        raise services.ServiceError("invalid_email", _("Please enter a valid email address.")) from exc
    if name is not None and not isinstance(name, str):
        raise services.ServiceError("invalid_name", _("The name must be text."))
    name = " ".join((name or "").split())[:200]
    with transaction.atomic():
        contact = contact_of(visitor, create=True)
        contact.email = email[:254]
        if name:
            contact.name = name
        contact.save(update_fields=["email", "name", "updated_at"])
        conversation = current_conversation(visitor, contact)
        if conversation is not None:
            events.record(conversation, EventKind.CONTACT_UPDATED, public=True,
                          data={"name": contact.name, "email": contact.email})
    return contact
