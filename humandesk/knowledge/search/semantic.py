"""Sentence embeddings (multilingual USE v3, pure numpy, weights inside the package).

Finds paraphrases that share no word with the article («когда привезут» → delivery times)
and questions asked in another language than the article.
"""

import re
from functools import lru_cache

import numpy as np

from humandesk.core import embeddings
from humandesk.core.embeddings import DIM

BODY_CHARS = 1000  # USE reads sentences; the start of a help article says what it is about
_controller = None
MARKUP_RE = re.compile(r"[#*_>`|\[\]()]")


def passages(title: str, tags: list[str], body: str) -> list[str]:
    """Texts whose embeddings are averaged into the article's one vector: the title with its
    tags, and the title with the body's start. On the dev queries this centroid ranked as
    well as three passages or per-line vectors, at a third less encoding time."""
    plain = " ".join(MARKUP_RE.sub(" ", body).split())
    labelled = f"{title}. {', '.join(tags)}" if tags else title
    return [labelled, f"{title}. {plain[:BODY_CHARS]}"]


def article_vectors(passage_groups: list[list[str]]) -> np.ndarray:
    """One L2-normalised vector per article: the centroid of its passages' embeddings."""
    flat = [text for group in passage_groups for text in group]
    embedded = embeddings.encode(flat)
    rows, offset = [], 0
    for group in passage_groups:
        rows.append(embedded[offset : offset + len(group)].mean(axis=0))
        offset += len(group)
    return embeddings.normalised(np.vstack(rows)) if rows else np.zeros((0, DIM), dtype=np.float32)


@lru_cache(maxsize=2048)
def encode_query(text: str) -> np.ndarray:
    """Embedding of one query (cached: the bot and the help centre repeat questions)."""
    return embeddings.encode([text])[0]


def similarities(matrix: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """matrix @ vector on one BLAS thread: more threads spin against the server's other work
    (p99 of a 10,000 x 512 product went from 2 ms to 8 ms on a busy 2-core host)."""
    global _controller
    if _controller is None:
        from threadpoolctl import ThreadpoolController

        _controller = ThreadpoolController()
    with _controller.limit(limits=1, user_api="blas"):
        return matrix @ vector


def to_bytes(matrix: np.ndarray) -> bytes:
    return np.ascontiguousarray(matrix, dtype=np.float32).tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(bytes(blob), dtype=np.float32).reshape(-1, DIM)
