"""`humandesk coach check` and `eval-replies` through the management command."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

REPLIES = [
    {"id": "r1", "lang": "ru", "context": {"first_message": True, "our_fault": False, "customer_name": "Иван",
                                           "customer_message": "Где заказ?"},
     "reply": "Ваш заказ был отправлен вчера.", "labels": ["greeting_missing", "passive_voice"]},
    {"id": "r2", "lang": "en", "context": {"first_message": False, "our_fault": False, "customer_name": "",
                                           "customer_message": ""},
     "reply": "We don't offer discounts.", "labels": ["bare_refusal"]},
    {"id": "r3", "lang": "es", "context": {"first_message": False, "our_fault": False, "customer_name": "",
                                           "customer_message": ""},
     "reply": "Claro, le cambio la dirección ahora mismo.", "labels": []},
]


def run(*args, stdin: str = "") -> str:
    out = io.StringIO()
    call_command("coach", *args, stdout=out, stdin=io.StringIO(stdin))
    return out.getvalue()


def test_check_reads_stdin_and_prints_json():
    """A draft on stdin comes back as a JSON report, Cyrillic kept as is."""
    output = run("check", "--lang", "ru", "--first", "--name", "Иван", stdin="Ваш заказ был отправлен.")
    report = json.loads(output)
    assert report["lang"] == "ru" and set(report["rules"]) == {"greeting_missing", "passive_voice"}
    assert "Здравствуйте, Иван!" in output


def test_check_our_fault_and_customer_message():
    """--our-fault asks for an apology; --customer-message lets the coach see the trouble."""
    report = json.loads(run("check", "--lang", "en", "--our-fault", "--customer-message", "My tent ripped!",
                            stdin="That fabric is usually tough."))
    assert {"apology_missing", "next_step_missing"} <= set(report["rules"])


def test_check_batch_writes_one_line_per_input(tmp_path):
    """--jsonl: one JSON line per input line with the id and the unique rule ids."""
    source = tmp_path / "replies.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in REPLIES) + "\n", encoding="utf-8")
    lines = [json.loads(line) for line in run("check", "--jsonl", str(source)).splitlines()]
    assert [(line["id"], sorted(line["rules"])) for line in lines] == [
        ("r1", ["greeting_missing", "passive_voice"]), ("r2", ["bare_refusal"]), ("r3", [])]


def test_check_batch_to_file_reports_bad_lines(tmp_path):
    """A broken line is reported in place, the rest still checked; --out writes to a file."""
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps(REPLIES[1]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(CommandError):
        run("check", "--jsonl", str(source), "--out", str(out))
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert first["rules"] == ["bare_refusal"] and second["line"] == 2 and "error" in second


def test_eval_replies_json_scores_per_label_and_language(tmp_path):
    """eval-replies --json: micro/macro and per-label scores, overall and per language."""
    source = tmp_path / "replies.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in REPLIES), encoding="utf-8")
    result = json.loads(run("eval-replies", str(source), "--json"))
    assert result["overall"]["micro"]["f1"] == 1.0
    assert set(result["languages"]) == {"ru", "en", "es"}
    assert result["languages"]["en"]["per_label"]["bare_refusal"]["support"] == 1


def test_eval_replies_table_and_missing_file(tmp_path):
    """The default output is a readable table; a missing file is a clear error."""
    source = tmp_path / "replies.jsonl"
    source.write_text(json.dumps(REPLIES[0], ensure_ascii=False), encoding="utf-8")
    assert "micro P" in run("eval-replies", str(source))
    with pytest.raises(CommandError):
        run("eval-replies", str(tmp_path / "missing.jsonl"))


def test_bad_language_is_a_clean_error():
    """An unsupported --lang is refused by the argument parser, not a traceback."""
    with pytest.raises(CommandError):
        run("check", "--lang", "de", stdin="Hallo")
