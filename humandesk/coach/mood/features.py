"""Turn a message into what the rules and the model read."""

import re

from humandesk.coach.mood import rules, text

# Customers put what matters first; reading more only costs time on 100,000-char pastes.
MAX_ANALYZED_CHARS = 2000
# The sentence encoder's cost grows with length (3 ms at 200 characters, 14 ms at 1,000); the
# tone of a message is set in its first sentences.
EMBEDDED_CHARS = 500
# Runs of 30+ non-space characters (links, hashes, a held-down key) say nothing about tone
# but would fill the embedded snippet.
NOT_WORDS_RE = re.compile(r"\S{30,}")


def prepare(message: str, lang: str) -> rules.Prepared:
    """Lower-case, split, lemmatise/stem and collect cue tokens for one message."""
    snippet = message[:MAX_ANALYZED_CHARS]
    lowered = snippet.lower().replace("ё", "е")
    tokens = text.words(snippet)
    plain = " ".join(tokens)
    norms = " ".join(text.normal_forms(tokens, lang))
    cues = rules.style_cues(snippet, lowered) + rules.lexicon_cues(lang, norms)
    if rules.asks_for_human(lang, plain, norms):
        cues.append("cue_human")
    if rules.is_aggressive(lang, lowered):
        cues.append("cue_aggression")
    embedded = NOT_WORDS_RE.sub(" ", snippet)[:EMBEDDED_CHARS]
    return rules.Prepared(lang=lang, snippet=embedded, lowered=lowered, plain=plain, norms=norms, cues=tuple(cues))
