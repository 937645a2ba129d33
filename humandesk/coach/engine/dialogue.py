"""Rules about the shape of a reply: greeting, apology, refusal, next step, a bare link.

A next step is something the customer can act on or count on: an instruction
(«нажмите», "click", "pulse"), our promise, ideally with a time («мы пришлём до пятницы»,
"I'll call you tomorrow", "te escribo mañana"), an alternative («могу предложить», "instead",
"en su lugar") or a question back to the customer. Bad news, a refusal, or a mere
"we passed it on" without any of those leaves the customer stuck.
"""

from dataclasses import dataclass

from humandesk.coach.engine import lexicon, next_steps
from humandesk.coach.engine.analysis import Analysis
from humandesk.coach.engine.phrases import fill_name
from humandesk.coach.engine.report import Context, Finding

_GREETING_WINDOW = 6  # words: «Иван, добрый день!» still opens the reply


@dataclass
class Shape:
    """What the reply contains, found once and shared by the rules below."""

    refusals: list[lexicon.Match]
    bad_news: list[lexicon.Match]
    acknowledgements: list[lexicon.Match]
    pointers: list[lexicon.Match]
    has_reason: bool
    has_step: bool
    has_link: bool


def _find(analysis: Analysis, section: str) -> list[lexicon.Match]:
    return lexicon.phrases(analysis.lang, "dialogue", section).find(analysis)


def _span(analysis: Analysis, match: lexicon.Match) -> tuple[int, int]:
    return analysis.tokens[match.start].start, analysis.tokens[match.end - 1].end


def _first_sentence(analysis: Analysis) -> tuple[int, int]:
    start, end = analysis.sentence_span(0)
    return start, min(end, start + 120)


def greeting_missing(analysis: Analysis, context: Context) -> list[Finding]:
    if not context.first_message or not analysis.words():
        return []
    words = analysis.words()
    window_end = words[min(_GREETING_WINDOW, len(words)) - 1].end
    if any(analysis.tokens[m.start].start < window_end for m in _find(analysis, "greetings")):
        return []
    start, end = _first_sentence(analysis)
    name = context.customer_name.split()[0] if context.customer_name.strip() else ""
    greeting = fill_name(lexicon.load(analysis.lang, "dialogue").get("greeting_suggestion"), name)
    sentence = analysis.text[start:end]
    if greeting.endswith(",") and sentence[:1].isupper() and sentence.split()[0] not in {"I", "I'm", "I'll", "I've"}:
        sentence = sentence[:1].lower() + sentence[1:]  # "Hi Tom, we …"
    return [Finding("greeting_missing", start, end, suggestion=f"{greeting} {sentence}")]


def apology_missing(analysis: Analysis, context: Context) -> list[Finding]:
    if not context.our_fault or not analysis.words() or _find(analysis, "apologies"):
        return []
    start, end = _first_sentence(analysis)
    apology = lexicon.load(analysis.lang, "dialogue").get("apology_suggestion", "")
    return [Finding("apology_missing", start, end, suggestion=f"{analysis.text[start:end]} {apology}")]


def shape_of(analysis: Analysis, context: Context) -> Shape:
    refusals = _find(analysis, "refusals") + next_steps.refusal_verbs(analysis)
    return Shape(
        refusals=sorted(refusals, key=lambda m: m.start),
        bad_news=_find(analysis, "bad_news"),
        acknowledgements=_find(analysis, "acknowledgements"),
        pointers=_find(analysis, "link_pointers"),
        has_reason=bool(_find(analysis, "reasons")),
        has_step=next_steps.has_next_step(analysis),
        has_link=any(t.kind == "url" for t in analysis.tokens),
    )


def _customer_in_trouble(context: Context, lang: str) -> bool:
    """The customer reported something broken, late or refused: the reply owes a way forward."""
    if not context.customer_message.strip():
        return False
    from humandesk.coach.engine.analysis import analyse

    customer = analyse(context.customer_message[:2000], lang)
    return bool(lexicon.phrases(lang, "dialogue", "bad_news").find(customer))


def step_findings(analysis: Analysis, context: Context) -> list[Finding]:
    """bare_refusal, next_step_missing and link_only, which exclude one another."""
    if not analysis.tokens:
        return []
    shape = shape_of(analysis, context)
    if shape.has_link or shape.pointers:
        link = link_only(analysis, shape)
        return link
    if shape.has_step:
        return []
    if not shape.refusals and next_steps.remedied(analysis):
        return []  # «я уже вернула деньги»: the trouble is fixed, nothing left to wait for
    if shape.refusals and not shape.has_reason:
        return [Finding("bare_refusal", *_span(analysis, shape.refusals[0]))]
    trigger = (shape.refusals or shape.bad_news or shape.acknowledgements or [None])[0]
    if trigger is not None:
        return [Finding("next_step_missing", *_span(analysis, trigger))]
    if _customer_in_trouble(context, analysis.lang):
        return [Finding("next_step_missing", *analysis.sentence_span(len(analysis.sentences) - 1))]
    return []


def link_only(analysis: Analysis, shape: Shape) -> list[Finding]:
    """A link or "see the FAQ" with no steps of our own around it."""
    in_pointer = {i for m in shape.pointers for i in range(m.start, m.end)}
    own_words = sum(1 for i, t in enumerate(analysis.tokens) if t.kind == "word" and i not in in_pointer)
    if next_steps.has_steps_besides_link(analysis) or own_words >= 14:
        return []
    first = min([analysis.tokens[m.start].sent for m in shape.pointers]
                + [t.sent for t in analysis.tokens if t.kind == "url"])
    return [Finding("link_only", *analysis.sentence_span(first))]
