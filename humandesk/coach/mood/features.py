"""Turn a message into what the rules and the model read."""

from humandesk.coach.mood import rules, text

# Customers put what matters first; reading more only costs time on 100,000-char pastes.
MAX_ANALYZED_CHARS = 2000


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
    return rules.Prepared(lang=lang, lowered=lowered, plain=plain, norms=norms, cues=tuple(cues))
