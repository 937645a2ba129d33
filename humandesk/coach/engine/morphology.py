"""Russian morphology: one shared pymorphy3 analyser and a per-word parse cache."""

import functools

_ANALYZER = None


def analyzer():
    """The process-wide MorphAnalyzer (its dictionaries take ~0.1 s and ~15 MB to load)."""
    global _ANALYZER
    if _ANALYZER is None:
        import pymorphy3

        _ANALYZER = pymorphy3.MorphAnalyzer()
    return _ANALYZER


@functools.lru_cache(maxsize=100_000)
def parses(word: str) -> tuple:
    """All parses of a lower-case word, best first."""
    return tuple(analyzer().parse(word))


@functools.lru_cache(maxsize=100_000)
def lemmas(word: str) -> frozenset[str]:
    """Every normal form the word may have, plus the word itself."""
    return frozenset({word, *(p.normal_form for p in parses(word))})


def best(word: str):
    return parses(word)[0]


def has_tag(word: str, *grammemes: str) -> bool:
    """Whether some parse of the word carries all the grammemes."""
    return any(all(g in p.tag for g in grammemes) for p in parses(word))


@functools.lru_cache(maxsize=20_000)
def inflect(lemma: str, pos: str, grammemes: frozenset[str]) -> str | None:
    """Inflect the dictionary word `lemma` (as part of speech `pos`) to `grammemes`."""
    for parse in parses(lemma):
        if pos in parse.tag and parse.normal_form == lemma:
            form = parse.inflect(set(grammemes))
            return form.word if form else None
    return None


@functools.lru_cache(maxsize=20_000)
def aspect(lemma: str) -> str | None:
    """'perf' or 'impf' for an infinitive, None when pymorphy3 does not know it."""
    for parse in parses(lemma):
        if "INFN" in parse.tag and parse.normal_form == lemma:
            return parse.tag.aspect
    return None


@functools.lru_cache(maxsize=10_000)
def name_forms(name: str) -> frozenset[str]:
    """Every case form of a first name or patronymic ("Иван" → иван, ивана, ивану, …)."""
    word = name.lower()
    forms = {word}
    for parse in parses(word):
        if {"Name"} & parse.tag.grammemes or {"Patr"} & parse.tag.grammemes or {"Surn"} & parse.tag.grammemes:
            forms.update(f.word for f in parse.lexeme if "sing" in f.tag)
    return frozenset(forms)
