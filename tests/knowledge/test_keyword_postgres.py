"""PostgreSQL keyword candidates read the GIN index and leave the session's planner settings
as they were (runs in the PostgreSQL pass of `make test`; skipped on SQLite)."""

import pytest
from django.db import connection

from humandesk.knowledge.search import backends, keyword_postgres
from humandesk.knowledge.search import query as query_parser
from humandesk.knowledge.search.snapshot import snapshot_for

pytestmark = [pytest.mark.postgres,
              pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full text only")]


def _parsed(workspace, text):
    snap = snapshot_for(workspace.pk)
    return query_parser.parse(text, "ru", snap, backends.similar_words_source(workspace.pk, snap))


def _setting():
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        return cursor.fetchone()[0]


def test_candidates_come_from_the_gin_index(db, workspace, kb):
    sql, params = keyword_postgres.candidates_sql(workspace.pk, _parsed(workspace, "сроки доставки возврат"), False, 40)
    with connection.cursor() as cursor, keyword_postgres._gin_only(cursor):
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"{keyword_postgres.TABLE}_gin" in plan
    assert "Seq Scan" not in plan


def test_candidates_reset_the_planner_setting(db, workspace, kb):
    before = _setting()
    found = keyword_postgres.candidates(workspace.pk, _parsed(workspace, "сроки доставки"), False, 40)
    assert kb["delivery"].pk in found
    assert _setting() == before == "on"
