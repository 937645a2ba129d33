"""Reply coach latency: check_reply on 200-, 1,000- and 5,000-character drafts, per language.

    python -m bench.bench_coach              # 300 drafts per size and language
    python -m bench.bench_coach --rounds 50  # quicker

Drafts are stitched from our labelled replies (random sentences, fixed seed), so they carry
the clichés, passives and refusals the rules look for. Budget: p99 ≤ 10 ms at 1,000 characters.
"""

import argparse
import json
import random
import sys
import time
from pathlib import Path

from bench import setup_env

SIZES = (200, 1_000, 5_000)
LANGS = ("ru", "en", "es")
BUDGET_MS = {1_000: 10.0}


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _sentences(lang: str) -> list[str]:
    from humandesk.coach import evaluation

    folder = Path(evaluation.__file__).parent / "eval_data" / "replies"
    replies = [json.loads(line)["reply"] for split in ("train", "dev", "test")
               for line in (folder / f"{split}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in replies if r]
    return [s.strip() + "." for r in rows for s in r.split(".") if len(s.strip()) > 10 and _lang_of(r) == lang]


def _lang_of(text: str) -> str:
    from humandesk.coach.engine.language import detect_language

    return detect_language(text)


def _draft(pool: list[str], size: int, rng: random.Random) -> str:
    parts, length = [], 0
    while length < size:
        sentence = rng.choice(pool)
        parts.append(sentence)
        length += len(sentence) + 1
    return " ".join(parts)[:size]


def _load() -> list[list]:
    rss_before, started = _rss_mb(), time.perf_counter()
    from humandesk.coach.engine import Context, check_reply

    for lang, text in (("ru", "Ваш заказ был отправлен."), ("en", "Your order was shipped."),
                       ("es", "Su pedido fue enviado.")):
        check_reply(text, Context(lang=lang, first_message=True, customer_name="Иван"))
    load_ms = (time.perf_counter() - started) * 1000
    return [["load", "all", "import + morphology + lexicons", f"{load_ms:.0f} ms", "",
             f"+{_rss_mb() - rss_before:.0f} MB RSS", ""]]


def _measure(lang: str, size: int, rounds: int, rng: random.Random) -> list:
    from humandesk.coach.engine import Context, check_reply

    pool = _sentences(lang)
    context = Context(lang=lang, first_message=True, our_fault=True, customer_name="Иван",
                      customer_message="Палатка пришла с порванным чехлом.")
    samples, findings = [], 0
    for _ in range(rounds):
        draft = _draft(pool, size, rng)
        started = time.perf_counter()
        report = check_reply(draft, context)
        samples.append((time.perf_counter() - started) * 1000)
        findings += len(report.findings)
    budget = BUDGET_MS.get(size)
    p99 = setup_env.percentile(samples, 99)
    verdict = "" if budget is None else ("ok" if p99 <= budget else "OVER")
    return [f"{size:,} chars", lang, f"{findings / rounds:.1f} findings/draft",
            f"{setup_env.percentile(samples, 50):.2f} ms", f"{p99:.2f} ms",
            f"≤ {budget:.0f} ms" if budget else "", verdict]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_coach")
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args(argv)
    rng = random.Random(20260)
    rows = _load()
    for size in SIZES:
        for lang in LANGS:
            rows.append(_measure(lang, size, args.rounds, rng))
    rows.append(["total", "", "", "", "", f"RSS {_rss_mb():.0f} MB", ""])
    setup_env.print_table(["draft", "lang", "what", "p50", "p99", "budget / memory", ""], rows)
    return 1 if any(row[-1] == "OVER" for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
