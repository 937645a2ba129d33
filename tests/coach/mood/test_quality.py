"""The shipped model on our own held-out test split: a floor that catches regressions."""

import io

from humandesk.coach.mood.cli import SUBCOMMANDS
from humandesk.coach.mood.dataset import DATA_DIR

# Measured figures are in docs/MOOD.md; these floors sit a little under them.
EMOTION_FLOOR = 0.84
SITUATION_FLOOR = 0.85


def test_test_split_scores_stay_above_the_floor():
    import json

    out = io.StringIO()
    SUBCOMMANDS["eval-messages"][1]({"file": str(DATA_DIR / "test.jsonl"), "json": True}, out)
    report = json.loads(out.getvalue())["all"]
    assert report["emotion"]["macro"]["f1"] >= EMOTION_FLOOR
    assert report["situation"]["macro"]["f1"] >= SITUATION_FLOOR
