"""Our own evaluation data keeps the shape the issue asks for."""

import json
from collections import Counter
from pathlib import Path

import humandesk.knowledge

DATA = Path(humandesk.knowledge.__file__).parent / "eval_data"


def _read(name):
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def test_articles_and_queries_meet_the_minimum():
    """At least 60 articles and 300 queries in Russian, English and Spanish."""
    articles = _read("articles.jsonl")
    queries = _read("queries_dev.jsonl") + _read("queries_test.jsonl")
    assert len(articles) >= 60 and len(queries) >= 300
    assert set(Counter(a["lang"] for a in articles)) == {"ru", "en", "es"}
    assert set(Counter(q["lang"] for q in queries)) == {"ru", "en", "es"}
    assert {"kw", "q", "coll", "typo", "para", "xl", "none", "op"} <= {q["kind"] for q in queries}


def test_queries_point_at_existing_articles_a_customer_may_read():
    """Relevant ids exist; customer queries never expect an internal article; ids are unique."""
    articles = {a["id"]: a for a in _read("articles.jsonl")}
    queries = _read("queries_dev.jsonl") + _read("queries_test.jsonl")
    assert len({q["id"] for q in queries}) == len(queries)
    for query in queries:
        for key in query["relevant"]:
            assert key in articles
            if query.get("audience", "customer") == "customer":
                assert articles[key]["visibility"] == "public", query


def test_dev_split_has_enough_no_answer_queries_to_tune_abstention():
    """Abstention is tuned on dev only, so dev holds many near-miss questions in every language."""
    dev = _read("queries_dev.jsonl")
    no_answer = Counter(q["lang"] for q in dev if not q["relevant"])
    assert sum(no_answer.values()) >= 80 and min(no_answer[lang] for lang in ("ru", "en", "es")) >= 15
    assert len(dev) - sum(no_answer.values()) >= 180
