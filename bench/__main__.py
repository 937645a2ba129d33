"""`python -m bench` (or `make bench`): run every benchmark, each printing its own table."""

import importlib
import sys
import time

BENCHMARKS = ["bench_coach", "bench_mood", "bench_search", "bench_bot", "bench_api", "bench_chat", "bench_inbox"]


def main(argv: list[str]) -> int:
    wanted = argv or BENCHMARKS
    failed = []
    for name in wanted:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError:
            print(f"[{name}] not present, skipped")
            continue
        print(f"\n=== {name} ===")
        started = time.perf_counter()
        code = module.main([])
        print(f"[{name}] finished in {time.perf_counter() - started:.1f} s")
        if code:
            failed.append(name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
