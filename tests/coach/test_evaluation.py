"""Quality bar on our own held-out replies: the figures docs/COACH.md reports."""

from pathlib import Path

import pytest

from humandesk.coach import evaluation

DATA = Path(evaluation.__file__).parent / "eval_data" / "replies"


@pytest.fixture(scope="module")
def test_scores():
    return evaluation.evaluate(evaluation.read_replies(DATA / "test.jsonl"))


@pytest.mark.parametrize("lang", ["ru", "en", "es"])
def test_micro_f1_per_language_on_the_test_split(test_scores, lang):
    """Reply findings micro-F1 ≥ 0.85 in each language on the test split."""
    assert test_scores["languages"][lang]["micro"]["f1"] >= 0.85


def test_passive_voice_precision_on_the_test_split(test_scores):
    """passive_voice precision ≥ 0.90 on the test split."""
    assert test_scores["overall"]["per_label"]["passive_voice"]["precision"] >= 0.90


def test_dataset_covers_every_rule_in_every_language():
    """≥ 10 positives per rule per language across the splits, and plenty of clean replies."""
    rows = [r for split in ("train", "dev", "test") for r in evaluation.read_replies(DATA / f"{split}.jsonl")]
    assert len(rows) >= 400
    for lang in ("ru", "en", "es"):
        mine = [r for r in rows if r["lang"] == lang]
        for rule in evaluation.RULES:
            assert sum(rule in r["labels"] for r in mine) >= 10, (lang, rule)
        assert sum(not r["labels"] for r in mine) >= 40
