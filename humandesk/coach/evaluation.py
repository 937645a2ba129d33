"""Score the reply checker against labelled replies (the contract's replies JSONL format)."""

import json
from pathlib import Path

from humandesk.coach.engine import RULES, CoachInputError, Context, check_reply


class BadReplies(ValueError):
    """A replies file that cannot be read, with the line at fault."""


def context_of(row: dict, glossary=None) -> Context:
    ctx = row.get("context") or {}
    if not isinstance(ctx, dict):
        raise BadReplies("context must be an object")
    return Context(
        lang=row.get("lang"), first_message=bool(ctx.get("first_message")), our_fault=bool(ctx.get("our_fault")),
        customer_name=str(ctx.get("customer_name") or ""), customer_message=str(ctx.get("customer_message") or ""),
        glossary=glossary,
    )


def parse_row(line: str, number: int) -> dict:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadReplies(f"line {number}: not JSON ({exc.msg})") from exc
    if not isinstance(row, dict) or not isinstance(row.get("reply"), str):
        raise BadReplies(f"line {number}: expected an object with a string \"reply\"")
    labels = row.get("labels", [])
    if not isinstance(labels, list) or not set(labels) <= set(RULES):
        raise BadReplies(f"line {number}: labels must be a list of rule ids")
    return row


def read_replies(path: str | Path) -> list[dict]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise BadReplies(f"cannot read {path}: {exc}") from exc
    return [parse_row(line, n) for n, line in enumerate(lines, start=1) if line.strip()]


def predict(row: dict) -> set[str]:
    try:
        return set(check_reply(row["reply"], context_of(row)).rules)
    except CoachInputError:
        return set()


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "tp": tp, "fp": fp, "fn": fn, "support": tp + fn}


def _scores(pairs: list[tuple[set, set]]) -> dict:
    per_label, totals = {}, [0, 0, 0]
    for rule in RULES:
        tp = sum(1 for gold, pred in pairs if rule in gold and rule in pred)
        fp = sum(1 for gold, pred in pairs if rule not in gold and rule in pred)
        fn = sum(1 for gold, pred in pairs if rule in gold and rule not in pred)
        if tp + fp + fn:
            per_label[rule] = _prf(tp, fp, fn)
            totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
    macro = sum(s["f1"] for s in per_label.values()) / len(per_label) if per_label else 0.0
    exact = sum(1 for gold, pred in pairs if gold == pred) / len(pairs) if pairs else 0.0
    return {"replies": len(pairs), "micro": _prf(*totals), "macro_f1": round(macro, 3),
            "exact_match": round(exact, 3), "per_label": per_label}


def evaluate(rows: list[dict]) -> dict:
    """Per-label precision/recall/F1 with micro and macro averages, overall and per language."""
    pairs = [(set(row.get("labels", [])), predict(row)) for row in rows]
    result = {"overall": _scores(pairs), "languages": {}, "errors": []}
    for lang in sorted({row.get("lang") or "?" for row in rows}):
        subset = [p for p, row in zip(pairs, rows, strict=True) if (row.get("lang") or "?") == lang]
        result["languages"][lang] = _scores(subset)
    for (gold, pred), row in zip(pairs, rows, strict=True):
        if gold != pred:
            result["errors"].append({"id": row.get("id"), "missed": sorted(gold - pred), "extra": sorted(pred - gold)})
    return result


def format_table(result: dict) -> str:
    """A readable report: one block per language, then overall."""
    lines = []
    blocks = [*result["languages"].items(), ("all", result["overall"])]
    for name, scores in blocks:
        micro = scores["micro"]
        lines.append(f"== {name}: {scores['replies']} replies, micro P {micro['precision']:.3f} "
                     f"R {micro['recall']:.3f} F1 {micro['f1']:.3f}, macro F1 {scores['macro_f1']:.3f}")
        lines.append(f"   {'rule':<18} {'P':>6} {'R':>6} {'F1':>6} {'support':>8}")
        for rule, s in scores["per_label"].items():
            lines.append(f"   {rule:<18} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {s['support']:>8}")
    return "\n".join(lines) + "\n"
