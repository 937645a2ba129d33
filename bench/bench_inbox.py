"""Inbox list and conversation page latency at scale.

    python -m bench.bench_inbox                  # SQLite, 100,000 conversations
    python -m bench.bench_inbox --postgres       # PostgreSQL, 1,000,000 conversations
    python -m bench.bench_inbox --count 20000    # smaller run

Data is generated in bulk straight into the tables (the services would take hours for a
million rows); then pages are rendered through Django's test client as a logged-in agent.
"""

import argparse
import sys
import time

from bench import setup_env
from bench.inbox_data import generate

PAGES = [
    ("inbox: all open", "/?view=all"),
    ("inbox: mine", "/?view=mine"),
    ("inbox: unassigned", "/?view=unassigned"),
    ("inbox: resolved", "/?view=all&status=resolved"),
]


def _time(client, url: str, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return samples


def run(count: int, postgres: bool, rounds: int) -> list[list]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    workspace, agent, conversation_ids = generate(count)
    load_s = time.perf_counter() - started
    client = Client(HTTP_HOST="localhost")
    client.force_login(agent)
    backend = connection.vendor
    rows = [[backend, f"{count:,}", "data load", f"{load_s:.1f} s", "", ""]]
    pages = PAGES + [("conversation page", f"/conversations/{conversation_ids[len(conversation_ids) // 2]}/")]
    for label, url in pages:
        _time(client, url, 3)  # warm caches
        samples = _time(client, url, rounds)
        rows.append([backend, f"{count:,}", label, f"{setup_env.percentile(samples, 50):.1f} ms",
                     f"{setup_env.percentile(samples, 99):.1f} ms", "≤ 100 ms"])
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--count", type=int)
    parser.add_argument("--rounds", type=int, default=100)
    args = parser.parse_args(argv)
    if args.postgres:
        setup_env.use_fresh_postgres("humandesk_bench_inbox")
    else:
        setup_env.use_temp_sqlite()
    count = args.count or (1_000_000 if args.postgres else 100_000)
    rows = run(count, args.postgres, args.rounds)
    setup_env.print_table(["backend", "conversations", "page", "p50", "p99", "budget"], rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
