"""Mood reader latency, load time and memory.

    python -m bench.bench_mood             # 2,000 rounds per message size
    python -m bench.bench_mood --rounds 500

Budget (DESIGN.md): a coach check of a 1,000-character draft p99 ≤ 10 ms; the mood reader
runs next to it, so it aims for a few ms.
"""

import argparse
import sys
import time

from bench import setup_env


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _load() -> tuple[list[list], object]:
    rss_before = _rss_mb()
    started = time.perf_counter()
    from humandesk.coach.mood import analyze_message, model, text

    model.load()
    text.morph()
    analyze_message("Где мой заказ?")
    load_ms = (time.perf_counter() - started) * 1000
    rows = [["load (import + model + morphology + first call)", f"{load_ms:.0f} ms", "", "",
             f"+{_rss_mb() - rss_before:.0f} MB RSS (total {_rss_mb():.0f} MB)"]]
    return rows, analyze_message


def _messages() -> dict[str, list[tuple[str, str]]]:
    from humandesk.coach.mood.dataset import DATA_DIR, read_split

    rows = read_split(DATA_DIR, "test")
    short = [(r["text"], r["lang"]) for r in rows]
    long = [((r["text"] + " ") * (1000 // (len(r["text"]) + 1) + 1), r["lang"]) for r in rows[:40]]
    huge = [(r["text"] + " " + "а" * 100_000, r["lang"]) for r in rows[:10]]
    return {"short (test split, ~70 chars)": short, "long (~1,000 chars)": long,
            "huge (100,000 chars, read up to 2,000)": huge}


def run(rounds: int) -> list[list]:
    rows, analyze = _load()
    for label, messages in _messages().items():
        for message, lang in messages:  # warm the lemma cache as production traffic would
            analyze(message, lang)
        samples = []
        for i in range(rounds):
            message, lang = messages[i % len(messages)]
            started = time.perf_counter()
            analyze(message, lang)
            samples.append((time.perf_counter() - started) * 1000)
        rows.append([label, f"{setup_env.percentile(samples, 50):.2f} ms",
                     f"{setup_env.percentile(samples, 99):.2f} ms", "a few ms", f"{rounds} calls"])
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=2000)
    options = parser.parse_args(argv)
    setup_env.print_table(["what", "p50", "p99", "budget", "notes"], run(options.rounds))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
