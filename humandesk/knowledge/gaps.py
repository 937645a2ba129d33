"""Grouping unanswered customer questions into "articles we are missing".

Leader clustering: a question joins the open or dismissed gap whose first question is most
similar to it, when the similarity reaches JOIN_SIMILARITY; otherwise it starts a new gap.
Similarity mixes the sentence-embedding cosine (the same USE model search uses, so
«доставляете в Казахстан?» meets «доставка в Казахстан») with the overlap of normalised
keyword stems (so two questions naming the same rare thing stay together even when the
embedding hesitates).
"""

import numpy as np

from humandesk.knowledge.models import KnowledgeGap
from humandesk.knowledge.search import analysis, semantic

W_COSINE = 0.75
W_KEYWORDS = 0.25
# On hand-made pairs (lowercased): the same question reworded scores 0.52-0.89, unrelated
# questions («вакансии» / «доставка в Казахстан») below 0.2; «доставка в Казахстан» and «в
# Беларусь» (0.52) end up together, which is one article («доставка за границу») anyway.
JOIN_SIMILARITY = 0.45
MAX_GAPS_COMPARED = 2000


def question_stems(text: str) -> set[str]:
    """Normalised content-word stems of a question (stopwords dropped, Latin words as en and es)."""
    return {s for word in analysis.query_words(text) for s in analysis.query_stems(word)}


def keyword_overlap(stems: set[str], other: set[str]) -> float:
    """Jaccard overlap of two stem sets, 0..1."""
    union = stems | other
    return len(stems & other) / len(union) if union else 0.0


def nearest_gap(workspace_id: int, text: str) -> tuple[KnowledgeGap | None, np.ndarray, set[str]]:
    """The gap a question belongs to (None: it starts a new one), with its vector and stems."""
    # Case and a trailing «?» move USE vectors more than they change the question.
    vector = semantic.encode_query(" ".join(analysis.tokens(text)))
    stems = question_stems(text)
    rows = list(
        KnowledgeGap.objects.filter(workspace_id=workspace_id)
        .order_by("-last_asked_at")
        .only("pk", "vector", "stems", "status")[:MAX_GAPS_COMPARED]
    )
    if not rows:
        return None, vector, stems
    matrix = np.vstack([semantic.from_bytes(g.vector)[0] for g in rows])
    cosines = semantic.similarities(matrix, vector)
    best, best_score = None, JOIN_SIMILARITY
    for gap, cosine in zip(rows, cosines, strict=True):
        score = W_COSINE * float(cosine) + W_KEYWORDS * keyword_overlap(stems, set(gap.stems.split()))
        if score >= best_score:
            best, best_score = gap, score
    return best, vector, stems
