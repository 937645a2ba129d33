"""Words, normal forms and language detection: Russian lemmas (pymorphy3), Spanish and
English stems (PyStemmer). Parses are cached because customers repeat the same words."""

import re
import threading
from functools import lru_cache

from humandesk.coach.mood.labels import LANGUAGES

WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
CYRILLIC_RE = re.compile(r"[а-яё]", re.IGNORECASE)
LATIN_RE = re.compile(r"[a-zñáéíóúü]", re.IGNORECASE)
SPANISH_MARKS_RE = re.compile(r"[ñ¿¡áéíóú]", re.IGNORECASE)

SPANISH_WORDS = frozenset((
    "el", "la", "los", "las", "que", "de", "del", "por", "para", "con", "una", "un", "es", "mi",
    "me", "y", "pero", "qué", "cómo", "como", "hola", "gracias", "quiero", "puedo", "vuestro",
    "vuestra", "vuestros", "os", "sois", "habéis", "tenéis", "pedido", "está", "hay", "muy",
    "tienda", "saco", "hornillo", "envío", "devolución", "dinero", "también", "cuando", "dónde",
    "porque", "se", "lo", "le", "un", "este", "esta", "ya", "en", "al"
))
ENGLISH_WORDS = frozenset((
    "the", "and", "is", "my", "i", "you", "to", "of", "it", "for", "your", "can", "how", "what",
    "please", "thanks", "thank", "hi", "order", "with", "this", "not", "do", "does", "did",
    "was", "are", "have", "has", "be", "a", "an", "me", "we", "our", "get", "want", "would",
    "could", "bag", "tent", "stove", "refund", "delivery", "when", "where", "why"
))

# Frequent words of other Latin-script languages: text made of these is not ours to read.
OTHER_LATIN_WORDS = frozenset((
    "der", "die", "das", "und", "ist", "nicht", "ich", "wo", "meine", "mein", "sie", "wir",
    "ein", "eine", "bitte", "danke", "guten", "tag", "je", "ne", "pas", "les", "est", "et",
    "vous", "nous", "avec", "merci", "bonjour", "une", "où", "che", "non", "sono", "il",
    "della", "grazie", "buongiorno", "não", "você", "obrigado", "obrigada", "olá", "uma", "onde"
))

_local = threading.local()


def words(text: str) -> list[str]:
    """Lower-cased words of `text`, ё folded to е (customers use both)."""
    return [w.replace("ё", "е") for w in WORD_RE.findall(text.lower())]


def detect_language(text: str) -> str | None:
    """ru / es / en from the script and common words; None when no letters we read."""
    cyrillic = len(CYRILLIC_RE.findall(text))
    latin = len(LATIN_RE.findall(text))
    if cyrillic == 0 and latin == 0:
        return None
    if cyrillic >= latin:
        return "ru"
    tokens = words(text)
    spanish = sum(t in SPANISH_WORDS for t in tokens) + 2 * len(SPANISH_MARKS_RE.findall(text))
    english = sum(t in ENGLISH_WORDS for t in tokens)
    other = sum(t in OTHER_LATIN_WORDS for t in tokens)
    if other > max(spanish, english):
        return None
    return "es" if spanish > english else "en"


@lru_cache(maxsize=1)
def morph():
    """The Russian analyzer: built once per process (about 0.15 s, 15 MB)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=100_000)
def russian_lemma(word: str) -> str:
    if not CYRILLIC_RE.search(word):
        return word
    return morph().parse(word)[0].normal_form.replace("ё", "е")


def _stemmer(lang: str):
    # PyStemmer objects are not safe to share between threads.
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if lang not in stemmers:
        import Stemmer

        stemmers[lang] = Stemmer.Stemmer({"en": "english", "es": "spanish"}[lang])
    return stemmers[lang]


@lru_cache(maxsize=100_000)
def stem(word: str, lang: str) -> str:
    return _stemmer(lang).stemWord(word)


def normal_forms(tokens: list[str], lang: str) -> list[str]:
    """Lemmas for Russian, stems for English and Spanish."""
    if lang not in LANGUAGES:
        return list(tokens)
    if lang == "ru":
        return [russian_lemma(t) for t in tokens]
    return [stem(t, lang) for t in tokens]
