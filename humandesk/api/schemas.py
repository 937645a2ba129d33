"""Request and response shapes of API v1. Every field is explicit; timestamps are aware."""

import re
from datetime import datetime
from typing import Annotated, Literal

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from ninja import Schema
from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

from humandesk.conversations.models import Priority, Status

Id = Annotated[int, Field(ge=1, le=2**63 - 1)]
ClientId = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
# Built from the model choices so the API and the database can never disagree.
StatusName = Literal[tuple(Status.values)]
PriorityName = Literal[tuple(Priority.values)]
MAX_PAGE = 100
PHONE = re.compile(r"^[0-9+()\-.\s]*$")


def _repair_plus(value):
    """An unencoded '+' in a query string arrives as a space: '…T10:00:00 03:00'."""
    if isinstance(value, str):
        return re.sub(r" (\d\d:?\d\d)$", r"+\1", value.strip())
    return value


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("the timestamp needs a timezone, e.g. 2026-03-01T09:00:00Z or 2026-03-01T12:00:00+03:00")
    return value


def _language(value: str) -> str:
    codes = {code for code, _ in settings.LANGUAGES}
    if value and value not in codes:
        raise ValueError(f"unknown language {value!r}; use one of {', '.join(sorted(codes))} or ''")
    return value


def _email(value: str) -> str:
    if value:
        try:
            validate_email(value)
        except DjangoValidationError as exc:
            raise ValueError("not a valid email address") from exc
    return value.lower()


def _phone(value: str) -> str:
    if not PHONE.match(value):
        raise ValueError("a phone number may hold digits, spaces and + ( ) - . only")
    return value


Aware = Annotated[datetime, BeforeValidator(_repair_plus), AfterValidator(_aware)]
Text = Annotated[str, StringConstraints(strip_whitespace=True)]
Name = Annotated[Text, StringConstraints(max_length=200)]
Email = Annotated[Text, StringConstraints(max_length=254), AfterValidator(_email)]
Phone = Annotated[Text, StringConstraints(max_length=40), AfterValidator(_phone)]
Language = Annotated[Text, AfterValidator(_language)]


# --- people and places -------------------------------------------------------------------

class UserRef(Schema):
    id: int
    name: str


class UserOut(Schema):
    id: int
    username: str
    name: str
    email: str
    role: str
    language: str
    availability: str


class TeamOut(Schema):
    id: int
    name: str
    members: list[int]

    @staticmethod
    def resolve_members(team) -> list[int]:
        return sorted(member.pk for member in team.members.all())


class TeamRef(Schema):
    id: int
    name: str


class InboxOut(Schema):
    id: int
    name: str
    channel_type: str
    language: str
    default_team: int | None = Field(None, alias="default_team_id")


class InboxRef(Schema):
    id: int
    name: str
    channel_type: str


# --- contacts -----------------------------------------------------------------------------

class ContactIn(Schema):
    name: Name = ""
    email: Email = ""
    phone: Phone = ""
    language: Language = ""


class ContactPatch(Schema):
    """Only the fields present in the body change; null clears a field."""

    name: Name | None = None
    email: Email | None = None
    phone: Phone | None = None
    language: Language | None = None


class ContactOut(Schema):
    id: int
    name: str
    email: str
    phone: str
    language: str
    created_at: datetime
    updated_at: datetime


class ContactRef(Schema):
    id: int
    name: str
    email: str


class ContactFilters(Schema):
    q: Annotated[Text, StringConstraints(max_length=200)] | None = Field(
        None, description="Part of the name or email address.")
    cursor: str | None = Field(None, description="`next` from the previous page.")
    limit: int = Field(25, ge=1, le=MAX_PAGE)


class ContactPage(Schema):
    items: list[ContactOut]
    next: str | None = Field(description="Cursor of the next page; null on the last page.")


# --- conversations ------------------------------------------------------------------------

class FirstMessageIn(Schema):
    body: str = Field(description="The customer's first message, plain text.")
    client_id: ClientId | None = None


class ConversationIn(Schema):
    inbox: Id
    contact: Id
    subject: Annotated[Text, StringConstraints(max_length=255)] = ""
    message: FirstMessageIn | None = None


class ConversationOut(Schema):
    id: int
    subject: str
    status: str
    priority: str
    language: str
    inbox: InboxRef
    contact: ContactRef
    assignee: UserRef | None
    team: TeamRef | None
    tags: list[str]
    snoozed_until: datetime | None
    last_message_at: datetime | None
    last_message_preview: str
    message_count: int
    first_reply_at: datetime | None
    resolved_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_tags(conversation) -> list[str]:
        return [tag.name for tag in conversation.tags.all()]


class ConversationFilters(Schema):
    status: StatusName | None = None
    assignee: str | None = Field(
        None, pattern=r"^(me|none|\d{1,18})$",
        description="A user id, `me` (the token's user) or `none` (unassigned).")
    team: Id | None = None
    inbox: Id | None = None
    updated_since: Aware | None = Field(
        None, description="ISO 8601 with a timezone, e.g. `2026-03-01T09:00:00Z`.")
    order: Literal["-updated_at", "updated_at"] = Field(
        "-updated_at", description="Newest first (default) or oldest first (for syncing).")
    cursor: str | None = Field(None, description="`next` from the previous page.")
    limit: int = Field(25, ge=1, le=MAX_PAGE)


class ConversationPage(Schema):
    items: list[ConversationOut]
    next: str | None = Field(description="Cursor of the next page; null on the last page.")


class StatusIn(Schema):
    status: StatusName
    snoozed_until: Aware | None = None


class AssigneeIn(Schema):
    assignee: Id | None = Field(description="A user id of the workspace, or null to unassign.")


class TeamIn(Schema):
    team: Id | None = Field(description="A team id of the workspace, or null for no team.")


class PriorityIn(Schema):
    priority: PriorityName


class TagsIn(Schema):
    tags: list[Annotated[Text, StringConstraints(max_length=50)]] = Field(max_length=50)


# --- messages -----------------------------------------------------------------------------

class MessageIn(Schema):
    kind: Literal["reply", "note", "customer"] = Field(
        description="`reply`: public answer as the token's user; `note`: internal note; "
                    "`customer`: a message from the customer (e.g. from an external channel).")
    body: str = Field(description="Plain text; markup is stored and shown literally.")
    client_id: ClientId | None = Field(
        None, description="Idempotency key, unique per conversation: a repeat returns the "
                          "stored message with status 200 instead of 201.")


class MessageOut(Schema):
    id: int
    conversation: int = Field(alias="conversation_id")
    seq: int
    kind: str
    body: str
    client_id: str | None
    author: UserRef | None
    created_at: datetime


class MessageFilters(Schema):
    after_seq: int = Field(0, ge=0, le=2**31, description="Return messages after this seq.")
    limit: int = Field(50, ge=1, le=MAX_PAGE)


class MessagePage(Schema):
    items: list[MessageOut]
    next_after_seq: int | None = Field(
        description="Pass as `after_seq` for the next page; null when there is no more.")
