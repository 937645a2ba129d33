"""The answer/hand-over decision: the shipped model, its evidence, and how it is trained."""

import json

import numpy as np
import pytest

from humandesk.knowledge.search import answering, answering_training
from tests.knowledge.conftest import ARTICLES
from tests.knowledge.test_commands import QUERIES, _run, _write


def test_shipped_model_reads_every_feature_the_search_computes():
    model = answering.model()
    assert model.features == answering.FEATURES
    assert model.coef.shape == model.mean.shape == model.scale.shape == (len(answering.FEATURES),)
    assert 0.2 <= model.threshold <= 0.8


def test_unknown_words_that_carry_the_question_push_towards_handing_over():
    """Same top score; the question whose unknown words add nothing the article covers (a
    near miss) is less likely answered than one whose words are all known."""
    model = answering.model()
    clear = {"score": 0.6, "keyword": 0.8, "unknown": 0.0, "title": 0.5, "length": np.log1p(3),
             "keyword_unknown": 0.0, "best_semantic": 0.5, "same_language": 1.0, "known_coverage": 0.8, "drop": 0.0}
    near_miss = {**clear, "keyword": 0.3, "unknown": 0.7, "keyword_unknown": 0.21, "known_coverage": 1.0, "drop": -0.1}
    assert model.p_no_answer(clear) < model.threshold <= model.p_no_answer(near_miss)


def test_evidence_of_a_search_names_every_feature(kb, find):
    find("сроки доставки дроном")
    assert set(find.last.evidence) == set(answering.FEATURES)
    assert find.last.evidence["unknown"] > 0 and find.last.evidence["same_language"] == 1.0
    find("сроки доставки")
    assert find.last.evidence["unknown"] == 0 and find.last.evidence["drop"] == 0


def test_fit_separates_labelled_rows_and_picks_a_threshold():
    rng = np.random.default_rng(1)
    answerable = rng.normal(0.6, 0.05, size=(40, len(answering.FEATURES)))
    no_answer = rng.normal(0.3, 0.05, size=(40, len(answering.FEATURES)))
    x, y = np.vstack([answerable, no_answer]), np.array([0] * 40 + [1] * 40)
    fitted = answering_training.fit(x, y)
    assert answering_training.f1(y, fitted.hands_over(x)) == 1.0
    one = dict(zip(answering.FEATURES, x[-1], strict=True))
    assert (fitted.p_no_answer(one) >= fitted.threshold) == fitted.hands_over(x[-1:])[0]
    assert answering_training.cross_validated_f1(x, y) >= 0.95


def test_train_abstention_command_writes_a_loadable_model(db, tmp_path):
    out = tmp_path / "abstention.json"
    articles = _write(tmp_path / "articles.jsonl", ARTICLES)
    queries = _write(tmp_path / "queries.jsonl", QUERIES * 3)
    text = _run("train-abstention", "--articles", articles, "--queries", queries, "--out", str(out))
    assert "cross-validated" in text and str(out) in text
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["features"] == list(answering.FEATURES)
    assert answering.model(out).threshold == data["threshold"]


def test_train_abstention_needs_both_kinds_of_queries(db, tmp_path):
    from django.core.management import CommandError

    articles = _write(tmp_path / "articles.jsonl", ARTICLES)
    queries = _write(tmp_path / "queries.jsonl", [q for q in QUERIES if q["relevant"]])
    with pytest.raises(CommandError, match="both"):
        _run("train-abstention", "--articles", articles, "--queries", queries, "--out", str(tmp_path / "m.json"))
