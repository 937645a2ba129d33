"""Canned-reply services: save with the coach's check, delete, and load the shipped defaults."""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from humandesk.accounts.models import User, Workspace
from humandesk.coach.services import check_text_for_save, must_fix_findings
from humandesk.replies.models import LANGUAGES, CannedReply, DefaultRepliesSeed
from humandesk.replies.search import fold
from humandesk.replies.variables import VARIABLES, unknown_variables

DATA_DIR = Path(__file__).resolve().parent / "data"
SHORTCUT = re.compile(r"^\w[\w-]{0,39}$")
MAX_BODY = 5000


class ReplyError(ValueError):
    """A canned reply that cannot be saved, with a reason fit to show the lead and the field it concerns."""

    def __init__(self, code: str, reason: str, field_name: str | None = None, findings: list | None = None):
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.field = field_name
        self.findings = findings or []


@dataclass
class SaveResult:
    reply: CannedReply
    findings: list = field(default_factory=list)  # the coach's advice; saving went ahead


def _require_lead(actor: User, workspace: Workspace) -> None:
    if not (actor.is_authenticated and actor.is_lead and actor.workspace_id == workspace.pk):
        raise PermissionDenied("only a lead or an admin edits canned replies")


def clean_shortcut(value: str) -> str:
    """The shortcut as stored: no leading slash, case-folded; a clear error when it cannot be one."""
    shortcut = fold((value or "").strip().lstrip("/"))
    if not SHORTCUT.match(shortcut):
        raise ReplyError("invalid_shortcut", _("A shortcut is one word of up to 40 letters, digits, "
                                               "hyphens or underscores, like /delivery."), "shortcut")
    return shortcut


def _clean(lang: str, shortcut: str, title: str, body: str) -> dict:
    lang = (lang or "").strip()
    if lang not in LANGUAGES:
        raise ReplyError("invalid_language", _("Choose Russian, English or Spanish."), "lang")
    title = " ".join((title or "").split())
    if not title or len(title) > 200:
        raise ReplyError("invalid_title", _("Give the reply a title of up to 200 characters."), "title")
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body or len(body) > MAX_BODY:
        raise ReplyError("invalid_body", _("The text must have between 1 and %(max)d characters.") % {"max": MAX_BODY},
                         "body")
    unknown = unknown_variables(body)
    if unknown:
        raise ReplyError("unknown_variable", _("Unknown variable %(unknown)s. You can use: %(allowed)s.") % {
            "unknown": ", ".join(f"{{{{ {name} }}}}" for name in unknown),
            "allowed": ", ".join(f"{{{{ {name} }}}}" for name in VARIABLES),
        }, "body")
    shortcut = clean_shortcut(shortcut)
    return {"lang": lang, "shortcut": shortcut, "title": title, "body": body,
            "search_text": fold(f"/{shortcut}\n{title}\n{body}")}


def _coach(workspace: Workspace, body: str, lang: str) -> list:
    """The coach's findings on the text; must-fix ones refuse the save."""
    report = check_text_for_save(workspace, body, lang)
    blocking = must_fix_findings(workspace, report)
    if blocking:
        raise ReplyError("must_fix", _("Fix these first (your lead marked them must-fix): %(rules)s") % {
            "rules": "; ".join(dict.fromkeys(f.message for f in blocking)),
        }, "body", list(report.findings))
    return list(report.findings)


def _store(reply: CannedReply) -> CannedReply:
    try:
        with transaction.atomic():
            reply.save()
    except IntegrityError as exc:
        raise ReplyError("duplicate_shortcut", _("This language already has a reply with the shortcut /%(s)s.")
                         % {"s": reply.shortcut}, "shortcut") from exc
    return reply


def create_reply(workspace: Workspace, *, actor: User, lang: str, shortcut: str, title: str,
                 body: str) -> SaveResult:
    """Add a workspace-wide canned reply once the coach has read it."""
    _require_lead(actor, workspace)
    fields = _clean(lang, shortcut, title, body)
    findings = _coach(workspace, fields["body"], fields["lang"])
    reply = _store(CannedReply(workspace=workspace, created_by=actor, updated_by=actor, **fields))
    return SaveResult(reply, findings)


def update_reply(reply: CannedReply, *, actor: User, lang: str, shortcut: str, title: str, body: str) -> SaveResult:
    """Change a canned reply once the coach has read the new text."""
    _require_lead(actor, reply.workspace)
    fields = _clean(lang, shortcut, title, body)
    findings = _coach(reply.workspace, fields["body"], fields["lang"])
    for name, value in fields.items():
        setattr(reply, name, value)
    reply.updated_by = actor
    return SaveResult(_store(reply), findings)


def delete_reply(reply: CannedReply, *, actor: User) -> None:
    """Remove a canned reply."""
    _require_lead(actor, reply.workspace)
    reply.delete()


def default_replies(lang: str) -> list[dict]:
    """The replies humandesk ships for a language: [{"shortcut", "title", "body"}]."""
    data = json.loads((DATA_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    return data["replies"]


def seed_defaults(workspace: Workspace) -> int:
    """Give a workspace the shipped replies once in its life; returns how many were added."""
    with transaction.atomic():
        _, created = DefaultRepliesSeed.objects.get_or_create(workspace=workspace)
        if not created:
            return 0
        rows = [CannedReply(workspace=workspace, **_clean(lang, item["shortcut"], item["title"], item["body"]))
                for lang in LANGUAGES for item in default_replies(lang)]
        before = CannedReply.objects.filter(workspace=workspace).count()
        # A shortcut the team already made for itself wins over ours.
        CannedReply.objects.bulk_create(rows, ignore_conflicts=True)
        return CannedReply.objects.filter(workspace=workspace).count() - before
