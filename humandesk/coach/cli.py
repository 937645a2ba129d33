"""Subcommands of `humandesk coach` for reply checks: `check` and `eval-replies`.

Each entry is (configure(subparser), run(options, stdout) -> exit code), the same shape the
mood reader uses, so the management command registers both the same way.
"""

import json
import sys
from pathlib import Path

from humandesk.coach import evaluation
from humandesk.coach.engine import LANGUAGES, CoachInputError, Context, check_reply


def configure_check(parser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the draft (default: detect)")
    parser.add_argument("--first", action="store_true", help="the first reply in the conversation")
    parser.add_argument("--our-fault", action="store_true", dest="our_fault", help="the company is at fault")
    parser.add_argument("--name", default="", help="the customer's first name")
    parser.add_argument("--customer-message", default="", dest="customer_message",
                        help="the customer's last message")
    parser.add_argument("--ui-lang", choices=LANGUAGES, dest="ui_lang", help="language of the explanations")
    parser.add_argument("--jsonl", metavar="FILE", help="replies file (contract format); one JSON line out per line")
    parser.add_argument("--out", metavar="FILE", help="with --jsonl: write the lines here instead of stdout")


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False)


def run_check(options: dict, stdout) -> int:
    """Without --jsonl: read one draft from stdin and print its report as JSON."""
    if options.get("jsonl"):
        return _check_file(Path(options["jsonl"]), options.get("out"), stdout, options.get("ui_lang"))
    source = options.get("stdin") or sys.stdin
    context = Context(lang=options.get("lang"), first_message=bool(options.get("first")),
                      our_fault=bool(options.get("our_fault")), customer_name=options.get("name") or "",
                      customer_message=options.get("customer_message") or "", ui_lang=options.get("ui_lang"))
    try:
        report = check_reply(source.read(), context)
    except CoachInputError as exc:
        stdout.write(_dumps({"error": exc.code, "detail": exc.reason}) + "\n")
        return 2
    stdout.write(_dumps(report.to_dict()) + "\n")
    return 0


def _check_line(line: str, number: int, ui_lang: str | None) -> dict:
    try:
        row = evaluation.parse_row(line, number)
        context = evaluation.context_of(row)
        report = check_reply(row["reply"], Context(**{**context.__dict__, "ui_lang": ui_lang}))
    except (evaluation.BadReplies, CoachInputError) as exc:
        return {"id": None, "line": number, "error": getattr(exc, "code", "invalid"), "detail": str(exc)}
    return {"id": row.get("id"), "rules": report.rules, "findings": [f.to_dict() for f in report.findings]}


def _check_file(path: Path, out: str | None, stdout, ui_lang: str | None) -> int:
    try:
        source = path.open(encoding="utf-8")
    except OSError as exc:
        stdout.write(f"error: cannot read {path}: {exc.strerror}\n")
        return 2
    failures = 0
    sink = open(out, "w", encoding="utf-8") if out else stdout  # noqa: SIM115 — closed below
    try:
        with source:
            for number, line in enumerate(source, start=1):
                if line.strip():
                    result = _check_line(line, number, ui_lang)
                    failures += "error" in result
                    sink.write(_dumps(result) + "\n")
    finally:
        if out:
            sink.close()
    return 1 if failures else 0


def configure_eval(parser) -> None:
    parser.add_argument("file", metavar="FILE.jsonl", help="labelled replies (contract format)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def run_eval(options: dict, stdout) -> int:
    """Score the checker against the labels: per rule, micro and macro, per language."""
    try:
        rows = evaluation.read_replies(options["file"])
    except evaluation.BadReplies as exc:
        stdout.write(f"error: {exc}\n")
        return 2
    result = evaluation.evaluate(rows)
    if options.get("json"):
        stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        stdout.write(evaluation.format_table(result))
    return 0


SUBCOMMANDS = {
    "check": (configure_check, run_check),
    "eval-replies": (configure_eval, run_eval),
}
