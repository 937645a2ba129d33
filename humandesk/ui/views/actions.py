"""Conversation actions (take, assign, transfer, status, priority, tags): one explicit registry."""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from humandesk.conversations import services
from humandesk.conversations.access import get_conversation_for
from humandesk.ui import forms as ui_forms
from humandesk.ui.decorators import staff_required
from humandesk.ui.errors import error_text
from humandesk.ui.views.conversation import panel_context


@dataclass(frozen=True)
class Action:
    form: type[forms.Form]
    apply: Callable
    # Forms whose choices are the workspace's agents or teams.
    scoped: bool = False


ACTIONS: dict[str, Action] = {
    "take": Action(ui_forms.EmptyForm, lambda conv, user, data: services.take_conversation(conv, user)),
    "assign": Action(ui_forms.AssignForm, scoped=True, apply=lambda conv, user, data:
                     services.assign_conversation(conv, data["assignee"], actor=user)),
    "transfer": Action(ui_forms.TeamForm, scoped=True, apply=lambda conv, user, data:
                       services.transfer_to_team(conv, data["team"], actor=user)),
    "status": Action(ui_forms.StatusForm, lambda conv, user, data:
                     services.change_status(conv, data["status"], actor=user)),
    "priority": Action(ui_forms.PriorityForm, lambda conv, user, data:
                       services.set_priority(conv, data["priority"], actor=user)),
    "tags": Action(ui_forms.TagsForm, lambda conv, user, data:
                   services.set_tags(conv, data["tags"], actor=user)),
}


def _run(action: Action, request, conversation) -> str:
    """Apply the action; return the error to show, or an empty string."""
    kwargs = {"workspace_id": conversation.workspace_id} if action.scoped else {}
    form = action.form(request.POST, **kwargs)
    if not form.is_valid():
        return ui_forms.first_error(form)
    current = conversation.status
    try:
        action.apply(conversation, request.user, form.cleaned_data)
    except services.ServiceError as exc:
        return error_text(exc, current=current, target=form.cleaned_data.get("status", ""))
    return ""


@require_POST
@staff_required
def conversation_action(request, pk: int, action: str):
    """Run one action; HTMX gets the header and details back, a plain form post a redirect."""
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404("No such action")
    conversation = get_conversation_for(request.user, pk)
    error = _run(spec, request, conversation)
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect("ui:conversation", pk=pk)
    conversation = get_conversation_for(request.user, pk)
    return render(request, "ui/conversation/_panel.html",
                  panel_context(request.user, conversation, error), status=422 if error else 200)
