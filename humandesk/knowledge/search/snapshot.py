"""A per-process, per-workspace copy of what search needs in memory.

Vectors (for cosine), document frequencies (for term weights), synonyms and, on SQLite,
the vocabulary for typo correction. Rebuilt when the workspace's IndexState token changes,
so every process sees an edit on its next query.
"""

import math
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

import numpy as np
from django.db import connection

from humandesk.knowledge.models import ArticleIndex, IndexState, SearchTerm, SynonymSet
from humandesk.knowledge.search import analysis, semantic

MAX_CACHED_WORKSPACES = 8
_cache: "OrderedDict[int, Snapshot]" = OrderedDict()
_lock = threading.Lock()


@dataclass
class Synonyms:
    lang: str
    stems: frozenset[str]
    words: tuple[str, ...]


@dataclass
class Snapshot:
    token: str
    article_ids: np.ndarray  # one per indexed article
    langs: list[str]
    public: np.ndarray  # bool per article
    vectors: np.ndarray  # (passages, 512)
    passage_start: np.ndarray  # first passage row of each article (rows are grouped by article)
    df: dict[str, int]
    synonyms: list[Synonyms]
    words_by_length: dict[int, list[str]] = field(default_factory=dict)
    _position: dict[int, int] | None = None

    @property
    def size(self) -> int:
        return len(self.article_ids)

    def idf(self, stem: str) -> float:
        """BM25-style weight; a stem no article has weighs the most (it is what the base lacks)."""
        df = self.df.get(stem, 0)
        return math.log(1 + (self.size - df + 0.5) / (df + 0.5))

    def passages_of(self, position: int) -> np.ndarray:
        """The passage vectors of the article at `position`."""
        end = self.passage_start[position + 1] if position + 1 < len(self.passage_start) else len(self.vectors)
        return self.vectors[self.passage_start[position] : end]

    def position(self) -> dict[int, int]:
        if self._position is None:
            self._position = {int(pk): i for i, pk in enumerate(self.article_ids)}
        return self._position


def current_token(workspace_id: int) -> str:
    return IndexState.objects.filter(workspace_id=workspace_id).values_list("token", flat=True).first() or ""


def snapshot_for(workspace_id: int) -> Snapshot:
    """The workspace's snapshot, rebuilt only when its index changed since the last call."""
    token = current_token(workspace_id)
    with _lock:
        cached = _cache.get(workspace_id)
        if cached is not None and cached.token == token:
            _cache.move_to_end(workspace_id)
            return cached
    built = _build(workspace_id, token)
    with _lock:
        _cache[workspace_id] = built
        _cache.move_to_end(workspace_id)
        while len(_cache) > MAX_CACHED_WORKSPACES:
            _cache.popitem(last=False)
    return built


def _build(workspace_id: int, token: str) -> Snapshot:
    rows = ArticleIndex.objects.filter(workspace_id=workspace_id).order_by("article_id").values_list(
        "article_id", "lang", "is_public", "title_terms", "tag_terms", "body_terms", "vectors"
    )
    ids, langs, public, blocks, starts = [], [], [], [], []
    row = 0
    df: Counter[str] = Counter()
    for pk, lang, is_public, title, tags, body, blob in rows.iterator(chunk_size=500):
        ids.append(pk)
        langs.append(lang)
        public.append(is_public)
        df.update(set(f"{title} {tags} {body}".split()))
        vectors = semantic.from_bytes(blob)
        if len(vectors) == 0:  # every indexed article has passages; guard against a corrupt row
            vectors = np.zeros((1, semantic.DIM), dtype=np.float32)
        blocks.append(vectors)
        starts.append(row)
        row += len(vectors)
    matrix = np.vstack(blocks) if blocks else np.zeros((0, semantic.DIM), dtype=np.float32)
    snap = Snapshot(
        token=token, article_ids=np.array(ids, dtype=np.int64), langs=langs,
        public=np.array(public, dtype=bool), vectors=np.ascontiguousarray(matrix),
        passage_start=np.array(starts, dtype=np.int64), df=dict(df), synonyms=_synonyms(workspace_id),
    )
    if connection.vendor != "postgresql":  # PostgreSQL finds candidates with its trigram index
        snap.words_by_length = _vocabulary(workspace_id)
    return snap


def _synonyms(workspace_id: int) -> list[Synonyms]:
    out = []
    for lang, terms in SynonymSet.objects.filter(workspace_id=workspace_id).values_list("lang", "terms"):
        words = tuple(w for term in terms if isinstance(term, str) for w in analysis.tokens(term))
        stems = frozenset(s for w in words for s in analysis.query_stems(w))
        if len(stems) > 1:
            out.append(Synonyms(lang=lang, stems=stems, words=words))
    return out


def _vocabulary(workspace_id: int) -> dict[int, list[str]]:
    by_length: dict[int, list[str]] = {}
    for word in SearchTerm.objects.filter(workspace_id=workspace_id).values_list("word", flat=True).iterator(chunk_size=2000):
        by_length.setdefault(len(word), []).append(word)
    return by_length
