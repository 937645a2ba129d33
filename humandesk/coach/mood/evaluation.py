"""Scores for labelled messages: per-label precision/recall/F1, micro and macro averages,
for emotion and situation, overall and per language."""

from humandesk.coach.mood.labels import EMOTIONS, SITUATIONS

TARGETS = {"emotion": EMOTIONS, "situation": SITUATIONS}


def scores(gold: list[str], predicted: list[str], labels: tuple[str, ...]) -> dict:
    """Per-label P/R/F1 with support; macro averages over labels present in gold or predictions."""
    per_label = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        if tp + fp + fn == 0:
            continue
        per_label[label] = {**_prf(tp, fp, fn), "support": tp + fn}
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    micro = correct / len(gold) if gold else 0.0  # single-label: micro P = R = F1 = accuracy
    count = len(per_label) or 1
    macro = {k: sum(v[k] for v in per_label.values()) / count for k in ("precision", "recall", "f1")}
    return {"labels": per_label, "micro": {"precision": micro, "recall": micro, "f1": micro},
            "macro": macro, "count": len(gold)}


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def report(rows: list[dict], predictions: list[dict]) -> dict:
    """Scores for every target, overall ("all") and per language."""
    langs = ["all", *sorted({row["lang"] for row in rows})]
    result = {}
    for lang in langs:
        picked = [(r, p) for r, p in zip(rows, predictions, strict=True) if lang in ("all", r["lang"])]
        result[lang] = {
            target: scores([r[target] for r, _ in picked], [p[target] for _, p in picked], labels)
            for target, labels in TARGETS.items()
        }
    return result


def format_report(result: dict) -> str:
    """A readable table per language and target."""
    lines = []
    for lang, targets in result.items():
        for target, block in targets.items():
            lines.append(f"\n[{lang}] {target}  (n={block['count']})")
            lines.append(f"  {'label':<18} {'prec':>6} {'recall':>6} {'f1':>6} {'n':>4}")
            for label, s in block["labels"].items():
                lines.append(f"  {label:<18} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:4d}")
            for kind in ("micro", "macro"):
                s = block[kind]
                lines.append(f"  {kind + ' avg':<18} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f}")
    return "\n".join(lines).lstrip("\n") + "\n"
