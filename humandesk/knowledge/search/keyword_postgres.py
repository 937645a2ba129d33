"""PostgreSQL full text (russian/english/spanish configurations) and pg_trgm typo candidates.

Each document is a weighted tsvector: title A, tags B, body D. Cyrillic words go through
the russian configuration, Latin words through the article's language, so a Russian article
that names "Primus" still matches; a query word is tried in every configuration it could be.
"""

from contextlib import contextmanager, suppress

from django.db import DatabaseError, connection

from humandesk.knowledge.search import analysis
from humandesk.knowledge.search.documents import PreparedDocument
from humandesk.knowledge.search.query import ParsedQuery

TABLE = "knowledge_pgdocument"  # created by migration 0002
CONFIGS = {"ru": "russian", "en": "english", "es": "spanish"}
BULK_ROWS = 100


def _split(text: str) -> tuple[str, str]:
    words = text.split()
    cyrillic = " ".join(w for w in words if analysis.is_cyrillic(w))
    return cyrillic, " ".join(w for w in words if not analysis.is_cyrillic(w))


def _field_sql(weight: str) -> str:
    return f"setweight(to_tsvector('russian', %s) || to_tsvector(%s::regconfig, %s), '{weight}')"


def write_documents(docs: list[PreparedDocument]) -> None:
    sql = (
        f"INSERT INTO {TABLE} (article_id, workspace_id, is_public, document) VALUES (%s, %s, %s, "  # noqa: S608
        f"{_field_sql('A')} || {_field_sql('B')} || {_field_sql('D')}) ON CONFLICT (article_id) DO UPDATE "
        "SET document = EXCLUDED.document, workspace_id = EXCLUDED.workspace_id, is_public = EXCLUDED.is_public"
    )
    rows = []
    for d in docs:
        config = CONFIGS.get(d.lang, "simple")
        params = [d.article_id, d.workspace_id, d.is_public]
        for text in (d.title_text, d.tag_text, d.body_text):
            cyrillic, latin = _split(text)
            params += [cyrillic, config, latin]
        rows.append(params)
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
        if len(rows) >= BULK_ROWS:
            # Bulk inserts sit in the GIN pending list, which every search scans linearly
            # until autovacuum merges it (a 10,000-article import made searches 10x slower).
            cursor.execute(f"SELECT gin_clean_pending_list('{TABLE}_gin'::regclass)")


def delete_documents(article_ids: list[int]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE article_id = ANY(%s)", [list(article_ids)])  # noqa: S608


def delete_workspace(workspace_id: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TABLE} WHERE workspace_id = %s", [workspace_id])  # noqa: S608


def _tsquery(query: ParsedQuery) -> tuple[str, list[str]]:
    parts, params = [], []
    for word in sorted(query.all_words()):
        configs = ["russian"] if analysis.is_cyrillic(word) else ["english", "spanish"]
        for config in configs:
            parts.append("to_tsquery(%s::regconfig, %s)")
            params += [config, word]  # words are [^\W_]+ only: no tsquery operators
    return " || ".join(parts), params


def candidates(workspace_id: int, query: ParsedQuery, include_internal: bool, limit: int) -> list[int]:
    """Article ids matching any query word, best ts_rank first."""
    sql, params = candidates_sql(workspace_id, query, include_internal, limit)
    if not sql:
        return []
    with connection.cursor() as cursor, _gin_only(cursor):
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def candidates_sql(workspace_id: int, query: ParsedQuery, include_internal: bool, limit: int) -> tuple[str, list]:
    """The candidates statement and its parameters ("" when the query has no words)."""
    tsquery, params = _tsquery(query)
    if not tsquery:
        return "", []
    visibility = "" if include_internal else "AND is_public "
    # The tsquery is written inline (not joined in from a subquery) so the planner can use
    # the GIN index; a joined-in query made it test all 10,000 documents (13 ms). The "+ 0"
    # keeps it off the workspace index, whose rows it would then test one by one.
    sql = (
        f"SELECT article_id FROM {TABLE} WHERE document @@ ({tsquery}) AND workspace_id + 0 = %s "  # noqa: S608
        f"{visibility}ORDER BY ts_rank(document, ({tsquery})) DESC LIMIT %s"
    )
    return sql, [*params, workspace_id, *params, limit]


def similar_words(workspace_id: int, words: list[str], limit: int = 20) -> dict[str, list[str]]:
    """Per word, the vocabulary words nearest by trigram distance (pg_trgm GiST, one query)."""
    pools: dict[str, list[str]] = {word: [] for word in words}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT q.word, t.word FROM unnest(%s::text[]) AS q(word) CROSS JOIN LATERAL ("
            "SELECT word FROM knowledge_searchterm WHERE workspace_id = %s "
            "ORDER BY word <-> q.word LIMIT %s) AS t",
            [list(words), workspace_id, limit],
        )
        for word, candidate in cursor.fetchall():
            pools[word].append(candidate)
    return pools


@contextmanager
def _gin_only(cursor):
    """Make the planner read the GIN index. It prices `@@` as cheap and, for a long question
    matching a tenth of the base, scans every row testing each document: 10-13 ms over 10,000
    articles, against 1-2 ms for a bitmap scan of the GIN index. A session setting, reset
    right after the query."""
    cursor.execute("SELECT set_config('enable_seqscan', 'off', false)")
    try:
        yield
    except DatabaseError:
        # In an aborted transaction the reset cannot run; the rollback undoes the settings.
        with suppress(DatabaseError):
            cursor.execute("RESET enable_seqscan")
        raise
    cursor.execute("RESET enable_seqscan")
