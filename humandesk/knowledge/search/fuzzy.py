"""Typo correction of query words against the words the workspace's articles use.

Candidates come from an in-memory list on SQLite and from a pg_trgm index on PostgreSQL;
the same RapidFuzz rule accepts them on both, so both backends correct the same way.
"""

from rapidfuzz import process
from rapidfuzz.distance import OSA

from humandesk.knowledge.search import analysis

MIN_WORD_CHARS = 4
MAX_CORRECTIONS = 2


def max_distance(word: str) -> int:
    """Edits allowed: one for short words («возрат»), two from eight letters on."""
    return 1 if len(word) < 8 else 2


def needs_correction(word: str) -> bool:
    return len(word) >= MIN_WORD_CHARS and not word.isdigit()


def corrections(word: str, snap, pool: list[str]) -> list[str]:
    """Known words of the pool within a small edit distance of an unknown word, most common first."""
    limit = max_distance(word)
    if not pool:
        return []
    found = process.extract(word, pool, scorer=OSA.distance, score_cutoff=limit, limit=20)
    if not found:
        return []
    best = min(distance for _, distance, _ in found)
    closest = [candidate for candidate, distance, _ in found if distance == best]

    def commonness(candidate: str) -> tuple[int, int]:
        same_start = int(candidate[:1] == word[:1])
        df = max(snap.df.get(s, 0) for s in analysis.query_stems(candidate))
        return same_start, df

    closest.sort(key=commonness, reverse=True)
    return closest[:MAX_CORRECTIONS]


def words_near_in_memory(snap, words: list[str]) -> dict[str, list[str]]:
    """Per word, the vocabulary words whose length is within reach of its edit budget."""
    pools = {}
    for word in words:
        limit = max_distance(word)
        pools[word] = [w for n in range(len(word) - limit, len(word) + limit + 1) for w in snap.words_by_length.get(n, ())]
    return pools
