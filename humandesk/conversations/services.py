"""Every state change of a conversation. Views, sockets, the API and the bot call these."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from humandesk.accounts.models import Team, User
from humandesk.coach.services import record_findings_after_commit
from humandesk.contacts.models import Contact
from humandesk.conversations import counts, events, states
from humandesk.conversations.models import (
    Conversation,
    EventKind,
    Message,
    MessageKind,
    Priority,
    Status,
    Tag,
)
from humandesk.core.text import clean_message_body, preview
from humandesk.inboxes.models import Inbox


class ServiceError(ValueError):
    """A request that breaks a rule (not a bug): shown to the caller as a clear error."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


def start_conversation(inbox: Inbox, contact: Contact, *, subject: str = "", language: str = "") -> Conversation:
    """Open a new conversation for a contact in an inbox."""
    with transaction.atomic():
        conversation = Conversation.objects.create(
            workspace_id=inbox.workspace_id, inbox=inbox, contact=contact, subject=subject[:255],
            language=language or contact.language or inbox.language, team=inbox.default_team,
        )
        counts.move(None, counts.bucket_of(conversation))
        events.record(conversation, EventKind.CONVERSATION_CREATED, data={"inbox": inbox.pk})
    return conversation


def _append(conversation: Conversation, kind: str, body: str, *, author: User | None,
            client_id: str | None) -> tuple[Message, bool]:
    """Append a message at the next seq; a repeated client_id returns the stored one."""
    body = clean_message_body(body)
    client_id = (client_id or None) and str(client_id)[:64]
    with transaction.atomic():
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if client_id:
            existing = Message.objects.filter(conversation=locked, client_id=client_id).first()
            if existing:
                return existing, False
        now = timezone.now()
        message = Message.objects.create(
            conversation=locked, seq=locked.message_count + 1, kind=kind, author=author,
            body=body, client_id=client_id,
        )
        _touch(locked, message, now)
        events.record_message(locked, message, actor=author)
    _refresh(conversation, locked)
    return message, True


def _touch(conversation: Conversation, message: Message, now) -> None:
    conversation.message_count = message.seq
    if message.kind != MessageKind.NOTE:
        conversation.last_message_at = now
        conversation.last_message_preview = preview(message.body, 200)
        conversation.last_message_kind = message.kind
    if message.kind == MessageKind.REPLY and conversation.first_reply_at is None:
        conversation.first_reply_at = now
    conversation.save()


def _refresh(stale: Conversation, fresh: Conversation) -> None:
    for field in ("status", "message_count", "last_message_at", "last_message_preview",
                  "last_message_kind", "first_reply_at", "resolved_at", "assignee_id", "updated_at"):
        setattr(stale, field, getattr(fresh, field))


def post_customer_message(conversation: Conversation, body: str, *, client_id: str | None = None) -> tuple[Message, bool]:
    """Store a customer's message; a resolved/pending conversation re-opens for the team."""
    if conversation.status == Status.CLOSED:
        raise ServiceError("closed", "conversation is closed")
    message, created = _append(conversation, MessageKind.CUSTOMER, body, author=None, client_id=client_id)
    if created and conversation.status in {Status.RESOLVED, Status.PENDING, Status.SNOOZED}:
        change_status(conversation, Status.OPEN, actor=None)
    return message, created


def post_reply(conversation: Conversation, agent: User, body: str, *, client_id: str | None = None) -> Message:
    """Send a public reply; an unassigned conversation becomes the replying agent's."""
    if conversation.status == Status.CLOSED:
        raise ServiceError("closed", "conversation is closed")
    message, created = _append(conversation, MessageKind.REPLY, body, author=agent, client_id=client_id)
    if created:
        record_findings_after_commit(message)  # for the coach's per-agent reports
    if created and conversation.assignee_id is None:
        assign_conversation(conversation, agent, actor=agent)
    return message


def add_note(conversation: Conversation, agent: User, body: str, *, client_id: str | None = None) -> Message:
    """Leave an internal note that the customer never sees."""
    message, _ = _append(conversation, MessageKind.NOTE, body, author=agent, client_id=client_id)
    return message


def post_bot_message(conversation: Conversation, body: str) -> Message:
    """Post a message from the first-line bot."""
    message, _ = _append(conversation, MessageKind.BOT, body, author=None, client_id=None)
    return message


def post_system_message(conversation: Conversation, body: str) -> Message:
    """Post a system line visible in the thread (e.g. "Anna joined the chat")."""
    message, _ = _append(conversation, MessageKind.SYSTEM, body, author=None, client_id=None)
    return message


def change_status(conversation: Conversation, status: str, *, actor: User | None, snoozed_until=None) -> None:
    """Move a conversation to another status through the transition table."""
    before = counts.bucket_of(conversation)
    try:
        previous = states.transition(conversation, status, snoozed_until=snoozed_until)
    except states.TransitionError as exc:
        raise ServiceError("bad_transition", str(exc)) from exc
    if previous == conversation.status:
        return
    with transaction.atomic():
        conversation.save(update_fields=["status", "snoozed_until", "resolved_at", "updated_at"])
        counts.move(before, counts.bucket_of(conversation))
        events.record(conversation, EventKind.STATUS_CHANGED, actor=actor, public=True,
                      data={"from": previous, "to": conversation.status})


def assign_conversation(conversation: Conversation, assignee: User | None, *, actor: User | None) -> None:
    """Give the conversation to an agent of the same workspace (None unassigns)."""
    if assignee is not None and assignee.workspace_id != conversation.workspace_id:
        raise ServiceError("foreign_user", "agent belongs to another workspace")
    if conversation.assignee_id == (assignee.pk if assignee else None):
        return
    previous = conversation.assignee_id
    before = counts.bucket_of(conversation)
    with transaction.atomic():
        conversation.assignee = assignee
        conversation.save(update_fields=["assignee", "updated_at"])
        counts.move(before, counts.bucket_of(conversation))
        events.record(conversation, EventKind.ASSIGNED, actor=actor, data={
            "from": previous, "to": assignee.pk if assignee else None,
            "name": assignee.name if assignee else "",
        })


def take_conversation(conversation: Conversation, agent: User) -> None:
    """The agent takes the conversation for themself."""
    assign_conversation(conversation, agent, actor=agent)


def transfer_to_team(conversation: Conversation, team: Team | None, *, actor: User | None) -> None:
    """Move the conversation to another team's queue, unassigning it."""
    if team is not None and team.workspace_id != conversation.workspace_id:
        raise ServiceError("foreign_team", "team belongs to another workspace")
    before = counts.bucket_of(conversation)
    with transaction.atomic():
        conversation.team = team
        conversation.assignee = None
        conversation.save(update_fields=["team", "assignee", "updated_at"])
        counts.move(before, counts.bucket_of(conversation))
        events.record(conversation, EventKind.TEAM_CHANGED, actor=actor,
                      data={"to": team.pk if team else None, "name": team.name if team else ""})


def set_priority(conversation: Conversation, priority: str, *, actor: User | None) -> None:
    """Change the priority (low, normal, high, urgent)."""
    if priority not in Priority.values:
        raise ServiceError("bad_priority", f"unknown priority {priority!r}")
    if conversation.priority == priority:
        return
    with transaction.atomic():
        previous = conversation.priority
        conversation.priority = priority
        conversation.save(update_fields=["priority", "updated_at"])
        events.record(conversation, EventKind.PRIORITY_CHANGED, actor=actor,
                      data={"from": previous, "to": priority})


def set_tags(conversation: Conversation, names: list[str], *, actor: User | None) -> list[str]:
    """Replace the conversation's tags, creating workspace tags as needed."""
    clean = sorted({n.strip().lower()[:50] for n in names if n and n.strip()})
    with transaction.atomic():
        tags = []
        for name in clean:
            try:
                with transaction.atomic():
                    tag, _ = Tag.objects.get_or_create(workspace_id=conversation.workspace_id, name=name)
            except IntegrityError:  # created concurrently
                tag = Tag.objects.get(workspace_id=conversation.workspace_id, name=name)
            tags.append(tag)
        conversation.tags.set(tags)
        Conversation.objects.filter(pk=conversation.pk).update(updated_at=timezone.now())
        events.record(conversation, EventKind.TAGS_CHANGED, actor=actor, data={"tags": clean})
    return clean


def find_or_create_contact(inbox: Inbox, channel: str, external_id: str, **fields) -> Contact:
    """Return the contact a channel identity belongs to, creating both on first sight."""
    from humandesk.contacts.models import ContactIdentity

    with transaction.atomic():
        identity = ContactIdentity.objects.select_related("contact").filter(
            workspace_id=inbox.workspace_id, channel=channel, external_id=external_id
        ).first()
        if identity:
            return identity.contact
        contact = Contact.objects.create(workspace_id=inbox.workspace_id, **fields)
        ContactIdentity.objects.create(contact=contact, workspace_id=inbox.workspace_id,
                                       channel=channel, external_id=external_id)
    return contact
