"""/api/v1/conversations/{id}/messages: read a thread in seq order, post into it."""

from ninja import Query, Router

from humandesk.api import services
from humandesk.api.errors import errors
from humandesk.api.schemas import Id, MessageFilters, MessageIn, MessageOut, MessagePage
from humandesk.conversations.access import get_conversation_for

router = Router(tags=["messages"])


@router.get("/conversations/{conversation_id}/messages",
            response={200: MessagePage, **errors(404, 422)}, summary="List messages")
def list_messages(request, conversation_id: Id, filters: Query[MessageFilters]):
    """Messages (internal notes included) in seq order, after `after_seq`."""
    conversation = get_conversation_for(request.auth, conversation_id)
    messages = list(
        conversation.messages.filter(seq__gt=filters.after_seq)
        .select_related("author").order_by("seq")[: filters.limit + 1]
    )
    more = len(messages) > filters.limit
    messages = messages[: filters.limit]
    return {"items": messages, "next_after_seq": messages[-1].seq if more else None}


@router.post("/conversations/{conversation_id}/messages",
             response={200: MessageOut, 201: MessageOut, **errors(404, 409, 422)},
             summary="Post a message")
def create_message(request, conversation_id: Id, payload: MessageIn):
    """Post a `reply` (as the token's user), a `note`, or a `customer` message.

    With `client_id`, a repeat of a stored message returns it with status 200 and stores
    nothing; a new message answers 201. A closed conversation refuses replies and customer
    messages with 409 `closed`; an empty or oversize body is a 422 (`empty`, `too_long`).
    """
    conversation = get_conversation_for(request.auth, conversation_id)
    message, created = services.post_message(
        conversation, request.auth, payload.kind, payload.body, client_id=payload.client_id)
    return (201 if created else 200), message
