"""The search on our own held-out test split: floors that catch regressions in ranking and in
the hand-over decision (measured figures in docs/KNOWLEDGE.md sit a little above them)."""

import json
from io import StringIO

from django.core.management import call_command

from tests.knowledge.test_eval_data import DATA

MRR_FLOOR = 0.88
ABSTENTION_F1_FLOOR = 0.78


def test_test_split_scores_stay_above_the_floor(db):
    out = StringIO()
    call_command("kb", "eval", "--articles", str(DATA / "articles.jsonl"), "--queries", str(DATA / "queries_test.jsonl"),
                 "--json", stdout=out, stderr=StringIO())
    report = json.loads(out.getvalue())["all"]
    assert report["mrr@5"] >= MRR_FLOOR
    assert report["abstention_f1"] >= ABSTENTION_F1_FLOOR
