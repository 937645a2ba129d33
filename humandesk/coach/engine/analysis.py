"""Turn a draft into tokens with character spans, normal forms and sentence numbers."""

import functools
import re
from dataclasses import dataclass

from humandesk.coach.engine import morphology

URL = re.compile(r"(?:https?://|www\.)[^\s<>«»\"]+|[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE)
_LATIN_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
SENTENCE_END = frozenset({".", "!", "?", "…", "?!", "!!", "!!!", "..."})
_STEMMERS = {"en": "english", "es": "spanish"}


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str
    kind: str  # word | num | punct | url | symbol
    norms: frozenset
    sent: int = 0


@dataclass
class Analysis:
    text: str
    lang: str
    tokens: list[Token]
    sentences: list[tuple[int, int]]  # token index ranges [start, end)

    def sentence_tokens(self, index: int) -> list[Token]:
        start, end = self.sentences[index]
        return self.tokens[start:end]

    def sentence_span(self, index: int) -> tuple[int, int]:
        start, end = self.sentences[index]
        return self.tokens[start].start, self.tokens[end - 1].end

    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.kind == "word"]


@functools.cache
def _stemmer(lang: str):
    import Stemmer

    return Stemmer.Stemmer(_STEMMERS[lang])


@functools.lru_cache(maxsize=100_000)
def latin_norms(word: str, lang: str) -> frozenset[str]:
    return frozenset({word, _stemmer(lang).stemWord(word)})


def norms_for(word: str, lang: str) -> frozenset[str]:
    """Normal forms a lexicon entry may match: lemmas (ru) or Snowball stems (en, es)."""
    if lang == "ru":
        return morphology.lemmas(word) if _CYRILLIC.search(word) else frozenset({word})
    return latin_norms(word, lang)


def _kind(piece: str) -> str:
    if piece[0].isdigit():
        return "num"
    if piece[0].isalpha() or piece[0] == "_":
        return "word"
    return "punct" if piece in SENTENCE_END or piece in ",;:—–-()«»\"'“”„[]/" else "symbol"


def _raw_pieces(segment: str, lang: str):
    if lang == "ru":
        from razdel import tokenize

        for tok in tokenize(segment):
            yield tok.start, tok.text
    else:
        for match in _LATIN_TOKEN.finditer(segment):
            yield match.start(), match.group()


def tokenize(text: str, lang: str) -> list[Token]:
    tokens: list[Token] = []
    position = 0
    for url in [*URL.finditer(text), None]:
        stop = url.start() if url else len(text)
        for offset, piece in _raw_pieces(text[position:stop], lang):
            start = position + offset
            lower = piece.lower().replace("’", "'")
            kind = _kind(piece)
            norms = norms_for(lower, lang) if kind == "word" else frozenset({lower})
            tokens.append(Token(piece, start, start + len(piece), lower, kind, norms))
        if url:
            link = url.group().rstrip(".,;:!?)")
            tokens.append(Token(link, url.start(), url.start() + len(link), link.lower(), "url",
                                frozenset({"<url>"})))
            position = url.start() + len(link)
    return tokens


def _split_sentences(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    sentences, start = [], 0
    for i, token in enumerate(tokens):
        ends_here = token.kind == "punct" and token.text in SENTENCE_END
        breaks_after = i + 1 < len(tokens) and "\n" in text[token.end:tokens[i + 1].start]
        if ends_here or breaks_after:
            # Keep runs like "?!" or "!)" with their sentence.
            if i + 1 < len(tokens) and tokens[i + 1].text in SENTENCE_END and not breaks_after:
                continue
            sentences.append((start, i + 1))
            start = i + 1
    if start < len(tokens):
        sentences.append((start, len(tokens)))
    return sentences


def analyse(text: str, lang: str) -> Analysis:
    tokens = tokenize(text, lang)
    sentences = _split_sentences(text, tokens)
    for number, (start, end) in enumerate(sentences):
        for token in tokens[start:end]:
            token.sent = number
    return Analysis(text, lang, tokens, sentences)
