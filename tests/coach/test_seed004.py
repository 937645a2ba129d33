"""Regression on the seed article's own rewrites: every "before" is flagged, every "after" is clean."""

import json
from pathlib import Path

import pytest

from humandesk.coach.engine import Context, check_reply

PAIRS = json.loads((Path(__file__).parent / "seed004_pairs.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("pair", PAIRS["pairs"], ids=[p["id"] for p in PAIRS["pairs"]])
def test_before_is_flagged(pair):
    """The article's "before" version gets at least one finding."""
    assert check_reply(pair["before"], Context(lang="ru", **pair["context"])).findings


@pytest.mark.parametrize("pair", PAIRS["pairs"], ids=[p["id"] for p in PAIRS["pairs"]])
def test_after_is_clean(pair):
    """The article's "after" version gets no finding at all."""
    report = check_reply(pair["after"], Context(lang="ru", **pair["context"]))
    assert [(f.rule, f.text) for f in report.findings] == []


@pytest.mark.parametrize("item", PAIRS["before_only"], ids=[p["id"] for p in PAIRS["before_only"]])
def test_dry_answers_are_flagged(item):
    """The article's examples of a too-dry answer are flagged."""
    assert check_reply(item["text"], Context(lang="ru", **item["context"])).findings
