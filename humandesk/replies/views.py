"""Canned replies: the list every agent reads, the lead's editor, and the composer's search fragment."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from humandesk.coach.services import check_text_for_save, must_fix_rules
from humandesk.conversations.access import get_conversation_for
from humandesk.replies import services
from humandesk.replies.forms import ReplyForm
from humandesk.replies.models import LANGUAGE_CHOICES, LANGUAGES, CannedReply
from humandesk.replies.search import language_of, search_replies
from humandesk.replies.variables import VARIABLES, render_reply, values_for
from humandesk.ui.decorators import staff_required

LIST_LIMIT = 200


def _workspace(request):
    if request.user.workspace_id is None:
        raise PermissionDenied("canned replies belong to a workspace")
    return request.user.workspace


def _require_lead(request) -> None:
    if not request.user.is_lead:
        raise PermissionDenied("only a lead or an admin edits canned replies")


def _own_reply(request, pk: int) -> CannedReply:
    return get_object_or_404(CannedReply.objects.select_related("workspace"), pk=pk,
                             workspace_id=_workspace(request).pk)


def _findings(workspace, body: str, findings) -> list[dict]:
    """Findings as the page shows them: the words, the advice, the rewrite, must-fix or not."""
    blocking = must_fix_rules(workspace)
    return [{"rule": f.rule, "text": f.text or body[f.start:f.end], "message": f.message,
             "suggestion": f.suggestion, "must_fix": f.rule in blocking} for f in findings]


def _editor(request, form, reply=None, findings=None, status=200):
    return render(request, "replies/edit.html", {
        "form": form, "reply": reply, "findings": findings or [], "variables": VARIABLES,
    }, status=status)


@staff_required
@require_GET
def reply_list(request):
    workspace = _workspace(request)
    lang = request.GET.get("lang", "")
    lang = lang if lang in LANGUAGES else ""
    query = request.GET.get("q", "").strip()
    replies = search_replies(workspace, query, lang=lang or None, limit=LIST_LIMIT)
    return render(request, "replies/list.html", {
        "replies": replies, "query": query, "lang": lang, "languages": LANGUAGE_CHOICES,
        "can_edit": request.user.is_lead, "limited": len(replies) >= LIST_LIMIT,
    })


def _saved(request, result: services.SaveResult):
    if result.findings:
        messages.warning(request, _("Saved. The coach has %(n)d suggestion(s) for this text; see them below.")
                         % {"n": len(result.findings)})
        return redirect("replies:edit", pk=result.reply.pk)
    messages.success(request, _("Saved /%(shortcut)s.") % {"shortcut": result.reply.shortcut})
    return redirect("replies:list")


def _save(request, form, reply=None):
    """Validate the form and call the service; the response for a refused save keeps what was typed."""
    workspace = _workspace(request)
    if form.is_valid():
        body = form.cleaned_data["body"]
        try:
            if reply is None:
                result = services.create_reply(workspace, actor=request.user, **form.cleaned_data)
            else:
                result = services.update_reply(reply, actor=request.user, **form.cleaned_data)
        except services.ReplyError as exc:
            form.add_error(exc.field, exc.reason)
            return _editor(request, form, reply, _findings(workspace, body, exc.findings),
                           status=400)
        return _saved(request, result)
    return _editor(request, form, reply, status=400)


@staff_required
@require_http_methods(["GET", "POST"])
def reply_create(request):
    _workspace(request)
    _require_lead(request)
    if request.method == "POST":
        return _save(request, ReplyForm(request.POST))
    lang = request.GET.get("lang") if request.GET.get("lang") in LANGUAGES else request.user.language
    return _editor(request, ReplyForm(initial={"lang": lang if lang in LANGUAGES else "ru"}))


@staff_required
@require_http_methods(["GET", "POST"])
def reply_edit(request, pk: int):
    reply = _own_reply(request, pk)
    _require_lead(request)
    if request.method == "POST":
        return _save(request, ReplyForm(request.POST), reply)
    report = check_text_for_save(reply.workspace, reply.body, reply.lang)
    return _editor(request, ReplyForm.for_reply(reply), reply, _findings(reply.workspace, reply.body, report.findings))


@staff_required
@require_POST
def reply_delete(request, pk: int):
    reply = _own_reply(request, pk)
    _require_lead(request)
    services.delete_reply(reply, actor=request.user)
    messages.success(request, _("Deleted /%(shortcut)s.") % {"shortcut": reply.shortcut})
    return redirect("replies:list")


@staff_required
@require_GET
def reply_search(request):
    """The composer's picker: matches with their text rendered for this conversation and agent."""
    workspace = _workspace(request)
    raw_id = request.GET.get("conversation", "").strip()
    conversation = get_conversation_for(request.user, raw_id) if raw_id else None
    query = request.GET.get("q", "")
    lang = request.GET.get("lang", "")
    explicit = lang in LANGUAGES
    if not explicit:
        lang = language_of(conversation) if conversation is not None and lang != "all" else None
    replies = search_replies(workspace, query, lang=lang)
    if not replies and lang and not explicit:  # nothing in the chat's language: better any language than none
        replies = search_replies(workspace, query)
    values = values_for(contact=conversation.contact if conversation else None, agent=request.user,
                        conversation=conversation)
    matches = [{"reply": reply, "rendered": render_reply(reply.body, values)} for reply in replies]
    return render(request, "replies/_matches.html", {"matches": matches, "query": query, "lang": lang})
