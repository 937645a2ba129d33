"""Lead-only playbook editing and the agent's conversation sidebar fragment."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from humandesk.conversations.access import get_conversation_for
from humandesk.playbooks import services
from humandesk.playbooks.defaults import LANGUAGES
from humandesk.playbooks.forms import PlaybookForm
from humandesk.playbooks.guide import conversation_guide
from humandesk.playbooks.models import Playbook


def _require_lead(request) -> None:
    if not request.user.is_lead or request.user.workspace_id is None:
        raise PermissionDenied


def _ui_language(request) -> str:
    lang = getattr(request, "LANGUAGE_CODE", "") or request.user.language
    return lang if lang in LANGUAGES else "en"


def _own_playbook(request, pk: int) -> Playbook:
    return get_object_or_404(Playbook, pk=pk, workspace_id=request.user.workspace_id)


@login_required
def playbook_list(request):
    _require_lead(request)
    playbooks = services.list_playbooks(request.user.workspace)
    return render(request, "playbooks/list.html", {"playbooks": playbooks, "languages": LANGUAGES})


@login_required
@require_POST
def playbook_customize(request):
    _require_lead(request)
    try:
        playbook = services.customize_playbook(
            request.user.workspace, request.POST.get("key", ""), request.POST.get("lang", ""),
            editor=request.user,
        )
    except services.PlaybookError as exc:
        return HttpResponseBadRequest(exc.reason)
    return redirect("playbooks:edit", pk=playbook.pk)


@login_required
@require_http_methods(["GET", "POST"])
def playbook_edit(request, pk: int):
    _require_lead(request)
    playbook = _own_playbook(request, pk)
    if request.method == "POST":
        form = PlaybookForm(request.POST)
        if form.is_valid():
            services.update_playbook(playbook, title=form.cleaned_data["title"],
                                     steps=form.cleaned_data["steps"], editor=request.user)
            return redirect("playbooks:list")
    else:
        form = PlaybookForm(initial={"title": playbook.title, "steps": "\n".join(playbook.steps)})
    return render(request, "playbooks/edit.html", {"playbook": playbook, "form": form},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def playbook_reset(request, pk: int):
    _require_lead(request)
    services.reset_playbook(_own_playbook(request, pk))
    return redirect("playbooks:list")


@login_required
@require_http_methods(["GET", "POST"])
def sidebar(request, conversation_id: int):
    """GET: the mood + playbook fragment. POST playbook=<key>&step=<n>: tick/untick a step."""
    conversation = get_conversation_for(request.user, conversation_id)
    lang = _ui_language(request)
    if request.method == "POST":
        key = request.POST.get("playbook", "")
        view = services.get_playbook(conversation.workspace, key, lang)
        try:
            services.toggle_step(conversation, key, int(request.POST.get("step", "")), user=request.user,
                                 steps_count=len(view.steps) if view else 0)
        except (ValueError, services.PlaybookError):
            return HttpResponseBadRequest("No such step")
    guide = conversation_guide(conversation, lang)
    return render(request, "playbooks/sidebar.html", {"conversation": conversation, "guide": guide})
