"""Versioned lexicons under coach/data/<lang>/ and a matcher of phrases by normal forms.

A phrase is written in plain words; every word matches all its forms (Russian lemmas,
English/Spanish Snowball stems). Small extras: `=word` matches that exact form only,
`a|b` either word, `{a b|c d}` either phrase, `?word` an optional word, `*` any one word,
`~` up to three words.
Commas, quotes and dashes in the draft may sit between the words of a phrase.
"""

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from humandesk.coach.engine import morphology
from humandesk.coach.engine.analysis import Analysis, Token, norms_for

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_SKIPPABLE = frozenset(",\"'«»“”„—–-()")
_MAX_GAP = 3


@functools.cache
def load(lang: str, name: str) -> dict:
    """One data file, parsed; an absent file reads as empty."""
    path = DATA_DIR / lang / f"{name}.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def words(lang: str, name: str, key: str) -> frozenset[str]:
    """A plain word list from a data file, lower-cased."""
    return frozenset(w.lower() for w in load(lang, name).get(key, ()))


@dataclass(frozen=True)
class Element:
    kind: str  # word | any | gap
    options: frozenset = frozenset()
    literal: bool = False
    optional: bool = False


@dataclass(frozen=True)
class Pattern:
    elements: tuple[Element, ...]
    entry: dict


@dataclass(frozen=True)
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    entry: dict


def _norm(word: str, lang: str) -> str:
    if lang == "ru" and any("а" <= ch <= "я" or ch == "ё" for ch in word):
        return morphology.best(word).normal_form
    stems = norms_for(word, lang) - {word}
    return next(iter(stems)) if stems else word


def _element(raw: str, lang: str) -> Element:
    if raw == "*":
        return Element("any")
    if raw == "~":
        return Element("gap")
    optional = raw.startswith("?")
    raw = raw.lstrip("?")
    literal = raw.startswith("=")
    words = [w.lstrip("=") for w in raw.lower().replace("’", "'").split("|") if w.lstrip("=")]
    options = frozenset(words) if literal else frozenset(_norm(w, lang) for w in words)
    return Element("word", options, literal, optional)


def expand(phrase: str) -> list[str]:
    """"{we are not|we're not} ~ responsible" → one phrase per choice inside the braces."""
    match = re.search(r"\{([^{}]*)\}", phrase)
    if not match:
        return [phrase]
    head, tail = phrase[: match.start()], phrase[match.end():]
    return [variant for choice in match.group(1).split("|") for variant in expand(head + choice + tail)]


def compile_pattern(text: str, lang: str, entry: dict) -> Pattern:
    pieces = []
    for raw in text.replace(",", " ").replace("!", " ").replace("¡", " ").replace("¿", " ").split():
        optional = raw.startswith("?")
        raw = raw.lstrip("?").rstrip("?.:;")
        if raw:
            pieces.append("?" + raw if optional else raw)
    elements = tuple(_element(p, lang) for p in pieces)
    if not elements or elements[0].kind != "word" or elements[0].optional:
        raise ValueError(f"lexicon phrase must start with a word: {text!r}")
    return Pattern(elements, entry)


def _token_has(element: Element, token: Token) -> bool:
    if token.kind != "word":
        return False
    if element.literal:
        return token.lower in element.options
    return not element.options.isdisjoint(token.norms)


def _next_word(tokens: list[Token], index: int, sent: int) -> int | None:
    """Index of the next word token in the same sentence, skipping commas and quotes."""
    while index < len(tokens) and tokens[index].sent == sent:
        token = tokens[index]
        if token.kind == "word":
            return index
        if token.text not in _SKIPPABLE:
            return None
        index += 1
    return None


def _match_from(elements, e: int, tokens, t: int, sent: int) -> int | None:
    """End (exclusive token index) of a match of elements[e:] starting at tokens[t]."""
    if e == len(elements):
        return t
    element = elements[e]
    here = _next_word(tokens, t, sent)
    if element.kind == "gap":
        for skip in range(_MAX_GAP + 1):
            end = _match_from(elements, e + 1, tokens, t, sent)
            if end is not None or here is None:
                return end
            t, here = here + 1, _next_word(tokens, here + 1, sent)
            if skip == _MAX_GAP:
                return None
        return None
    if here is not None and (element.kind == "any" or _token_has(element, tokens[here])):
        end = _match_from(elements, e + 1, tokens, here + 1, sent)
        if end is not None:
            return end
    if element.optional:
        return _match_from(elements, e + 1, tokens, t, sent)
    return None


class PhraseSet:
    """Compiled phrases of one lexicon, indexed by the normal forms of their first word."""

    def __init__(self, lang: str, entries: list[dict], key: str = "phrase"):
        self.index: dict[str, list[Pattern]] = {}
        for entry in entries:
            for phrase in expand(entry[key]):
                pattern = compile_pattern(phrase, lang, entry)
                for option in pattern.elements[0].options:
                    self.index.setdefault(option, []).append(pattern)

    def find(self, analysis: Analysis) -> list[Match]:
        """Leftmost-longest matches that do not overlap one another."""
        tokens, found, taken_until = analysis.tokens, [], 0
        for i, token in enumerate(tokens):
            if token.kind != "word" or i < taken_until:
                continue
            best: Match | None = None
            for key in token.norms:
                for pattern in self.index.get(key, ()):
                    if not _token_has(pattern.elements[0], token):
                        continue
                    end = _match_from(pattern.elements, 1, tokens, i + 1, token.sent)
                    longer = end is not None and (best is None or end > best.end)
                    if longer and constraint_holds(pattern.entry, analysis, i, end):
                        best = Match(i, end, pattern.entry)
            if best:
                found.append(best)
                taken_until = best.end
        return found


@functools.cache
def phrases(lang: str, name: str, section: str = "entries") -> PhraseSet:
    return PhraseSet(lang, load(lang, name).get(section, []))


def _agreeing_noun(analysis: Analysis, start: int, end: int) -> bool:
    """Russian «данный»-type determiners: the next word is a noun in the same case and number."""
    after = _next_word(analysis.tokens, end, analysis.tokens[end - 1].sent)
    if after is None:
        return False
    last, noun = analysis.tokens[end - 1].lower, analysis.tokens[after].lower
    cases = {(p.tag.case, p.tag.number) for p in morphology.parses(last) if "ADJF" in p.tag}
    return any((p.tag.case, p.tag.number) in cases for p in morphology.parses(noun) if "NOUN" in p.tag)


def _sentence_start(analysis: Analysis, start: int, end: int) -> bool:
    first = analysis.sentences[analysis.tokens[start].sent][0]
    return all(t.kind != "word" for t in analysis.tokens[first:start])


def _not_negated(analysis: Analysis, start: int, end: int) -> bool:
    before = [t for t in analysis.tokens[max(0, start - 2):start] if t.kind == "word"]
    return not before or before[-1].lower not in {"не", "not", "no", "ни", "never", "nunca"}


_CONDITIONAL = frozenset({"если", "ежели", "вдруг", "возможно", "if", "whether", "perhaps", "maybe",
                          "si", "quizá", "quizás", "cuando"})


def _realis(analysis: Analysis, start: int, end: int) -> bool:
    """The phrase states a fact: no "if"/"perhaps" earlier in its sentence."""
    first = analysis.sentences[analysis.tokens[start].sent][0]
    return all(t.lower not in _CONDITIONAL for t in analysis.tokens[first:start])


_NOT_A_NAME = frozenset({"customer", "customers", "client", "clients", "sir", "madam", "valued",
                         "user", "users", "shopper", "member", "cliente", "usuario", "customer,"})
_AS_SUBJECTS = frozenset({"it", "it's", "we", "we're", "the", "this", "that", "these", "those", "you",
                          "your", "our", "they", "i", "there"})


def _greeting_dear(analysis: Analysis, start: int, end: int) -> bool:
    """"Dear Anna," greets; "Dear valued customer" is officialese, not a greeting."""
    after = _next_word(analysis.tokens, end, analysis.tokens[start].sent)
    return after is not None and analysis.tokens[after].lower not in _NOT_A_NAME


def _reason_as(analysis: Analysis, start: int, end: int) -> bool:
    """"as it is used outdoors" gives a reason; "as soon as", "as stated" do not."""
    after = _next_word(analysis.tokens, end, analysis.tokens[start].sent)
    before = analysis.tokens[start - 1].lower if start else ""
    return after is not None and analysis.tokens[after].lower in _AS_SUBJECTS and before not in {"as", "such", "same", "soon"}


def _not_negated_after(analysis: Analysis, start: int, end: int) -> bool:
    after = _next_word(analysis.tokens, end, analysis.tokens[end - 1].sent)
    return after is None or analysis.tokens[after].lower not in {"not", "never", "no"}


_HABER = frozenset({"he", "ha", "has", "hemos", "han", "había", "habíamos", "haber", "lo", "le", "les"})


def _determiner_es(analysis: Analysis, start: int, end: int) -> bool:
    """«dicho producto» is officialese; «como le he dicho» is a verb."""
    tokens = analysis.tokens
    before = tokens[start - 1].lower if start else ""
    after = _next_word(tokens, end, tokens[start].sent)
    return before not in _HABER and after is not None and after == end and tokens[after].lower not in {"que", "esto", "eso"}


def _reason_como(analysis: Analysis, start: int, end: int) -> bool:
    """Sentence-opening «Como el pedido ya salió, …» gives a reason; «como ya le dijimos» does not."""
    after = _next_word(analysis.tokens, end, analysis.tokens[start].sent)
    return _sentence_start(analysis, start, end) and after is not None and analysis.tokens[after].lower not in {
        "ya", "le", "te", "se", "sabe", "sabes", "siempre", "puede", "puedo"}


def _past_verb_after(analysis: Analysis, start: int, end: int) -> bool:
    """«вы сами перекачали»: a past-tense verb right after the phrase."""
    after = _next_word(analysis.tokens, end, analysis.tokens[start].sent)
    if after is None:
        return False
    parse = morphology.best(analysis.tokens[after].lower)
    return "VERB" in parse.tag and "past" in parse.tag


_CONSTRAINTS = {"past_verb_after": _past_verb_after, "determiner_es": _determiner_es, "reason_como": _reason_como, "agreeing_noun": _agreeing_noun, "sentence_start": _sentence_start,
                "not_negated": _not_negated, "realis": _realis, "greeting_dear": _greeting_dear,
                "reason_as": _reason_as, "not_negated_after": _not_negated_after}


def constraint_holds(entry: dict, analysis: Analysis, start: int, end: int) -> bool:
    names = entry.get("when", ())
    return all(_CONSTRAINTS[name](analysis, start, end) for name in names)
