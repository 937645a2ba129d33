"""Text normalisation shared by indexing and querying: lowercase, ё→е, tokens, snowball stems.

Snowball stems are the same algorithm PostgreSQL's russian/english/spanish configurations
use, so both backends agree on which word forms match («доставка», «доставки», «доставкой»).
"""

import re
import threading
import unicodedata
from functools import lru_cache

import Stemmer

from humandesk.knowledge.search import stopwords

TOKEN_RE = re.compile(r"[^\W_]+")
CYRILLIC_RE = re.compile(r"[а-я]")
MAX_QUERY_CHARS = 1000
MAX_QUERY_TOKENS = 24
MAX_TOKEN_CHARS = 40
STEMMER_NAMES = {"ru": "russian", "en": "english", "es": "spanish"}
LATIN_LANGS = ("en", "es")

_local = threading.local()  # PyStemmer objects must not be shared between threads


def _stemmer(lang: str) -> Stemmer.Stemmer:
    cache = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    if lang not in cache:
        cache[lang] = Stemmer.Stemmer(STEMMER_NAMES[lang])
    return cache[lang]


def _strip_accents(word: str) -> str:
    # People type «envio» as often as «envío»; й must stay й, so only Latin words lose marks.
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(text: str) -> str:
    """Lowercase and fold ё to е (Russian writers use both)."""
    return text.lower().replace("ё", "е")


def is_cyrillic(word: str) -> bool:
    return bool(CYRILLIC_RE.search(word))


def tokens(text: str) -> list[str]:
    """Words of a text, normalised; Latin words without diacritics."""
    out = []
    for word in TOKEN_RE.findall(normalise(text)):
        if len(word) > MAX_TOKEN_CHARS:
            continue
        out.append(word if is_cyrillic(word) else _strip_accents(word))
    return out


def is_stopword(word: str) -> bool:
    return word in stopwords.ALL


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """Snowball stem of one normalised word; Cyrillic words always use the Russian stemmer."""
    if is_cyrillic(word):
        return _stemmer("ru").stemWord(word)
    if word.isdigit():
        return word
    return _stemmer(lang if lang in LATIN_LANGS else "en").stemWord(word)


def query_stems(word: str) -> frozenset[str]:
    """Stems a query word may match: a Latin word is tried as English and as Spanish."""
    if is_cyrillic(word) or word.isdigit():
        return frozenset({stem(word, "ru")})
    return frozenset(stem(word, lang) for lang in LATIN_LANGS)


def document_terms(text: str, lang: str) -> list[str]:
    """Stems of a document field, stopwords removed, in order."""
    return [stem(w, lang) for w in tokens(text) if not is_stopword(w)]


def query_words(text: str) -> list[str]:
    """Content words of a query, bounded so a 10,000-character query costs like a short one."""
    seen: list[str] = []
    for word in tokens(text[:MAX_QUERY_CHARS]):
        if not is_stopword(word) and word not in seen:
            seen.append(word)
        if len(seen) >= MAX_QUERY_TOKENS:
            break
    return seen
