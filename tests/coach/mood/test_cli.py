"""The mood subcommands of `humandesk coach`, called through their run() functions."""

import argparse
import io
import json
from pathlib import Path

import pytest

from humandesk.coach.mood import model
from humandesk.coach.mood.cli import SUBCOMMANDS
from humandesk.coach.mood.dataset import DATA_DIR, read_split


def _run(name: str, argv: list[str], stdin: str | None = None) -> tuple[int, str]:
    configure, run = SUBCOMMANDS[name]
    parser = argparse.ArgumentParser()
    configure(parser)
    options = vars(parser.parse_args(argv))
    if stdin is not None:
        options["stdin"] = io.StringIO(stdin)
    out = io.StringIO()
    return run(options, out), out.getvalue()


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_analyze_reads_stdin_and_prints_mood_json():
    """Without --jsonl, analyze prints the Mood of stdin as JSON, non-ASCII kept readable."""
    code, out = _run("analyze", [], stdin="Позовите оператора, пожалуйста")
    assert code == 0
    data = json.loads(out)
    assert data["situation"] == "human_request" and data["lang"] == "ru"
    assert "Передайте" in out  # Russian playbook steps are not \u-escaped


def test_analyze_empty_stdin_reports_an_error():
    code, out = _run("analyze", [], stdin="  ")
    assert code == 2 and json.loads(out)["error"] == "empty"


def test_analyze_jsonl_writes_one_line_per_message(tmp_path):
    """--jsonl writes {id, emotion, situation, confidence} per message; bad lines become errors."""
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "lang": "en", "text": "human please"}) + "\n"
        + json.dumps({"id": "b", "lang": "ru", "text": ""}) + "\n" + "not json\n", encoding="utf-8",
    )
    code, out = _run("analyze", ["--jsonl", str(source)])
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert set(lines[0]) == {"id", "emotion", "situation", "confidence"}
    assert lines[0]["situation"] == "human_request"
    assert lines[1]["error"] == "empty" and lines[2]["line"] == 3


def test_eval_messages_prints_scores_per_language(tmp_path):
    """eval-messages gives per-label P/R/F1 and micro/macro, overall and per language."""
    rows = [
        {"id": "1", "lang": "ru", "channel": "widget", "text": "Позовите оператора", "emotion": "neutral", "situation": "human_request"},
        {"id": "2", "lang": "en", "channel": "email", "text": "human please", "emotion": "neutral", "situation": "human_request"},
        {"id": "3", "lang": "en", "channel": "email", "text": "you morons", "emotion": "aggression", "situation": "trolling"},
    ]
    path = _write(tmp_path / "m.jsonl", rows)
    code, table = _run("eval-messages", [str(path)])
    assert code == 0 and "[ru] situation" in table and "macro avg" in table
    code, out = _run("eval-messages", [str(path), "--json"])
    report = json.loads(out)
    assert set(report) == {"all", "en", "ru"}
    assert report["all"]["situation"]["labels"]["human_request"]["recall"] == 1.0
    assert report["all"]["emotion"]["micro"]["f1"] <= 1.0


def test_eval_messages_rejects_a_bad_file(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "1", "lang": "ru", "text": "x", "emotion": "sad", "situation": "idea"}\n')
    code, out = _run("eval-messages", [str(path)])
    assert code == 2 and "unknown emotion" in out


@pytest.fixture
def small_data(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for split, keep in (("train", 4), ("dev", 1)):
        rows = read_split(DATA_DIR, split)
        picked = [r for i, r in enumerate(rows) if i % keep == 0] if keep > 1 else rows[:40]
        _write(data / f"{split}.jsonl", picked)
    return data


def test_train_mood_writes_a_model_that_loads(small_data, tmp_path):
    """train-mood fits on train(+dev), prints dev scores and writes a loadable model."""
    out_dir = tmp_path / "model"
    code, out = _run("train-mood", ["--data", str(small_data), "--out", str(out_dir)])
    assert code == 0 and "dev emotion: macro-F1" in out
    trained = model.load(out_dir)
    assert trained.info["trained_on"] == ["train", "dev"]
    assert (out_dir / model.MODEL_FILE).stat().st_size > 10_000
