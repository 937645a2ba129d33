"""The one gate to conversations: anything outside the caller's reach is a 404."""

from django.db.models import QuerySet
from django.http import Http404

from humandesk.accounts.models import User
from humandesk.contacts.models import Contact
from humandesk.conversations.models import Conversation


def conversations_for(user: User) -> QuerySet[Conversation]:
    """Conversations a staff member may see: those of their own workspace."""
    if not user.is_authenticated or user.workspace_id is None:
        return Conversation.objects.none()
    return Conversation.objects.filter(workspace_id=user.workspace_id)


def get_conversation_for(user: User, conversation_id) -> Conversation:
    try:
        return conversations_for(user).select_related("contact", "assignee", "team", "inbox").get(
            pk=int(conversation_id)
        )
    except (Conversation.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404("No such conversation") from exc


def get_conversation_for_contact(contact: Contact, conversation_id) -> Conversation:
    """A customer reaches only their own conversations; others look like they do not exist."""
    try:
        return Conversation.objects.select_related("inbox").get(pk=int(conversation_id), contact=contact)
    except (Conversation.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404("No such conversation") from exc
