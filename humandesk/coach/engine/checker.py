"""check_reply: run every rule over a draft and build the report."""

import time

from humandesk.coach.engine import dialogue, explanations, names, phrases
from humandesk.coach.engine.analysis import URL, analyse
from humandesk.coach.engine.language import detect_language
from humandesk.coach.engine.report import (
    LANGUAGES,
    UNKNOWN,
    CoachInputError,
    Context,
    Finding,
    Report,
)

# Longer drafts are cut here (at a space): a reply is never this long, a pasted log might be.
MAX_ANALYSED_CHARS = 20_000
WEIGHTS = {
    "bare_refusal": 20, "blame": 20, "lecturing": 15, "apology_missing": 15, "link_only": 15,
    "next_step_missing": 15, "greeting_missing": 10, "cliche": 10, "bureaucratese": 8,
    "passive_voice": 8, "unsuitable_phrase": 6, "name_overuse": 5,
}


def _passive(lang: str):
    if lang == "ru":
        from humandesk.coach.engine.passive_ru import passive_findings
    elif lang == "en":
        from humandesk.coach.engine.passive_en import passive_findings
    else:
        from humandesk.coach.engine.passive_es import passive_findings
    return passive_findings


def _rules(lang: str):
    return (
        phrases.lexicon_findings, phrases.glossary_findings, _passive(lang),
        dialogue.greeting_missing, dialogue.apology_missing, dialogue.step_findings,
        names.name_findings,
    )


def resolve_language(text: str, requested: str | None) -> str:
    """The language to check in: the one asked for, or detected; never an exception but ours."""
    if requested in (None, "", "auto"):
        return detect_language(URL.sub(" ", text[:MAX_ANALYSED_CHARS]))
    if not isinstance(requested, str) or requested.split("-")[0].lower() not in LANGUAGES:
        raise CoachInputError("unsupported_language",
                              f"Unsupported language {requested!r}; use one of: {', '.join(LANGUAGES)}.")
    return requested.split("-")[0].lower()


def _cap(text: str) -> tuple[str, bool]:
    if len(text) <= MAX_ANALYSED_CHARS:
        return text, False
    cut = text.rfind(" ", MAX_ANALYSED_CHARS - 200, MAX_ANALYSED_CHARS)
    return text[: cut if cut > 0 else MAX_ANALYSED_CHARS], True


def score(findings: list[Finding]) -> int:
    """100 minus a weight per finding; a rule counts at most twice."""
    penalty, seen = 0, {}
    for finding in findings:
        seen[finding.rule] = seen.get(finding.rule, 0) + 1
        if seen[finding.rule] <= 2:
            penalty += WEIGHTS[finding.rule]
    return max(0, 100 - penalty)


_PHRASE_RULES = frozenset({"lecturing", "cliche", "bureaucratese"})


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per span and rule; a passive inside a set phrase («как уже было сказано»)
    is that phrase's finding, not a second one."""
    phrases = [(f.start, f.end) for f in findings if f.rule in _PHRASE_RULES]
    kept = [f for f in findings if f.rule != "passive_voice"
            or not any(s <= f.start and f.end <= e for s, e in phrases)]
    unique = {(f.rule, f.start, f.end): f for f in kept}
    return sorted(unique.values(), key=lambda f: (f.start, f.end, f.rule))


def check_reply(text: str, context: Context | None = None) -> Report:
    """Check a draft reply; raises CoachInputError (a ValueError) only for unusable input."""
    if not isinstance(text, str):
        raise CoachInputError("invalid_text", "The draft must be text.")
    context = context or Context()
    if not isinstance(context, Context):
        raise CoachInputError("invalid_context", "The context must be a coach Context.")
    lang = resolve_language(text, context.lang)
    body, truncated = _cap(text)
    report = Report(lang=lang, analysed_chars=len(body), truncated=truncated)
    if lang == UNKNOWN or not any(ch.isalpha() for ch in body):
        return report
    analysis = analyse(body, lang)
    findings = []
    for rule in _rules(lang):
        findings.extend(rule(analysis, context))
    ui_lang = explanations.ui_language(context.ui_lang, lang)
    for finding in findings:
        finding.text = body[finding.start:finding.end]
        finding.message = explanations.explain(finding, ui_lang)
    report.findings = _dedupe(findings)
    report.score = score(report.findings)
    return report


def timed_check(text: str, context: Context | None = None) -> tuple[Report, float]:
    """check_reply and how long it took, in milliseconds (for the benchmark and the CLI)."""
    started = time.perf_counter()
    report = check_reply(text, context)
    return report, (time.perf_counter() - started) * 1000
