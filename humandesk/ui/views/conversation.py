"""One conversation: the thread, the composer and the panels around them."""

import uuid

from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.views import View

from humandesk.accounts.models import User
from humandesk.coach.services import MustFixFindings
from humandesk.conversations import services, states
from humandesk.conversations.access import get_conversation_for
from humandesk.conversations.models import Conversation, Message, Priority, Status
from humandesk.core.text import MessageRejected
from humandesk.ui import conversation_list
from humandesk.ui.composer import send_from_composer
from humandesk.ui.decorators import staff_required
from humandesk.ui.errors import error_text
from humandesk.ui.forms import ComposerForm
from humandesk.ui.live import last_event_id

THREAD_LIMIT = 200
HISTORY_LIMIT = 10


def panel_context(user: User, conversation: Conversation, error: str = "") -> dict:
    """Header and details: who has it, which team, status moves allowed from here, tags."""
    return {
        "conversation": conversation,
        "action_error": error,
        "agents": list(User.objects.filter(workspace_id=conversation.workspace_id, is_active=True)
                       .order_by("display_name", "username")),
        "teams": conversation_list.workspace_teams(user),
        "tag_names": [tag.name for tag in conversation.tags.all()],
        "allowed_statuses": [(value, label) for value, label in Status.choices
                             if states.can_transition(conversation.status, value)],
        "priorities": Priority.choices,
    }


def composer_context(mode: str = ComposerForm.REPLY, body: str = "", error: str = "") -> dict:
    # A fresh client_id per rendered composer: a double-clicked send is stored once.
    return {"mode": mode, "body": body, "error": error, "client_id": uuid.uuid4().hex}


def _thread(conversation: Conversation) -> list[Message]:
    latest = conversation.messages.select_related("author").order_by("-seq")[:THREAD_LIMIT]
    return list(reversed(latest))


def _history(conversation: Conversation) -> list[Conversation]:
    return list(
        Conversation.objects.filter(contact_id=conversation.contact_id)
        .exclude(pk=conversation.pk).select_related("inbox").order_by("-created_at")[:HISTORY_LIMIT]
    )


def page_context(request, conversation: Conversation, composer: dict) -> dict:
    thread = _thread(conversation)
    return {
        **panel_context(request.user, conversation),
        "thread": thread,
        "earlier_before": thread[0].seq if thread and thread[0].seq > 1 else None,
        "history": _history(conversation),
        "composer": composer,
        "last_event_id": last_event_id(request.user),
    }


@staff_required
def conversation_page(request, pk: int):
    """The conversation page."""
    conversation = get_conversation_for(request.user, pk)
    # A closed conversation takes no replies, only notes: start in the mode that works.
    mode = ComposerForm.NOTE if conversation.status == Status.CLOSED else ComposerForm.REPLY
    return render(request, "ui/conversation.html", page_context(request, conversation, composer_context(mode)))


@staff_required
def panel(request, pk: int):
    """Header and details, both out of band: refreshed when status, assignee or tags change."""
    conversation = get_conversation_for(request.user, pk)
    return render(request, "ui/conversation/_panel.html", panel_context(request.user, conversation))


def _seq_param(request, name: str) -> int | None:
    raw = request.GET.get(name, "")
    return int(raw) if raw.isdigit() and len(raw) < 10 else None


class MessagesView(View):
    """GET: messages after (or before) a seq, as thread fragments. POST: send a reply or a note."""

    def get(self, request, pk: int):
        conversation = get_conversation_for(request.user, pk)
        after, before = _seq_param(request, "after_seq"), _seq_param(request, "before_seq")
        messages = conversation.messages.select_related("author")
        if after is not None:
            thread = list(messages.filter(seq__gt=after).order_by("seq")[:THREAD_LIMIT])
            return render(request, "ui/conversation/_messages.html",
                          {"conversation": conversation, "thread": thread})
        if before is not None:
            thread = list(reversed(messages.filter(seq__lt=before).order_by("-seq")[:THREAD_LIMIT]))
            earlier = thread[0].seq if thread and thread[0].seq > 1 else None
            return render(request, "ui/conversation/_messages.html",
                          {"conversation": conversation, "thread": thread, "earlier_before": earlier})
        return HttpResponseBadRequest("after_seq or before_seq is required")

    def post(self, request, pk: int):
        conversation = get_conversation_for(request.user, pk)
        mode = ComposerForm(request.POST).mode_or_default()
        body = request.POST.get("body", "")
        try:
            message = send_from_composer(conversation, request.user, mode, body, request.POST.get("client_id"))
        except (MessageRejected, services.ServiceError, MustFixFindings) as exc:
            return self._rejected(request, conversation, mode, body, error_text(exc))
        if not request.htmx:
            return redirect("ui:conversation", pk=conversation.pk)
        conversation = get_conversation_for(request.user, pk)
        context = {**panel_context(request.user, conversation),
                   "composer": composer_context(mode), "message": message}
        return render(request, "ui/conversation/_sent.html", context)

    def _rejected(self, request, conversation, mode: str, body: str, error: str):
        """Show the error next to the composer and keep what the agent typed."""
        composer = composer_context(mode, body, error)
        if request.htmx:
            context = {"conversation": conversation, "composer": composer}
            return render(request, "ui/conversation/_composer.html", context, status=422)
        return render(request, "ui/conversation.html",
                      page_context(request, conversation, composer), status=422)


messages_view = staff_required(MessagesView.as_view())
