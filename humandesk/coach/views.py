"""Coach views: the composer's live check (HTML fragment or JSON) and the lead's settings page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from humandesk.coach import services
from humandesk.coach.engine import RULES, CoachInputError, Finding
from humandesk.coach.engine.report import LANGUAGES
from humandesk.coach.models import GlossaryEntry
from humandesk.conversations.access import get_conversation_for

MAX_DRAFT_CHARS = 100_000


def _staff(request: HttpRequest):
    user = request.user
    if not user.is_authenticated or user.workspace_id is None:
        raise PermissionDenied("sign in as staff")
    return user


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _utf16(text: str, index: int) -> int:
    """A code-point offset as the browser counts it (UTF-16 units): emoji take two."""
    return len(text[:index].encode("utf-16-le")) // 2


def _item(finding: Finding, text: str, must_fix: frozenset) -> dict:
    return {**finding.to_dict(), "must_fix": finding.rule in must_fix,
            "start_utf16": _utf16(text, finding.start), "end_utf16": _utf16(text, finding.end)}


def _error(request: HttpRequest, message: str, status: int) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"error": message}, status=status)
    return render(request, "coach/findings.html", {"error": message}, status=status)


@require_POST
def check(request: HttpRequest) -> HttpResponse:
    """Check the composer's draft; answers the findings fragment, or JSON on Accept: application/json."""
    user = _staff(request)
    # Browsers send textarea newlines as CRLF but count offsets on LF: check what the textarea holds.
    text = request.POST.get("text", request.POST.get("body", "")).replace("\r\n", "\n")
    if len(text) > MAX_DRAFT_CHARS:
        return _error(request, _("The draft is too long to check (limit %(limit)d characters).")
                      % {"limit": MAX_DRAFT_CHARS}, 413)
    conversation_id = request.POST.get("conversation")
    conversation = get_conversation_for(user, conversation_id) if conversation_id else None
    try:
        report = services.check_draft(user.workspace, text, conversation=conversation,
                                      lang=request.POST.get("lang") or None, ui_lang=translation.get_language())
    except CoachInputError as exc:
        return _error(request, str(exc), 400)
    must_fix = services.must_fix_rules(user.workspace)
    items = [_item(f, text, must_fix) for f in report.findings]
    if _wants_json(request):
        return JsonResponse({**report.to_dict(), "findings": items}, json_dumps_params={"ensure_ascii": False})
    return render(request, "coach/findings.html", {"report": report, "findings": items})


@require_GET
def settings_page(request: HttpRequest) -> HttpResponse:
    """The glossary and must-fix rules; everyone on staff reads, leads and admins edit."""
    user = _staff(request)
    services.seed_glossary(user.workspace)
    entries = GlossaryEntry.objects.filter(workspace_id=user.workspace_id)
    must_fix = services.must_fix_rules(user.workspace)
    return render(request, "coach/settings.html", {
        "languages": LANGUAGES,
        "groups": [(lang, [e for e in entries if e.lang == lang]) for lang in LANGUAGES],
        "rules": [(rule, rule in must_fix) for rule in RULES],
        "can_edit": user.is_lead,
    })


def _entry_fields(request: HttpRequest) -> dict:
    return {key: request.POST.get(key, "") for key in ("lang", "unsuitable", "suitable", "note")}


@require_POST
def glossary_add(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    try:
        services.add_glossary_entry(user.workspace, actor=user, **_entry_fields(request))
        messages.success(request, _("Glossary entry added."))
    except services.GlossaryError as exc:
        messages.error(request, str(exc))
    return redirect("coach:settings")


@require_POST
def glossary_edit(request: HttpRequest, entry_id: int) -> HttpResponse:
    user = _staff(request)
    entry = get_object_or_404(GlossaryEntry, pk=entry_id, workspace_id=user.workspace_id)
    try:
        services.update_glossary_entry(entry, actor=user, **_entry_fields(request))
        messages.success(request, _("Glossary entry saved."))
    except services.GlossaryError as exc:
        messages.error(request, str(exc))
    return redirect("coach:settings")


@require_POST
def glossary_delete(request: HttpRequest, entry_id: int) -> HttpResponse:
    user = _staff(request)
    entry = get_object_or_404(GlossaryEntry, pk=entry_id, workspace_id=user.workspace_id)
    services.delete_glossary_entry(entry, actor=user)
    messages.success(request, _("Glossary entry deleted."))
    return redirect("coach:settings")


@require_POST
def rules(request: HttpRequest) -> HttpResponse:
    user = _staff(request)
    try:
        services.set_must_fix_rules(user.workspace, set(request.POST.getlist("must_fix")), actor=user)
        messages.success(request, _("Must-fix rules saved."))
    except services.GlossaryError as exc:
        messages.error(request, str(exc))
    return redirect("coach:settings")
