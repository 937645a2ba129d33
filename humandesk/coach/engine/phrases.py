"""Rules that are lexicons: officialese, clichés, blame, lecturing and the team glossary."""

import functools

from humandesk.coach.engine import lexicon
from humandesk.coach.engine.analysis import Analysis
from humandesk.coach.engine.report import Context, Finding, GlossaryItem

LEXICON_RULES = (
    ("bureaucratese", "bureaucratese"),
    ("cliche", "cliches"),
    ("blame", "blame"),
    ("lecturing", "lecturing"),
)


def fill_name(template: str | None, name: str) -> str | None:
    """Put the customer's first name into a suggestion, or drop the slot cleanly."""
    if template is None:
        return None
    if name:
        return template.replace("{name}", name)
    return template.replace(", {name}", "").replace(" {name}", "").replace("{name}", "")


def _span(analysis: Analysis, match: lexicon.Match) -> tuple[int, int]:
    return analysis.tokens[match.start].start, analysis.tokens[match.end - 1].end


def lexicon_findings(analysis: Analysis, context: Context) -> list[Finding]:
    findings = []
    name = context.customer_name.split()[0] if context.customer_name.strip() else ""
    for rule, data_file in LEXICON_RULES:
        for match in lexicon.phrases(analysis.lang, data_file).find(analysis):
            start, end = _span(analysis, match)
            suggestion = fill_name(match.entry.get("suggestion"), name)
            findings.append(Finding(rule, start, end, suggestion=suggestion))
    return findings


@functools.cache
def default_glossary(lang: str) -> tuple[GlossaryItem, ...]:
    entries = lexicon.load(lang, "glossary").get("entries", [])
    return tuple(GlossaryItem(e["unsuitable"], e["suitable"], e.get("note", "")) for e in entries)


def _plain_words(phrase: str) -> str:
    """A lead's glossary phrase is plain text: lexicon operators in it are not operators."""
    return " ".join("".join(ch for ch in word if ch not in "=|?*~") for word in phrase.split()).strip()


@functools.lru_cache(maxsize=256)
def _glossary_set(lang: str, items: tuple[GlossaryItem, ...]) -> lexicon.PhraseSet:
    entries = []
    for item in items:
        phrase = _plain_words(item.unsuitable)
        if any(ch.isalnum() for ch in phrase):
            entries.append({"phrase": phrase, "suggestion": item.suitable, "note": item.note})
    return lexicon.PhraseSet(lang, entries)


def glossary_findings(analysis: Analysis, context: Context) -> list[Finding]:
    items = default_glossary(analysis.lang) if context.glossary is None else tuple(context.glossary)
    findings = []
    for match in _glossary_set(analysis.lang, items).find(analysis):
        start, end = _span(analysis, match)
        findings.append(Finding("unsuitable_phrase", start, end, suggestion=match.entry["suggestion"] or None,
                                note=match.entry.get("note", "")))
    return findings
