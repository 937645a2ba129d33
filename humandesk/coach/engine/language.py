"""Which of our languages a draft is written in: script first, then stopwords."""

import re

from humandesk.coach.engine.report import UNKNOWN

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-zñáéíóúü]", re.IGNORECASE)
_WORD = re.compile(r"[a-zñáéíóúü]+", re.IGNORECASE)
# Short, frequent function words that the other language rarely uses.
_EN = frozenset({
    "the", "and", "you", "your", "we", "our", "is", "are", "was", "were", "be", "have", "has", "will",
    "would", "can", "could", "this", "that", "with", "for", "of", "to", "it", "i", "my", "me", "please",
    "thanks", "thank", "sorry", "what", "how", "when", "not", "don't", "it's", "i'm", "we're",
})
_ES = frozenset({
    "el", "la", "los", "las", "y", "usted", "su", "sus", "nosotros", "nuestro", "nuestra", "es", "son",
    "fue", "ha", "han", "será", "puede", "para", "por", "con", "del", "al", "que", "una", "un", "lo", "le",
    "les", "muy", "gracias", "hola", "pedido", "no", "está", "están", "hemos",
})
_SPANISH_MARKS = frozenset("ñáéíóú¿¡")


def detect_language(text: str) -> str:
    """Return "ru", "en", "es" or "unknown" (no letters of ours, or too little to tell)."""
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic == 0 and latin == 0:
        return UNKNOWN
    if cyrillic >= latin:
        return "ru"
    words = [w.lower() for w in _WORD.findall(text)]
    en = sum(w in _EN for w in words)
    es = sum(w in _ES for w in words) + 2 * sum(ch in _SPANISH_MARKS for ch in text.lower())
    # Too few of our function words: another Latin-script language («Guten Tag, wie geht es …»).
    if max(en, es) < max(1.0, 0.2 * len(words)):
        return UNKNOWN
    return "es" if es > en else "en"
