"""Hybrid ranking: keyword evidence and sentence-embedding similarity, fused into one score,
plus the decision whether the bot may answer or must hand over (answering.py)."""

from dataclasses import dataclass, field

import numpy as np

from humandesk.knowledge.search import answering, scoring, semantic
from humandesk.knowledge.search import query as query_parser
from humandesk.knowledge.search.backends import keyword_engine, similar_words_source
from humandesk.knowledge.search.snapshot import Snapshot, snapshot_for

KEYWORD_CANDIDATES = 40
SEMANTIC_CANDIDATES = 30
# Weights and thresholds tuned on eval_data/queries_dev.jsonl only (see docs/KNOWLEDGE.md).
W_SEMANTIC = 1.0
W_KEYWORD = 0.3
W_TITLE = 0.1  # times keyword coverage times the share of the title the query covers
# Orders only: a translation in the reader's language wins a near tie, but the bonus never
# turns a weak match into an answer.
W_SAME_LANGUAGE = 0.05
RESULT_FLOOR = 0.10


@dataclass
class Hit:
    article_id: int
    score: float
    semantic: float
    keyword: float
    title: float = 0.0
    rank_score: float = 0.0  # score plus the same-language bonus: the order of results


@dataclass
class Ranking:
    """The hits, best first, and what the hand-over decision reads about the top one; the
    help centre and the sidebar stop here, only the bot and the evaluation decide."""

    hits: list[Hit] = field(default_factory=list)
    parsed: query_parser.ParsedQuery | None = None
    snap: Snapshot | None = None
    similarity: np.ndarray | None = None  # per article; -1 where the audience may not see it
    lang: str = "ru"

    @property
    def article_ids(self) -> list[int]:
        return [h.article_id for h in self.hits]

    def evidence(self) -> dict:
        if not self.hits:
            return {}
        return answering.evidence(self.parsed, self.snap, self.hits[0], self.similarity, self.lang)


@dataclass
class SearchResult:
    hits: list[Hit] = field(default_factory=list)
    answer: int | None = None  # article id the bot would answer with; None = hand over
    confidence: float = 0.0  # probability that the top article answers the question
    evidence: dict = field(default_factory=dict)  # what that probability was computed from

    @property
    def article_ids(self) -> list[int]:
        return [h.article_id for h in self.hits]


def search(workspace_id: int, text: str, *, lang: str = "ru", audience: str = "customer", limit: int = 10) -> SearchResult:
    """Best articles for a query (public only unless the audience is an operator), and the
    article the bot would answer with."""
    ranking = rank(workspace_id, text, lang=lang, audience=audience, limit=limit)
    if not ranking.hits:
        return SearchResult()
    evidence = ranking.evidence()
    decider = answering.model()
    p_no_answer = decider.p_no_answer(evidence)
    answer = ranking.hits[0].article_id if p_no_answer < decider.threshold else None
    return SearchResult(hits=ranking.hits, answer=answer, confidence=round(1 - p_no_answer, 4), evidence=evidence)


def rank(workspace_id: int, text: str, *, lang: str = "ru", audience: str = "customer", limit: int = 10) -> Ranking:
    """Best articles for a query, without deciding whether the top one answers it."""
    snap = snapshot_for(workspace_id)
    parsed = query_parser.parse(text, lang, snap, similar_words_source(workspace_id, snap))
    if snap.size == 0 or not parsed.groups:
        return Ranking()
    include_internal = audience == "operator"
    similarity = _semantic_scores(snap, parsed.semantic_text)
    allowed = snap.public | include_internal
    similarity_allowed = np.where(allowed, similarity, -1.0)
    count = min(SEMANTIC_CANDIDATES, snap.size)
    top = np.argpartition(-similarity_allowed, count - 1)[:count]
    positions = {int(i) for i in top if allowed[i]}
    index_of = snap.position()
    found = keyword_engine().candidates(workspace_id, parsed.selective(snap), include_internal, KEYWORD_CANDIDATES)
    positions.update(index_of[pk] for pk in found if pk in index_of)
    ids = [int(snap.article_ids[i]) for i in positions]
    keyword = scoring.keyword_scores(parsed, snap, ids)
    hits = [_hit(snap, i, similarity, keyword, lang) for i in positions]
    hits = sorted((h for h in hits if h.score >= RESULT_FLOOR), key=lambda h: (-h.rank_score, h.article_id))[:limit]
    return Ranking(hits=hits, parsed=parsed, snap=snap, similarity=similarity_allowed, lang=lang)


def _semantic_scores(snap: Snapshot, text: str) -> np.ndarray:
    """Per article, the best cosine between the query and any of its passages."""
    sims = semantic.similarities(snap.vectors, semantic.encode_query(text))
    return np.maximum.reduceat(sims, snap.passage_start) if len(sims) else sims


def _hit(snap: Snapshot, position: int, similarity: np.ndarray, keyword: dict, lang: str) -> Hit:
    pk = int(snap.article_ids[position])
    sem = float(similarity[position])
    kw, title = keyword.get(pk, (0.0, 0.0))
    score = W_SEMANTIC * sem + W_KEYWORD * kw + W_TITLE * kw * title
    rank_score = score + W_SAME_LANGUAGE * (snap.langs[position] == lang)
    return Hit(article_id=pk, score=round(score, 4), semantic=round(sem, 4), keyword=round(kw, 4),
               title=round(title, 4), rank_score=round(rank_score, 4))
