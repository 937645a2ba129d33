"""Coach services: check a draft in its conversation, record a sent reply's findings, and the
lead's edits of the glossary and must-fix rules."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from humandesk.accounts.models import User, Workspace
from humandesk.coach.engine import RULES, Context, GlossaryItem, Report, check_reply
from humandesk.coach.engine.checker import resolve_language
from humandesk.coach.engine.phrases import default_glossary
from humandesk.coach.engine.report import LANGUAGES, UNKNOWN, CoachInputError
from humandesk.coach.models import GlossaryEntry, GlossarySeed, ReplyFinding, RuleSetting
from humandesk.conversations.models import Conversation, Message, MessageKind

OUR_FAULT_TAGS = ("incident", "our-fault")


class GlossaryError(ValueError):
    """A glossary edit that cannot be saved, with a reason fit to show the lead."""


def seed_glossary(workspace: Workspace) -> None:
    """Fill a workspace's glossary from the default data files, once in its life."""
    with transaction.atomic():
        seed, created = GlossarySeed.objects.get_or_create(workspace=workspace)
        if not created:
            return
        rows = [
            GlossaryEntry(workspace=workspace, lang=lang, unsuitable=item.unsuitable[:200],
                          suitable=item.suitable[:200], note=item.note[:300])
            for lang in LANGUAGES for item in default_glossary(lang)
        ]
        GlossaryEntry.objects.bulk_create(rows, ignore_conflicts=True)


def glossary_for(workspace: Workspace, lang: str) -> tuple[GlossaryItem, ...]:
    """The workspace's glossary in one language, seeded from the defaults the first time."""
    if not GlossarySeed.objects.filter(workspace=workspace).exists():
        seed_glossary(workspace)
    rows = GlossaryEntry.objects.filter(workspace=workspace, lang=lang).values_list("unsuitable", "suitable", "note")
    return tuple(GlossaryItem(*row) for row in rows)


def _conversation_context(conversation: Conversation, before_seq: int | None = None) -> dict:
    """First reply or not, the customer's name and last message, whether we are at fault."""
    messages = conversation.messages.all()
    if before_seq is not None:
        messages = messages.filter(seq__lt=before_seq)
    last_customer = messages.filter(kind=MessageKind.CUSTOMER).order_by("-seq").values_list("body", flat=True).first()
    return {
        "first_message": not messages.filter(kind=MessageKind.REPLY).exists(),
        "customer_name": conversation.contact.first_name,
        "customer_message": last_customer or "",
        "our_fault": conversation.tags.filter(name__in=OUR_FAULT_TAGS).exists(),
    }


def _check(workspace: Workspace, text: str, lang: str | None, ui_lang: str | None, **context) -> Report:
    resolved = resolve_language(text, lang)
    if resolved == UNKNOWN:  # nothing of ours to coach: an empty report in that "language"
        return check_reply(text, Context(lang=None, ui_lang=ui_lang, **context))
    glossary = glossary_for(workspace, resolved)
    return check_reply(text, Context(lang=resolved, ui_lang=ui_lang, glossary=glossary, **context))


def check_draft(workspace: Workspace, text: str, *, conversation: Conversation | None = None,
                lang: str | None = None, ui_lang: str | None = None) -> Report:
    """Check a draft reply, in the context of its conversation when there is one."""
    context = {}
    if conversation is not None:
        if conversation.workspace_id != workspace.pk:
            raise PermissionDenied("conversation of another workspace")
        context = _conversation_context(conversation)
        lang = lang or _fallback_language(text, conversation.language)
    return _check(workspace, text, lang, ui_lang, **context)


def _fallback_language(text: str, conversation_lang: str) -> str | None:
    """The draft's own language; the conversation's only when the draft is too short to tell
    and is written in that language's alphabet («OK» in an English chat)."""
    detected = resolve_language(text, None)
    code = (conversation_lang or "").split("-")[0].lower()
    if detected != UNKNOWN or code not in LANGUAGES:
        return None
    cyrillic = any("а" <= ch.lower() <= "я" or ch.lower() == "ё" for ch in text)
    latin = any("a" <= ch.lower() <= "z" for ch in text)
    return code if (cyrillic if code == "ru" else latin) else None


def check_text_for_save(workspace: Workspace, text: str, lang: str | None = None) -> Report:
    """Check a canned reply or bot text when it is saved (no conversation around it)."""
    return _check(workspace, text, lang, None)


def record_findings(message: Message) -> list[ReplyFinding]:
    """Store the findings of a sent reply for reports; a second call for the same message adds nothing."""
    if message.kind != MessageKind.REPLY:
        return []
    existing = list(ReplyFinding.objects.filter(message=message))
    if existing:
        return existing
    conversation = message.conversation
    context = _conversation_context(conversation, before_seq=message.seq)
    try:
        lang = _fallback_language(message.body, conversation.language)
        report = _check(conversation.workspace, message.body, lang, None, **context)
    except CoachInputError:
        return []
    rows = [ReplyFinding(workspace_id=conversation.workspace_id, message=message, agent_id=message.author_id,
                         rule=f.rule, lang=report.lang, start=f.start, end=f.end) for f in report.findings]
    ReplyFinding.objects.bulk_create(rows, ignore_conflicts=True)
    return list(ReplyFinding.objects.filter(message=message))


def must_fix_rules(workspace: Workspace) -> frozenset[str]:
    return frozenset(RuleSetting.objects.filter(workspace=workspace, must_fix=True).values_list("rule", flat=True))


def must_fix_findings(workspace: Workspace, report: Report) -> list:
    """The findings of a report that the lead marked must-fix."""
    rules = must_fix_rules(workspace)
    return [f for f in report.findings if f.rule in rules]


def _require_lead(user: User, workspace: Workspace) -> None:
    if not (user.is_authenticated and user.is_lead and user.workspace_id == workspace.pk):
        raise PermissionDenied("only a lead or an admin edits the coach settings")


def set_must_fix_rules(workspace: Workspace, rules: set[str], *, actor: User) -> None:
    """Mark exactly these rules must-fix; every other rule becomes advice."""
    _require_lead(actor, workspace)
    unknown = set(rules) - set(RULES)
    if unknown:
        raise GlossaryError(f"unknown rules: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        for rule in RULES:
            RuleSetting.objects.update_or_create(workspace=workspace, rule=rule, defaults={"must_fix": rule in rules})


def _clean_entry(lang: str, unsuitable: str, suitable: str, note: str) -> dict:
    fields = {"lang": (lang or "").strip(), "unsuitable": " ".join((unsuitable or "").split()),
              "suitable": " ".join((suitable or "").split()), "note": " ".join((note or "").split())}
    if fields["lang"] not in LANGUAGES:
        raise GlossaryError(f"language must be one of: {', '.join(LANGUAGES)}")
    if not any(ch.isalnum() for ch in fields["unsuitable"]):
        raise GlossaryError("the unsuitable phrase needs at least one word")
    if len(fields["unsuitable"]) > 200 or len(fields["suitable"]) > 200 or len(fields["note"]) > 300:
        raise GlossaryError("phrases are limited to 200 characters, notes to 300")
    return fields


def add_glossary_entry(workspace: Workspace, *, actor: User, lang: str, unsuitable: str, suitable: str,
                       note: str = "") -> GlossaryEntry:
    """Add a glossary line for the workspace."""
    _require_lead(actor, workspace)
    seed_glossary(workspace)  # the defaults first, so adding one line does not hide them all
    try:
        with transaction.atomic():
            return GlossaryEntry.objects.create(workspace=workspace, **_clean_entry(lang, unsuitable, suitable, note))
    except IntegrityError as exc:
        raise GlossaryError("this phrase is already in the glossary") from exc


def update_glossary_entry(entry: GlossaryEntry, *, actor: User, lang: str, unsuitable: str, suitable: str,
                          note: str = "") -> GlossaryEntry:
    """Change a glossary line."""
    _require_lead(actor, entry.workspace)
    for field, value in _clean_entry(lang, unsuitable, suitable, note).items():
        setattr(entry, field, value)
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError as exc:
        raise GlossaryError("this phrase is already in the glossary") from exc
    return entry


def delete_glossary_entry(entry: GlossaryEntry, *, actor: User) -> None:
    """Remove a glossary line."""
    _require_lead(actor, entry.workspace)
    entry.delete()


class MustFixFindings(ValueError):
    """A reply still carries findings the lead marked must-fix; it is not sent."""

    def __init__(self, findings: list):
        self.findings = findings
        names = ", ".join(sorted({f.rule for f in findings}))
        super().__init__(names)
        self.reason = _("Fix these before sending (your lead marked them must-fix): %(rules)s.") % {
            "rules": ", ".join(sorted({f.message for f in findings}))
        }


def ensure_sendable(conversation: Conversation, text: str) -> None:
    """Refuse a reply that carries must-fix findings; other findings are advice only."""
    rules = must_fix_rules(conversation.workspace)
    if not rules:
        return
    try:
        report = check_draft(conversation.workspace, text, conversation=conversation)
    except CoachInputError:
        return
    blocking = [f for f in report.findings if f.rule in rules]
    if blocking:
        raise MustFixFindings(blocking)


def record_findings_after_commit(message: Message) -> None:
    """Store a sent reply's findings once its transaction commits."""
    transaction.on_commit(lambda: record_findings(message))
