"""Subcommands of `humandesk coach` for the mood reader: analyze, eval-messages, train-mood.

Each entry is (configure(subparser), run(options, stdout) -> exit code); the `coach`
management command registers them.
"""

import json
import sys
import time
from pathlib import Path

from humandesk.coach.mood import analyze_message, evaluation, training
from humandesk.coach.mood.dataset import BadDataset, read_messages
from humandesk.coach.mood.errors import MoodError


def configure_analyze(parser) -> None:
    parser.add_argument("--jsonl", metavar="FILE", help="messages file; one JSON line out per message")
    parser.add_argument("--lang", choices=["ru", "en", "es"], help="language of stdin text (default: detect)")


def run_analyze(options: dict, stdout) -> int:
    """Without --jsonl: read one message from stdin and print its Mood as JSON."""
    if options.get("jsonl"):
        return _analyze_file(Path(options["jsonl"]), stdout)
    source = options.get("stdin") or sys.stdin
    try:
        mood = analyze_message(source.read(), options.get("lang"))
    except MoodError as exc:
        stdout.write(json.dumps({"error": exc.code, "detail": str(exc)}, ensure_ascii=False) + "\n")
        return 2
    stdout.write(json.dumps(mood.to_dict(), ensure_ascii=False) + "\n")
    return 0


def _analyze_file(path: Path, stdout) -> int:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        stdout.write(f"error: cannot read {path}: {exc.strerror}\n")
        return 2
    failures = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            mood = analyze_message(row["text"], row.get("lang"))
            out = {"id": row.get("id"), "emotion": mood.emotion, "situation": mood.situation,
                   "confidence": round(mood.confidence, 3)}
        except (ValueError, KeyError, TypeError) as exc:
            failures += 1
            out = {"id": row.get("id") if isinstance(row, dict) else None, "line": number,
                   "error": getattr(exc, "code", "invalid"), "detail": str(exc)}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 1 if failures else 0


def configure_eval(parser) -> None:
    parser.add_argument("file", metavar="FILE.jsonl", help="labelled messages (contract format)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def run_eval(options: dict, stdout) -> int:
    """Score analyze_message against a labelled file."""
    try:
        rows = read_messages(options["file"])
    except BadDataset as exc:
        stdout.write(f"error: {exc}\n")
        return 2
    predictions = []
    for row in rows:
        try:
            mood = analyze_message(row["text"], row["lang"])
            predictions.append({"emotion": mood.emotion, "situation": mood.situation or ""})
        except MoodError:
            predictions.append({"emotion": "", "situation": ""})
    result = evaluation.report(rows, predictions)
    if options.get("json"):
        stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        stdout.write(evaluation.format_report(result))
    return 0


def configure_train(parser) -> None:
    parser.add_argument("--data", metavar="DIR", help="folder with train.jsonl and dev.jsonl")
    parser.add_argument("--out", metavar="DIR", help="where to write mood.joblib (default: the package)")


def run_train(options: dict, stdout) -> int:
    """Train on train, print dev scores, refit on train+dev and save."""
    started = time.perf_counter()
    try:
        path, dev_rows, predictions = training.train(options.get("data"), options.get("out"))
    except BadDataset as exc:
        stdout.write(f"error: {exc}\n")
        return 2
    dev = evaluation.report(dev_rows, predictions)["all"]
    stdout.write(f"model written to {path} ({path.stat().st_size / 1024:.0f} KiB) "
                 f"in {time.perf_counter() - started:.1f} s\n")
    for target in ("emotion", "situation"):
        macro, micro = dev[target]["macro"]["f1"], dev[target]["micro"]["f1"]
        stdout.write(f"dev {target}: macro-F1 {macro:.3f}, micro-F1 {micro:.3f} (n={dev[target]['count']})\n")
    return 0


SUBCOMMANDS = {
    "analyze": (configure_analyze, run_analyze),
    "eval-messages": (configure_eval, run_eval),
    "train-mood": (configure_train, run_train),
}
