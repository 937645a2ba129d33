"""Conversations (tickets), their messages, tags and the event timeline."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from humandesk.accounts.models import Team, Workspace
from humandesk.contacts.models import Contact
from humandesk.inboxes.models import Inbox


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    PENDING = "pending", _("Pending")
    SNOOZED = "snoozed", _("Snoozed")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


class Priority(models.TextChoices):
    LOW = "low", _("Low")
    NORMAL = "normal", _("Normal")
    HIGH = "high", _("High")
    URGENT = "urgent", _("Urgent")


class Tag(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="tags")
    name = models.CharField(max_length=50)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workspace", "name"], name="tag_name_unique")]
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Conversation(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="conversations")
    inbox = models.ForeignKey(Inbox, on_delete=models.PROTECT, related_name="conversations")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="conversations")
    subject = models.CharField(max_length=255, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.OPEN)
    priority = models.CharField(max_length=16, choices=Priority.choices, default=Priority.NORMAL)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="assigned_conversations",
    )
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL)
    tags = models.ManyToManyField(Tag, blank=True, related_name="conversations")
    language = models.CharField(max_length=8, blank=True)
    snoozed_until = models.DateTimeField(null=True, blank=True)
    # Denormalised for the inbox list: one row renders without touching messages.
    last_message_at = models.DateTimeField(null=True, blank=True)
    last_message_preview = models.CharField(max_length=200, blank=True)
    last_message_kind = models.CharField(max_length=16, blank=True)
    message_count = models.PositiveIntegerField(default=0)
    first_reply_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["workspace", "status", "-last_message_at"], name="conv_ws_status_recent"),
            models.Index(fields=["workspace", "assignee", "status", "-last_message_at"], name="conv_ws_assignee"),
            models.Index(fields=["workspace", "team", "status", "-last_message_at"], name="conv_ws_team"),
            models.Index(fields=["workspace", "-updated_at"], name="conv_ws_updated"),
            models.Index(fields=["contact", "-created_at"], name="conv_contact_recent"),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.subject or self.last_message_preview[:40]}"

    @property
    def is_open_for_customer(self) -> bool:
        return self.status != Status.CLOSED



class MessageKind(models.TextChoices):
    CUSTOMER = "customer", _("Customer")
    REPLY = "reply", _("Reply")
    NOTE = "note", _("Internal note")
    BOT = "bot", _("Bot")
    SYSTEM = "system", _("System event")


PUBLIC_KINDS = frozenset({MessageKind.CUSTOMER, MessageKind.REPLY, MessageKind.BOT, MessageKind.SYSTEM})


class Message(models.Model):
    """One entry in a thread. Body is plain text: it is escaped on output, never trusted as HTML."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    # Position in the thread, 1, 2, 3…: clients order and resume by it.
    seq = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=MessageKind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField()
    # Client-chosen id: a resent message with the same id is stored once.
    client_id = models.CharField(max_length=64, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["seq"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "seq"], name="message_seq_unique"),
            models.UniqueConstraint(
                fields=["conversation", "client_id"], name="message_client_id_unique",
                condition=models.Q(client_id__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} #{self.seq}: {self.body[:40]}"

    @property
    def is_public(self) -> bool:
        return self.kind in PUBLIC_KINDS



class EventKind(models.TextChoices):
    CONVERSATION_CREATED = "conversation_created"
    MESSAGE_CREATED = "message_created"
    STATUS_CHANGED = "status_changed"
    ASSIGNED = "assigned"
    TEAM_CHANGED = "team_changed"
    PRIORITY_CHANGED = "priority_changed"
    TAGS_CHANGED = "tags_changed"
    CONTACT_UPDATED = "contact_updated"


class ConversationEvent(models.Model):
    """The timeline. Its auto-increment id numbers every real-time stream (replay from here)."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=32, choices=EventKind.choices)
    message = models.ForeignKey(Message, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    data = models.JSONField(default=dict, blank=True)
    # Whether the customer's widget sees it (internal notes and assignment changes are staff-only).
    public = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(fields=["workspace", "id"], name="event_ws_id"),
            models.Index(fields=["conversation", "id"], name="event_conv_id"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} on #{self.conversation_id}"


class ConversationCount(models.Model):
    """How many conversations sit in each (status, assignee, team) bucket of a workspace.

    The inbox navigation sums these few rows instead of counting a million conversations;
    `conversations.counts` keeps them in step inside the services' transactions.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=16, choices=Status.choices)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="+")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    count = models.IntegerField(default=0)

    class Meta:
        # No unique constraint: NULL buckets are never equal in SQL, and a bucket created twice
        # by two racing transactions still sums right, because `totals` adds rows up.
        indexes = [models.Index(fields=["workspace", "status"], name="conversation_count_ws")]

    def __str__(self) -> str:
        return f"{self.status}/{self.assignee_id}/{self.team_id}: {self.count}"
