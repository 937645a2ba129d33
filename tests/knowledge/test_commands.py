"""`humandesk kb search|eval|import|reindex` through call_command."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from humandesk.accounts.models import Workspace
from humandesk.knowledge.models import Article
from tests.knowledge.conftest import ARTICLES

QUERIES = [
    {"id": "q1", "lang": "ru", "query": "сроки доставки", "relevant": ["delivery"]},
    {"id": "q2", "lang": "ru", "query": "возрат", "relevant": ["returns"]},
    {"id": "q3", "lang": "en", "query": "how do I send an item back?", "relevant": ["returns-en"]},
    {"id": "q4", "lang": "ru", "query": "лимит компенсации оператора", "relevant": []},
    {"id": "q5", "lang": "ru", "query": "лимит компенсации оператора", "relevant": ["sop-compensation"], "audience": "operator"},
    {"id": "q6", "lang": "ru", "query": "прогноз погоды на выходные в Карелии", "relevant": []},
]


def _write(path, records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def files(tmp_path):
    return _write(tmp_path / "articles.jsonl", ARTICLES), _write(tmp_path / "queries.jsonl", QUERIES)


def _run(*args) -> str:
    out = StringIO()
    call_command("kb", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_search_writes_one_json_line_per_query(db, files):
    """Each line is {"id", "results" (≤ 10 external ids), "answer" (id or null)}."""
    articles, queries = files
    lines = [json.loads(line) for line in _run("search", "--articles", articles, "--queries", queries).splitlines()]
    assert [line["id"] for line in lines] == [q["id"] for q in QUERIES]
    assert all(set(line) == {"id", "results", "answer"} and len(line["results"]) <= 10 for line in lines)
    by_id = {line["id"]: line for line in lines}
    assert by_id["q1"]["results"][0] == "delivery" and by_id["q1"]["answer"] == "delivery"
    assert "sop-compensation" not in by_id["q4"]["results"]
    assert by_id["q5"]["results"][0] == "sop-compensation"
    assert by_id["q6"]["answer"] is None


def test_evaluation_leaves_no_workspace_behind(db, files):
    """The throw-away workspace and its articles are rolled back."""
    before = Workspace.objects.count()
    _run("eval", "--articles", files[0], "--queries", files[1])
    assert Workspace.objects.count() == before
    assert not Article.objects.exists()


def test_eval_json_reports_metrics_overall_and_per_language(db, files):
    """--json gives MRR@5, recall@1/@5 and abstention precision/recall/F1 per language."""
    report = json.loads(_run("eval", "--articles", files[0], "--queries", files[1], "--json"))
    assert set(report) == {"all", "ru", "en"}
    keys = {"mrr@5", "recall@1", "recall@5", "abstention_precision", "abstention_recall", "abstention_f1"}
    assert keys <= set(report["all"])
    assert report["all"]["queries"] == 6 and report["all"]["no_answer"] == 2
    assert report["all"]["mrr@5"] >= 0.75
    assert report["all"]["abstention_recall"] == 1.0


def test_eval_prints_a_table(db, files):
    """Without --json, one row per language and one for all."""
    rows = _run("eval", "--articles", files[0], "--queries", files[1]).splitlines()
    assert rows[0].split()[:3] == ["lang", "queries", "mrr@5"]
    assert [r.split()[0] for r in rows[1:]] == ["all", "en", "ru"]


def test_broken_input_is_a_clear_error(db, tmp_path, files):
    """A line that is not JSON, or lacks a field, names the file and line."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "title": "ok"}\nnot json\n', encoding="utf-8")
    with pytest.raises(CommandError, match="bad.jsonl:2"):
        _run("search", "--articles", str(bad), "--queries", files[1])
    with pytest.raises(CommandError, match="missing query"):
        _run("search", "--articles", files[0], "--queries", _write(tmp_path / "q.jsonl", [{"id": "x"}]))
    with pytest.raises(CommandError, match="cannot read"):
        _run("eval", "--articles", str(tmp_path / "missing.jsonl"), "--queries", files[1])


def test_import_and_reindex_a_real_workspace(workspace, files):
    """`kb import` publishes and indexes articles; running it again updates them in place."""
    assert "8 articles imported" in _run("import", files[0], "--workspace", workspace.slug)
    _run("import", files[0], "--workspace", workspace.slug)
    assert Article.objects.filter(workspace=workspace).count() == len(ARTICLES)
    assert "8 articles" in _run("reindex", "--workspace", workspace.slug)
    with pytest.raises(CommandError, match="no workspace"):
        _run("reindex", "--workspace", "nope")
