"""Does a reply give the customer a next step? Instructions, promises, alternatives, questions.

Russian reads the grammar (imperative mood, future tense, first person) through pymorphy3;
English and Spanish use word lists and phrases from data/<lang>/dialogue.json.
"""

import functools
import re

from humandesk.coach.engine import lexicon, morphology
from humandesk.coach.engine.analysis import Analysis, Token

_LIST_LINE = re.compile(r"(?m)^\s*(?:\d{1,2}[.)]|[-•*–—])\s+\S")
_SPANISH_FUTURE = re.compile(r"\w{2,}(?:ré|rá|remos|rán|réis)$")
_NEGATIONS = frozenset({"не", "not", "no", "never", "nunca", "ни"})


@functools.cache
def _words(lang: str, key: str) -> frozenset[str]:
    return lexicon.words(lang, "dialogue", key)


def _is_cyrillic(token: Token) -> bool:
    return token.kind == "word" and any("а" <= ch <= "я" or ch == "ё" for ch in token.lower)


def _negated(tokens: list[Token], index: int) -> bool:
    return index > 0 and tokens[index - 1].lower in _NEGATIONS


def refusal_verbs(analysis: Analysis) -> list[lexicon.Match]:
    """Russian «(мы) не можем / не принимаем / не занимаемся»: a negated verb of ours."""
    if analysis.lang != "ru":
        return []
    verbs, found = _words("ru", "refusal_verbs"), []
    for i, token in enumerate(analysis.tokens):
        if not _is_cyrillic(token) or not _negated(analysis.tokens, i):
            continue
        parse = morphology.best(token.lower)
        ours = parse.normal_form in verbs and "1per" in parse.tag and "VERB" in parse.tag
        if ours and lexicon.constraint_holds({"when": ["realis"]}, analysis, i - 1, i + 1):
            found.append(lexicon.Match(i - 1, i + 1, {"phrase": "refusal"}))
    return found


def _ru_step(tokens: list[Token], i: int, link_verbs: frozenset) -> bool:
    parse = morphology.best(tokens[i].lower)
    lemma = parse.normal_form
    if lemma in link_verbs or lemma in _words("ru", "non_step_imperatives"):
        return False
    if "VERB" not in parse.tag or _negated(tokens, i):
        return False
    if "impr" in parse.tag:
        return "excl" in parse.tag  # «нажмите», «напишите»; not «давайте»-like «incl»
    if lemma == "быть" and "futr" in parse.tag and "1per" in parse.tag and i + 1 < len(tokens):
        return "INFN" in morphology.best(tokens[i + 1].lower).tag  # «будем держать вас в курсе»
    if lemma in _words("ru", "non_promise_verbs"):
        return False
    if "futr" in parse.tag:
        return True  # «пришлём», «вы получите», «курьер привезёт»
    # «Проверяю заказ», «уже уточняю»: we are on it now; «мы проверяем каждую» is a habit.
    return "1per" in parse.tag and "pres" in parse.tag and _now(tokens, i)


def _now(tokens: list[Token], i: int) -> bool:
    before = [t for t in tokens[max(0, i - 3):i] if t.sent == tokens[i].sent and t.kind == "word"]
    return not before or any(t.lower in {"сейчас", "уже", "прямо", "сразу"} for t in before)


def _latin_step(tokens: list[Token], i: int, lang: str, link_verbs: frozenset) -> bool:
    token = tokens[i]
    if token.lower in link_verbs:
        return False
    if token.lower in _words(lang, "imperatives"):
        prev = tokens[i - 1] if i > 0 else None
        at_start = prev is None or prev.sent != token.sent or prev.kind != "word"
        return at_start or prev.lower in _words(lang, "imperative_openers")
    if lang == "es" and _SPANISH_FUTURE.match(token.lower) and not _negated(tokens, i):
        return token.lower not in _words("es", "non_promise_futures")
    return False


def _step_tokens(analysis: Analysis, exclude_link_verbs: bool) -> bool:
    link_verbs = _words(analysis.lang, "link_verbs") if exclude_link_verbs else frozenset()
    tokens = analysis.tokens
    for i, token in enumerate(tokens):
        if token.kind != "word":
            continue
        if analysis.lang == "ru":
            if _is_cyrillic(token) and _ru_step(tokens, i, link_verbs):
                return True
        elif _latin_step(tokens, i, analysis.lang, link_verbs):
            return True
    return False


def _question_to_customer(analysis: Analysis) -> bool:
    """A question that hands the turn to the customer: «Подскажите номер?», «Добавить в заказ?»."""
    second = _words(analysis.lang, "second_person")
    for index in range(len(analysis.sentences)):
        sentence = analysis.sentence_tokens(index)
        if not sentence or not sentence[-1].text.endswith("?"):
            continue
        if any(t.lower in second for t in sentence):
            return True
        words = [t for t in sentence if t.kind == "word"]
        if analysis.lang == "ru" and words and _is_cyrillic(words[0]) and "INFN" in morphology.best(words[0].lower).tag:
            return True  # an offer: «Показать похожие палатки?»
    return False


def _found(analysis: Analysis, *sections: str) -> bool:
    return any(lexicon.phrases(analysis.lang, "dialogue", s).find(analysis) for s in sections)


def has_next_step(analysis: Analysis) -> bool:
    if _found(analysis, "alternatives", "promises", "times"):
        return True
    return _question_to_customer(analysis) or _step_tokens(analysis, exclude_link_verbs=False)


def has_steps_besides_link(analysis: Analysis) -> bool:
    """Steps of our own next to a link: a numbered list, an instruction, a promise."""
    if _LIST_LINE.search(analysis.text) or _found(analysis, "alternatives", "promises"):
        return True
    return _step_tokens(analysis, exclude_link_verbs=True)


_FIRST_PERSON = frozenset({"я", "мы", "i", "we", "i've", "we've", "he", "hemos", "ya"})


def remedied(analysis: Analysis) -> bool:
    """We already fixed it: «мы заменили», "I've refunded", «le he devuelto»."""
    remedies = _words(analysis.lang, "remedies")
    tokens = analysis.tokens
    for i, token in enumerate(tokens):
        if token.kind != "word":
            continue
        if analysis.lang == "ru":
            if not _is_cyrillic(token):
                continue
            parse = morphology.best(token.lower)
            if parse.normal_form not in remedies or "past" not in parse.tag:
                continue
        elif token.lower not in remedies:
            continue
        before = [t.lower for t in tokens[max(0, i - 3):i] if t.sent == token.sent]
        if not _FIRST_PERSON.isdisjoint(before):
            return True
    return False
