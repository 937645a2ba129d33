"""Load the demo conversations of «Тундра» from data/conversations.<lang>.json.

Every message and state change goes through `conversations.services`, so the timeline
(ConversationEvent) is exactly what real people would have produced. Afterwards the rows are
back-dated so the inbox looks lived-in, with messages spread over the last days.
"""

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from humandesk.accounts.models import Team, User, Workspace
from humandesk.contacts.models import Contact, ContactIdentity
from humandesk.conversations import services
from humandesk.conversations.models import (
    Conversation,
    ConversationEvent,
    Message,
    MessageKind,
    Status,
)
from humandesk.demo import personas
from humandesk.inboxes.models import Inbox

DATA_DIR = Path(__file__).resolve().parent / "data"
TEAM_KEYS = {
    "first_line": personas.TEAM_FIRST_LINE,
    "spanish": personas.TEAM_SPANISH,
    "engineering": personas.TEAM_ENGINEERING,
}
INBOX_CHANNELS = ("widget", "email")


class DemoDataError(ValueError):
    """The demo data contradicts itself (unknown person, time running backwards, …)."""


def read_demo_data() -> dict:
    """Merge every data/conversations.*.json into {"contacts": {key: spec}, "conversations": [...]}."""
    contacts: dict[str, dict] = {}
    conversations: list[dict] = []
    for path in sorted(DATA_DIR.glob("conversations.*.json")):
        chunk = json.loads(path.read_text(encoding="utf-8"))
        for contact in chunk["contacts"]:
            if contact["key"] in contacts:
                raise DemoDataError(f"{path.name}: contact {contact['key']!r} is defined twice")
            contacts[contact["key"]] = contact
        conversations.extend(chunk["conversations"])
    return {"contacts": contacts, "conversations": conversations}


@dataclass
class _Cast:
    """The workspace's people, teams and inboxes under the keys the data files use."""

    workspace: Workspace
    users: dict[str, User]
    teams: dict[str, Team]
    inboxes: dict[str, Inbox]
    # Rows written during the load are stamped no later than `anchor`, which is before
    # `started`: anything at or after `started` is a row not back-dated yet.
    started: datetime = field(default_factory=timezone.now)

    @property
    def anchor(self) -> datetime:
        return self.started - timedelta(seconds=30)

    def at(self, minutes_ago: float) -> datetime:
        return self.anchor - timedelta(minutes=minutes_ago)

    def user(self, username: str | None, where: str) -> User | None:
        if username is None:
            return None
        if username not in self.users:
            raise DemoDataError(f"{where}: unknown staff login {username!r}")
        return self.users[username]

    def team(self, key: str, where: str) -> Team:
        if key not in self.teams:
            raise DemoDataError(f"{where}: unknown team {key!r} (use one of {sorted(self.teams)})")
        return self.teams[key]


def _cast(workspace: Workspace) -> _Cast:
    teams_by_name = {t.name: t for t in Team.objects.filter(workspace=workspace)}
    inboxes = {}
    for channel in INBOX_CHANNELS:
        inbox = Inbox.objects.filter(workspace=workspace, channel_type=channel).order_by("pk").first()
        if inbox is None:
            raise DemoDataError(f"the demo workspace has no {channel} inbox: build it first")
        inboxes[channel] = inbox
    return _Cast(
        workspace=workspace,
        users={u.username: u for u in User.objects.filter(workspace=workspace)},
        teams={key: teams_by_name[name] for key, name in TEAM_KEYS.items() if name in teams_by_name},
        inboxes=inboxes,
    )


@transaction.atomic
def load_conversations(workspace: Workspace) -> int:
    """Create the demo contacts and conversations in the workspace; returns how many conversations."""
    data = read_demo_data()
    cast = _cast(workspace)
    contacts = {key: _create_contact(cast, spec) for key, spec in data["contacts"].items()}
    first_seen: dict[int, datetime] = {}
    for spec in data["conversations"]:
        contact = contacts.get(spec["contact"])
        if contact is None:
            raise DemoDataError(f"{spec['key']}: unknown contact {spec['contact']!r}")
        opened_at = _load_conversation(cast, spec, contact)
        first_seen[contact.pk] = min(first_seen.get(contact.pk, opened_at), opened_at)
    for contact_pk, opened_at in first_seen.items():
        # A contact "appears" when they first wrote, not when the demo was loaded.
        Contact.objects.filter(pk=contact_pk).update(created_at=opened_at, updated_at=opened_at)
    return len(data["conversations"])


def _create_contact(cast: _Cast, spec: dict) -> Contact:
    identities = list(spec["identities"].items())
    if not identities:
        raise DemoDataError(f"contact {spec['key']!r} has no identity")
    channel, external_id = identities[0]
    contact = services.find_or_create_contact(
        cast.inboxes["widget"], channel, external_id, name=spec["name"], email=spec.get("email", ""),
        phone=spec.get("phone", ""), language=spec["language"],
    )
    for channel, external_id in identities[1:]:
        ContactIdentity.objects.get_or_create(
            workspace=cast.workspace, channel=channel, external_id=external_id, defaults={"contact": contact},
        )
    return contact


def _load_conversation(cast: _Cast, spec: dict, contact: Contact) -> datetime:
    """Replay one conversation through the services, then back-date it; returns when it opened."""
    key = spec["key"]
    steps = spec["messages"]
    _check_steps(key, steps)
    inbox = cast.inboxes.get(spec["inbox"])
    if inbox is None:
        raise DemoDataError(f"{key}: unknown inbox {spec['inbox']!r} (use one of {INBOX_CHANNELS})")
    clock = _Backdater(cast.started)
    conversation = services.start_conversation(inbox, contact, subject=spec.get("subject", ""),
                                               language=contact.language)
    if spec.get("team"):  # routing put it straight into another team's queue
        services.transfer_to_team(conversation, cast.team(spec["team"], key), actor=None)
    clock.stamp(conversation, cast.at(steps[0]["minutes_ago"]))
    for position, step in enumerate(steps):
        message = _apply_step(cast, conversation, step, key)
        if position == 0:  # triage sets the priority as soon as the first message lands
            services.set_priority(conversation, spec.get("priority", "normal"), actor=None)
        clock.stamp(conversation, cast.at(step["minutes_ago"]), message)
    _settle(cast, conversation, spec, key)
    settled_at = min(cast.at(steps[-1]["minutes_ago"]) + timedelta(minutes=1), cast.anchor)
    clock.stamp(conversation, settled_at)
    clock.finish(conversation, cast.at(steps[0]["minutes_ago"]), settled_at)
    return cast.at(steps[0]["minutes_ago"])


def _check_steps(key: str, steps: list[dict]) -> None:
    if not steps:
        raise DemoDataError(f"{key}: a conversation needs at least one message")
    times = [step["minutes_ago"] for step in steps]
    if any(later > earlier for earlier, later in zip(times, times[1:], strict=False)) or times[-1] < 0:
        raise DemoDataError(f"{key}: minutes_ago must not grow from one message to the next")


def _apply_step(cast: _Cast, conversation: Conversation, step: dict, key: str) -> Message | None:
    """Perform one step of the data through the matching service."""
    kind = step["kind"]
    if kind == "assign":
        services.assign_conversation(conversation, cast.user(step["to"], key),
                                     actor=cast.user(step.get("by"), key))
        return None
    if kind == "transfer":
        services.transfer_to_team(conversation, cast.team(step["to"], key), actor=cast.user(step.get("by"), key))
        return None
    body = step.get("body", "")
    if kind == MessageKind.CUSTOMER:
        return services.post_customer_message(conversation, body)[0]
    if kind == MessageKind.BOT:
        return services.post_bot_message(conversation, body)
    if kind == MessageKind.SYSTEM:
        return services.post_system_message(conversation, body)
    author = cast.user(step.get("author"), key)
    if author is None or kind not in {MessageKind.REPLY, MessageKind.NOTE}:
        raise DemoDataError(f"{key}: step {kind!r} needs a known kind and, for replies and notes, an author")
    if kind == MessageKind.REPLY:
        return services.post_reply(conversation, author, body)
    return services.add_note(conversation, author, body)


def _settle(cast: _Cast, conversation: Conversation, spec: dict, key: str) -> None:
    """Apply the final metadata: assignee, tags and status."""
    if "assignee" in spec:
        services.assign_conversation(conversation, cast.user(spec["assignee"], key),
                                     actor=cast.user(spec["assignee"], key))
    actor = conversation.assignee
    if spec.get("tags"):
        services.set_tags(conversation, spec["tags"], actor=actor)
    status = spec["status"]
    if status not in Status.values:
        raise DemoDataError(f"{key}: unknown status {status!r}")
    if status == Status.SNOOZED:
        until = timezone.now() + timedelta(minutes=spec["snoozed_for_minutes"])
        services.change_status(conversation, status, actor=actor, snoozed_until=until)
    elif status == Status.CLOSED:
        services.change_status(conversation, Status.RESOLVED, actor=actor)
        services.change_status(conversation, Status.CLOSED, actor=actor)
    elif status != Status.OPEN:
        services.change_status(conversation, status, actor=actor)


class _Backdater:
    """Moves the rows a conversation's steps wrote back to the step's moment.

    The services stamp rows with "now"; the demo wants a history spread over days, so we
    rewrite the timestamps with QuerySet.update — fine for seeding, never for real traffic.
    """

    def __init__(self, started: datetime):
        self.started = started
        self.stamps: list[tuple[str, datetime]] = []

    def stamp(self, conversation: Conversation, at: datetime, message: Message | None = None) -> None:
        ConversationEvent.objects.filter(conversation=conversation, created_at__gte=self.started).update(created_at=at)
        if message is not None:
            Message.objects.filter(pk=message.pk).update(created_at=at)
            self.stamps.append((message.kind, at))

    def finish(self, conversation: Conversation, opened_at: datetime, settled_at: datetime) -> None:
        public = [at for kind, at in self.stamps if kind != MessageKind.NOTE]
        replies = [at for kind, at in self.stamps if kind == MessageKind.REPLY]
        done = conversation.status in {Status.RESOLVED, Status.CLOSED}
        Conversation.objects.filter(pk=conversation.pk).update(
            created_at=opened_at, updated_at=settled_at,
            last_message_at=max(public) if public else None,
            first_reply_at=min(replies) if replies else None,
            resolved_at=settled_at if done else None,
        )
