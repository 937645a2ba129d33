"""Keyword relevance computed the same way on both backends, from the stored stems.

The backend's own rank (bm25 / ts_rank) only picks the candidates; this score orders them,
so SQLite and PostgreSQL return the same list. A query word counts by its rarity (idf) and
by where the article has it: title, then tags, then body.
"""

from humandesk.knowledge.models import ArticleIndex
from humandesk.knowledge.search.query import ParsedQuery
from humandesk.knowledge.search.snapshot import Snapshot

TITLE, TAGS, BODY = 1.0, 0.85, 0.5


def group_weights(query: ParsedQuery, snap: Snapshot) -> list[float]:
    """idf per query group; a word the base never uses weighs the most (a sign of no answer)."""
    weights = []
    for group in query.groups:
        known = [snap.idf(s) for s in group.stems if s in snap.df]
        weights.append(min(known) if known else snap.idf(""))
    return weights


def keyword_scores(query: ParsedQuery, snap: Snapshot, article_ids: list[int]) -> dict[int, tuple[float, float]]:
    """Per article: the share of the query's weight it covers, and the share of its title
    the query covers (a short title that is all query beats a long one that mentions it)."""
    if not query.groups or not article_ids:
        return {}
    weights = group_weights(query, snap)
    total = sum(weights) or 1.0
    rows = ArticleIndex.objects.filter(article_id__in=article_ids).values_list(
        "article_id", "title_terms", "tag_terms", "body_terms"
    )
    scores = {}
    for pk, title, tags, body in rows:
        title_terms = set(title.split())
        fields = ((title_terms, TITLE), (set(tags.split()), TAGS), (set(body.split()), BODY))
        covered = 0.0
        for group, weight in zip(query.groups, weights, strict=True):
            covered += weight * max((w for terms, w in fields if group.stems & terms), default=0.0)
        in_title = title_terms & query.all_stems()
        scores[pk] = (covered / total, len(in_title) / len(title_terms) if title_terms else 0.0)
    return scores
