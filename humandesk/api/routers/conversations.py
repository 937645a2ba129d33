"""/api/v1/conversations: list with filters, open, read, and change status, assignee, team,
priority and tags. Every change goes through humandesk.conversations.services."""

from ninja import Query, Router

from humandesk.api import access, cursors, services
from humandesk.api.errors import errors
from humandesk.api.schemas import (
    AssigneeIn,
    ConversationFilters,
    ConversationIn,
    ConversationOut,
    ConversationPage,
    Id,
    PriorityIn,
    StatusIn,
    TagsIn,
    TeamIn,
)
from humandesk.conversations import services as conversation_services
from humandesk.conversations.access import conversations_for, get_conversation_for

router = Router(tags=["conversations"])
RELATED = ("contact", "assignee", "team", "inbox")


def _filtered(user, filters: ConversationFilters):
    conversations = conversations_for(user)
    if filters.status:
        conversations = conversations.filter(status=filters.status)
    if filters.assignee == "me":
        conversations = conversations.filter(assignee=user)
    elif filters.assignee == "none":
        conversations = conversations.filter(assignee__isnull=True)
    elif filters.assignee:
        conversations = conversations.filter(assignee=access.member_for(user, filters.assignee))
    if filters.team:
        conversations = conversations.filter(team=access.team_for(user, filters.team))
    if filters.inbox:
        conversations = conversations.filter(inbox=access.inbox_for(user, filters.inbox))
    if filters.updated_since:
        conversations = conversations.filter(updated_at__gte=filters.updated_since)
    return conversations


@router.get("/conversations", response={200: ConversationPage, **errors(404, 422)},
            summary="List conversations")
def list_conversations(request, filters: Query[ConversationFilters]):
    """Filter by status, assignee, team, inbox and `updated_since`; pages follow `next`.

    Ids of teams, inboxes or users outside the workspace answer 404. To sync changes, ask
    with `order=updated_at` and `updated_since`: a conversation updated while you page
    moves to the end and is seen again rather than missed.
    """
    conversations = _filtered(request.auth, filters).select_related(*RELATED).prefetch_related("tags")
    items, next_cursor = cursors.page_by_updated(
        conversations, order=filters.order, cursor=filters.cursor, limit=filters.limit)
    return {"items": items, "next": next_cursor}


@router.post("/conversations", response={201: ConversationOut, **errors(404, 409, 422)},
             summary="Open a conversation")
def create_conversation(request, payload: ConversationIn):
    """Open a conversation for a contact in an inbox, optionally with the customer's first
    message. A rejected first message (empty, too long) leaves no conversation behind."""
    inbox = access.inbox_for(request.auth, payload.inbox)
    contact = access.contact_for(request.auth, payload.contact)
    first = payload.message
    conversation = services.open_conversation(
        inbox, contact, subject=payload.subject,
        body=first.body if first else None, client_id=first.client_id if first else None,
    )
    return 201, get_conversation_for(request.auth, conversation.pk)


@router.get("/conversations/{conversation_id}", response={200: ConversationOut, **errors(404)},
            summary="Get a conversation")
def get_conversation(request, conversation_id: Id):
    """One conversation of the workspace."""
    return get_conversation_for(request.auth, conversation_id)


@router.put("/conversations/{conversation_id}/status",
            response={200: ConversationOut, **errors(404, 409, 422)}, summary="Change status")
def set_status(request, conversation_id: Id, payload: StatusIn):
    """Move through the transition table; a forbidden move (e.g. out of `closed`) is a 409
    with code `bad_transition`."""
    conversation = get_conversation_for(request.auth, conversation_id)
    conversation_services.change_status(
        conversation, payload.status, actor=request.auth, snoozed_until=payload.snoozed_until)
    return get_conversation_for(request.auth, conversation_id)


@router.put("/conversations/{conversation_id}/assignee",
            response={200: ConversationOut, **errors(404, 422)}, summary="Assign")
def set_assignee(request, conversation_id: Id, payload: AssigneeIn):
    """Give the conversation to a staff member of the workspace; null unassigns."""
    conversation = get_conversation_for(request.auth, conversation_id)
    assignee = access.staff_for(request.auth, payload.assignee) if payload.assignee else None
    conversation_services.assign_conversation(conversation, assignee, actor=request.auth)
    return get_conversation_for(request.auth, conversation_id)


@router.put("/conversations/{conversation_id}/team",
            response={200: ConversationOut, **errors(404, 422)}, summary="Transfer to a team")
def set_team(request, conversation_id: Id, payload: TeamIn):
    """Move the conversation to a team's queue (this unassigns it); null removes the team."""
    conversation = get_conversation_for(request.auth, conversation_id)
    team = access.team_for(request.auth, payload.team) if payload.team else None
    conversation_services.transfer_to_team(conversation, team, actor=request.auth)
    return get_conversation_for(request.auth, conversation_id)


@router.put("/conversations/{conversation_id}/priority",
            response={200: ConversationOut, **errors(404, 422)}, summary="Set priority")
def set_priority(request, conversation_id: Id, payload: PriorityIn):
    """Set low, normal, high or urgent."""
    conversation = get_conversation_for(request.auth, conversation_id)
    conversation_services.set_priority(conversation, payload.priority, actor=request.auth)
    return get_conversation_for(request.auth, conversation_id)


@router.put("/conversations/{conversation_id}/tags",
            response={200: ConversationOut, **errors(404, 422)}, summary="Replace tags")
def set_tags(request, conversation_id: Id, payload: TagsIn):
    """Replace the tag list; names are trimmed and lower-cased, new ones are created."""
    conversation = get_conversation_for(request.auth, conversation_id)
    conversation_services.set_tags(conversation, payload.tags, actor=request.auth)
    return get_conversation_for(request.auth, conversation_id)
