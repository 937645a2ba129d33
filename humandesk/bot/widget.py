"""The bot's side of the website widget socket (sync; the consumer calls these in a DB thread).

Frames (docs/REALTIME.md): `{"type": "handover"}` is the "talk to a person" button,
`{"type": "feedback", "helpful": bool}` the two "did this help?" buttons; the server tells
the widget the bot's state with `{"type": "bot", "conversation", "state", "feedback"}`.
"""

import logging

from django.http import Http404

from humandesk.bot import services
from humandesk.bot.models import BotSession, Reason, SessionState
from humandesk.conversations import access
from humandesk.conversations.models import Conversation
from humandesk.inboxes.adapters import widget

logger = logging.getLogger(__name__)


def state_frame(conversation: Conversation | None, session: BotSession | None = None) -> dict | None:
    """What the widget needs to draw the bot's buttons; None when the bot plays no part."""
    if conversation is None:
        return None
    session = session or BotSession.objects.filter(conversation=conversation).first()
    if session is None and not conversation.inbox.bot_enabled:
        return None
    return {
        "type": "bot", "conversation": conversation.pk,
        "state": session.state if session else SessionState.ACTIVE.value,
        "feedback": bool(session and session.awaiting_feedback),
    }


def state_of(conversation_id: int | None) -> dict | None:
    """The bot frame for a conversation id (None when there is none or the bot is off)."""
    if conversation_id is None:
        return None
    return state_frame(Conversation.objects.select_related("inbox").filter(pk=conversation_id).first())


def after_customer_message(conversation_id: int, seq: int) -> dict | None:
    """Let the bot answer a stored customer message; a bot failure never costs the message."""
    conversation = Conversation.objects.select_related("inbox", "workspace").get(pk=conversation_id)
    message = conversation.messages.filter(seq=seq).first()
    if message is None:
        return None
    try:
        session = services.on_customer_message(conversation, message)
    except Exception:  # the customer's message is stored; a person will read it in the queue
        logger.exception("bot failed on conversation %s", conversation_id)
        session = services.hand_over(conversation, Reason.LOW_CONFIDENCE)
    return state_frame(conversation, session)


def _visitors_conversation(visitor: widget.Visitor, conversation_id: int | None) -> Conversation:
    contact = widget.contact_of(visitor)
    if contact is None or conversation_id is None:
        raise Http404("No conversation yet")
    conversation = access.get_conversation_for_contact(contact, conversation_id)
    if conversation.inbox_id != visitor.inbox.pk:
        raise Http404("No such conversation")
    return conversation


def handover(visitor: widget.Visitor, conversation_id: int | None) -> dict | None:
    """The "talk to a person" button: hand over at once (a repeated click changes nothing)."""
    conversation = _visitors_conversation(visitor, conversation_id)
    return state_frame(conversation, services.hand_over(conversation, Reason.BUTTON))


def feedback(visitor: widget.Visitor, conversation_id: int | None, helpful: bool) -> dict | None:
    """The "did this help?" buttons."""
    conversation = _visitors_conversation(visitor, conversation_id)
    return state_frame(conversation, services.on_feedback(conversation, helpful))
