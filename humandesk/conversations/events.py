"""Timeline rows and who hears about them in real time.

Every state change writes one ConversationEvent. After the transaction commits, the event is
pushed to its audiences: staff of the workspace always; the customer's widget only when
the event is public. The channel layer may drop a push; sockets replay from the table.
"""

from django.db import transaction

from humandesk.conversations.models import Conversation, ConversationEvent, EventKind, Message

STAFF_ONLY_DATA = frozenset({"assignee"})


def staff_group(workspace_id: int) -> str:
    return f"staff.{workspace_id}"


def conversation_group(conversation_id: int) -> str:
    return f"conversation.{conversation_id}"


def audiences(event: ConversationEvent) -> list[str]:
    groups = [staff_group(event.workspace_id)]
    if event.public:
        groups.append(conversation_group(event.conversation_id))
    return groups


def serialize_message(message: Message, *, for_customer: bool = False) -> dict:
    author = message.author
    return {
        "id": message.pk,
        "seq": message.seq,
        "kind": message.kind,
        "body": message.body,
        "client_id": message.client_id,
        "author": {"id": None if for_customer else author.pk, "name": author.name} if author else None,
        "created_at": message.created_at.isoformat(),
    }


def serialize_event(event: ConversationEvent, *, for_customer: bool = False) -> dict:
    data = event.data
    if for_customer:  # the customer's side never learns staff account ids
        data = {k: v for k, v in data.items() if k not in STAFF_ONLY_DATA}
    payload = {
        "type": "event",
        "id": event.pk,
        "kind": event.kind,
        "conversation": event.conversation_id,
        "data": data,
        "at": event.created_at.isoformat(),
    }
    if event.message_id:
        payload["message"] = serialize_message(event.message, for_customer=for_customer)
    if not for_customer:
        payload["public"] = event.public
    return payload


def record(
    conversation: Conversation, kind: str, *, message: Message | None = None, actor=None,
    data: dict | None = None, public: bool = False,
) -> ConversationEvent:
    """Write one timeline row and push it to its audiences once the transaction commits."""
    event = ConversationEvent.objects.create(
        workspace_id=conversation.workspace_id, conversation=conversation, kind=kind,
        message=message, actor=actor, data=data or {}, public=public,
    )
    transaction.on_commit(lambda: _push(event))
    return event


def _push(event: ConversationEvent) -> None:
    from humandesk.realtime.broadcast import publish

    staff_payload = serialize_event(event)
    publish(staff_group(event.workspace_id), staff_payload)
    if event.public:
        publish(conversation_group(event.conversation_id), serialize_event(event, for_customer=True))


def record_message(conversation: Conversation, message: Message, actor=None) -> ConversationEvent:
    return record(
        conversation, EventKind.MESSAGE_CREATED, message=message, actor=actor,
        public=message.is_public,
        data={"status": conversation.status, "assignee": conversation.assignee_id},
    )
