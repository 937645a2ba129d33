"""SQLite FTS5 over pre-stemmed terms: bm25 with title and tags weighing more than the body.

FTS5 has no Russian stemmer, so documents are stored as snowball stems (see analysis.py)
and queries are turned into an OR of quoted stems: user text never reaches FTS syntax.
"""

from django.db import connection

from humandesk.knowledge.search.documents import PreparedDocument
from humandesk.knowledge.search.query import ParsedQuery

TABLE = "knowledge_fts"  # created by migration 0002
# bm25 weights per FTS column: title, tags, body.
BM25_WEIGHTS = (10.0, 6.0, 1.0)


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def write_documents(docs: list[PreparedDocument]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(d.article_id,) for d in docs])  # noqa: S608
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, tags, body) VALUES (%s, %s, %s, %s)",  # noqa: S608
            [(d.article_id, d.title_terms, d.tag_terms, d.body_terms) for d in docs],
        )


def delete_documents(article_ids: list[int]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(pk,) for pk in article_ids])  # noqa: S608


def delete_workspace(workspace_id: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {TABLE} WHERE rowid IN "  # noqa: S608
            "(SELECT article_id FROM knowledge_articleindex WHERE workspace_id = %s)",
            [workspace_id],
        )


def candidates(workspace_id: int, query: ParsedQuery, include_internal: bool, limit: int) -> list[int]:
    """Article ids matching any query stem, best bm25 first."""
    stems = sorted(query.all_stems())
    if not stems:
        return []
    match = " OR ".join(_quoted(s) for s in stems)
    visibility = "" if include_internal else "AND i.is_public "
    sql = (
        f"SELECT f.rowid FROM {TABLE} f JOIN knowledge_articleindex i ON i.article_id = f.rowid "  # noqa: S608
        f"WHERE {TABLE} MATCH %s AND i.workspace_id = %s {visibility}"
        f"ORDER BY bm25({TABLE}, %s, %s, %s) LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, workspace_id, *BM25_WEIGHTS, limit])
        return [row[0] for row in cursor.fetchall()]
