"""Rules: certain cues that override the model, and cue tokens the model learns from."""

from dataclasses import dataclass
from functools import lru_cache

from humandesk.coach.mood import lexicon


@dataclass(frozen=True)
class Prepared:
    """One message made ready for rules and model."""

    lang: str
    snippet: str  # the start of the message as written, for the sentence embedding
    lowered: str  # lower-cased text, ё folded
    plain: str  # lower-cased words joined by spaces
    norms: str  # lemmas (ru) or stems (en, es) joined by spaces
    cues: tuple[str, ...]

    @property
    def word_features(self) -> str:
        return " ".join((self.norms, *self.cues))


@lru_cache(maxsize=1)
def _patterns():
    return lexicon.compile_all(lexicon.HUMAN_REQUEST), lexicon.compile_all(lexicon.AGGRESSION)


def asks_for_human(lang: str, plain: str, norms: str) -> bool:
    """An explicit request to talk to a person ("позовите оператора", "human please")."""
    target = norms if lang == "ru" else plain
    return any(p.search(target) for p in _patterns()[0].get(lang, ()))


def is_aggressive(lang: str, lowered: str) -> bool:
    """Swearing, insults or threats; checked in every language (customers mix them)."""
    patterns = _patterns()[1]
    langs = [lang, *(x for x in patterns if x != lang)]
    return any(p.search(lowered) for x in langs for p in patterns[x])


def emoji_emotion(text: str) -> str | None:
    """The emotion the message's emoji point to, when they agree on one."""
    found = {e for e, chars in lexicon.EMOJI_EMOTIONS.items() if any(c in text for c in chars)}
    if lexicon.LAUGH.search(text):
        found.add("joy")
    return found.pop() if len(found) == 1 else None


def style_cues(text: str, lowered: str) -> list[str]:
    """Tokens for shouting, stacked punctuation, laughter and emoji."""
    letters = [c for c in text if c.isalpha()]
    cues = []
    if len(letters) >= 6 and sum(c.isupper() for c in letters) / len(letters) > 0.6:
        cues.append("cue_caps")
    for mark, cue in (("!!", "cue_excl"), ("??", "cue_qq"), ("?", "cue_q"), ("))", "cue_smile")):
        if mark in text:
            cues.append(cue)
    if lexicon.LAUGH.search(lowered):
        cues.append("cue_laugh")
    cues += [f"cue_emoji_{e}" for e, chars in lexicon.EMOJI_EMOTIONS.items() if any(c in text for c in chars)]
    return cues


@lru_cache(maxsize=4)
def _cue_patterns(lang: str) -> dict:
    import re

    from humandesk.coach.mood import text
    from humandesk.coach.mood.cue_words import CUES

    compiled = {}
    for cue, by_lang in CUES.items():
        phrases = [p.strip() for p in by_lang.get(lang, "").split(",") if p.strip()]
        forms = {" ".join(text.normal_forms(text.words(p), lang)) for p in phrases}
        alternatives = "|".join(sorted((re.escape(f) for f in forms if f), key=len, reverse=True))
        if alternatives:
            compiled[cue] = re.compile(rf"(?:^|\s)(?:{alternatives})(?=\s|$)")
    return compiled


def lexicon_cues(lang: str, norms: str) -> list[str]:
    """`cue_<name>` for every cue-word group found in the message's normal forms."""
    return [f"cue_{cue}" for cue, pattern in _cue_patterns(lang).items() if pattern.search(norms)]
