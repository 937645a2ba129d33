"""State changes the API makes that have no home service yet: contacts, tokens, and the
composite operations (open a conversation with its first message, post any kind of message).

Conversation changes themselves always go through humandesk.conversations.services.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from humandesk.accounts.models import ApiToken, User
from humandesk.contacts.models import Contact
from humandesk.conversations import services as conversation_services
from humandesk.conversations.models import Conversation, Message, MessageKind
from humandesk.inboxes.models import Inbox

# Writing last_used_at on every request would turn each API read into a database write.
LAST_USED_PRECISION = timedelta(minutes=1)
CONTACT_FIELDS = ("name", "email", "phone", "language")


def mark_token_used(token: ApiToken) -> None:
    """Record that a token was used, at most once per LAST_USED_PRECISION."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now


def issue_token(user: User, name: str) -> tuple[ApiToken, str]:
    """Create a personal API token; the secret is returned once and never stored."""
    return ApiToken.issue(user, name.strip()[:100] or "API")


def revoke_token(token: ApiToken) -> None:
    """Delete a token: requests carrying its secret are refused from now on."""
    token.delete()


def create_contact(user: User, **fields) -> Contact:
    """Create a contact in the caller's workspace."""
    values = {name: fields.get(name) or "" for name in CONTACT_FIELDS}
    return Contact.objects.create(workspace_id=user.workspace_id, **values)


def update_contact(contact: Contact, **fields) -> Contact:
    """Change a contact's name, email, phone or language (only the fields given)."""
    changed = [name for name in CONTACT_FIELDS if name in fields]
    for name in changed:
        setattr(contact, name, fields[name] or "")
    if changed:
        contact.save(update_fields=[*changed, "updated_at"])
    return contact


def open_conversation(inbox: Inbox, contact: Contact, *, subject: str = "", body: str | None = None,
                      client_id: str | None = None) -> Conversation:
    """Start a conversation, with the customer's first message if one is given.

    One transaction: a rejected first message leaves no empty conversation behind.
    """
    with transaction.atomic():
        conversation = conversation_services.start_conversation(inbox, contact, subject=subject)
        if body is not None:
            conversation_services.post_customer_message(conversation, body, client_id=client_id)
    return conversation


def post_message(conversation: Conversation, user: User, kind: str, body: str, *,
                 client_id: str | None = None) -> tuple[Message, bool]:
    """Post a reply, note or customer message; a repeated client_id returns the stored one."""
    if client_id:
        # Checked before the kind's rules so a retry after the conversation closed still
        # gets its original message back instead of an error.
        existing = Message.objects.filter(conversation=conversation, client_id=client_id).first()
        if existing is not None:
            return existing, False
    if kind == MessageKind.CUSTOMER:
        return conversation_services.post_customer_message(conversation, body, client_id=client_id)
    if kind == MessageKind.REPLY:
        message = conversation_services.post_reply(conversation, user, body, client_id=client_id)
    elif kind == MessageKind.NOTE:
        message = conversation_services.add_note(conversation, user, body, client_id=client_id)
    else:
        raise conversation_services.ServiceError("bad_kind", f"cannot post a message of kind {kind!r}")
    return message, True
