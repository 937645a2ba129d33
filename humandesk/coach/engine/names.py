"""The customer's name repeated until it sounds like a script («Иван, … Иван, … Ивану …»)."""

from humandesk.coach.engine import morphology
from humandesk.coach.engine.analysis import Analysis
from humandesk.coach.engine.report import Context, Finding

SHORT_REPLY_CHARS = 300
_RU_ENDINGS = ("", "а", "я", "у", "ю", "ом", "ем", "ой", "ей", "е", "ы", "и")


def _forms(name: str, lang: str) -> frozenset[str]:
    word = name.lower()
    if lang != "ru":
        return frozenset({word})
    forms = set(morphology.name_forms(word))
    if len(forms) == 1:  # a name pymorphy3 does not know: allow the regular endings
        stem = word[:-1] if word[-1:] in "аяй" else word
        forms.update(stem + ending for ending in _RU_ENDINGS)
    return frozenset(forms)


def _occurrences(analysis: Analysis, name: str) -> list[tuple[int, int]]:
    """Token index ranges of the name, with a following patronymic («Иван Петрович»)."""
    forms = _forms(name, analysis.lang)
    tokens, found = analysis.tokens, []
    for i, token in enumerate(tokens):
        if token.kind == "word" and token.lower in forms and token.text[:1].isupper():
            end = i + 1
            if analysis.lang == "ru" and end < len(tokens) and tokens[end].kind == "word" and any(
                "Patr" in p.tag for p in morphology.parses(tokens[end].lower)
            ):
                end += 1
            found.append((i, end))
    return found


def _removal(analysis: Analysis, first: int, end: int) -> tuple[int, int, str]:
    """The span to delete for one extra mention, with its comma, keeping the sentence tidy."""
    tokens, text = analysis.tokens, analysis.text
    start, stop = tokens[first].start, tokens[end - 1].end
    if first > 0 and tokens[first - 1].text == ",":
        return tokens[first - 1].start, stop, ""
    if end < len(tokens) and tokens[end].text in {",", "!"} and end + 1 < len(tokens):
        follower = tokens[end + 1]
        stop = follower.start + 1
        return start, stop, text[follower.start].upper()
    return start, stop, ""


def name_findings(analysis: Analysis, context: Context) -> list[Finding]:
    name = context.customer_name.split()[0] if context.customer_name.strip() else ""
    if not name or not any(ch.isalpha() for ch in name):
        return []
    mentions = _occurrences(analysis, name)
    limit = 1 if len(analysis.text) <= SHORT_REPLY_CHARS else 2
    findings = []
    for first, end in mentions[limit:]:
        start, stop, replacement = _removal(analysis, first, end)
        findings.append(Finding("name_overuse", start, stop, suggestion=replacement))
    return findings
