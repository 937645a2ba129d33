"""Customer-message ingestion through the REST API, against a real server.

    python -m bench.bench_api                    # SQLite
    python -m bench.bench_api --postgres         # SQLite, then PostgreSQL
    python -m bench.bench_api --messages 500     # a smaller run

Each run gets its own data dir (and, on PostgreSQL, a fresh database that is dropped at the
end), runs `humandesk migrate`, `demo --reset`, issues a token with `humandesk api_token`,
starts `humandesk serve` on loopback and posts customer messages from concurrent clients,
each message with its own client_id. Then it re-sends some of them (they must answer 200)
and checks every conversation's message count: nothing lost, nothing stored twice.
"""

import argparse
import http.client
import json
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import setup_env
from tests.browser.server import LiveServer

PG_DATABASE = "humandesk_bench_api"
CONVERSATIONS = 40
RESENDS = 100


def request(method: str, port: int, secret: str, path: str, body=None, conn=None):
    """One JSON call; returns (status, decoded body)."""
    own = conn is None
    conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"}
        conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        response = conn.getresponse()
        return response.status, json.loads(response.read() or b"null")
    finally:
        if own:
            conn.close()


def open_conversations(port: int, secret: str) -> list[int]:
    status, inboxes = request("GET", port, secret, "/api/v1/inboxes")
    inbox = next(i for i in inboxes if i["channel_type"] in {"api", "widget"})
    ids = []
    for n in range(CONVERSATIONS):
        _, contact = request("POST", port, secret, "/api/v1/contacts", {"name": f"Клиент {n}"})
        status, conversation = request("POST", port, secret, "/api/v1/conversations",
                                       {"inbox": inbox["id"], "contact": contact["id"]})
        assert status == 201, conversation
        ids.append(conversation["id"])
    return ids


def client_loop(port: int, secret: str, jobs: list[tuple[int, str]], latencies: list, failures: list):
    """One keep-alive connection posting its share of messages, timing each call."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for conversation_id, client_id in jobs:
        body = {"kind": "customer", "body": f"Где мой заказ? Номер {client_id}", "client_id": client_id}
        started = time.perf_counter()
        status, payload = request("POST", port, secret, f"/api/v1/conversations/{conversation_id}/messages",
                                  body, conn)
        latencies.append((time.perf_counter() - started) * 1000)
        if status != 201:
            failures.append((status, payload))
    conn.close()


def ingest(port: int, secret: str, ids: list[int], count: int, clients: int) -> tuple[float, list, list]:
    jobs = [(ids[n % len(ids)], f"bench-{n}") for n in range(count)]
    latencies: list[float] = []
    failures: list = []
    threads = [threading.Thread(target=client_loop, args=(port, secret, jobs[k::clients], latencies, failures))
               for k in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started, latencies, failures


def check(port: int, secret: str, ids: list[int], count: int) -> str:
    """Resends answer 200 and every message is stored exactly once."""
    for n in range(min(RESENDS, count)):
        body = {"kind": "customer", "body": "повтор", "client_id": f"bench-{n}"}
        status, _ = request("POST", port, secret, f"/api/v1/conversations/{ids[n % len(ids)]}/messages", body)
        if status != 200:
            return f"resend answered {status}"
    stored = sum(request("GET", port, secret, f"/api/v1/conversations/{i}")[1]["message_count"] for i in ids)
    return "ok" if stored == count else f"stored {stored} of {count}"


def run(backend: str, database_url: str | None, count: int, clients: int) -> list:
    data_dir = Path(tempfile.mkdtemp(prefix="humandesk-bench-api-"))
    server = LiveServer(data_dir, database_url)
    try:
        server.start()
        secret = server.manage("api_token", "create", "--user", "anna", "--name", "bench").strip()
        ids = open_conversations(server.port, secret)
        elapsed, latencies, failures = ingest(server.port, secret, ids, count, clients)
        verdict = check(server.port, secret, ids, count) if not failures else f"{len(failures)} failed: {failures[0]}"
    finally:
        server.stop()
        shutil.rmtree(data_dir, ignore_errors=True)
    return [backend, f"{count:,}", clients, f"{count / elapsed:.0f}",
            f"{setup_env.percentile(latencies, 50):.1f} ms", f"{setup_env.percentile(latencies, 99):.1f} ms", verdict]


def postgres_database(action: str) -> str:
    sql = f'DROP DATABASE IF EXISTS "{PG_DATABASE}"' if action == "drop" else f'CREATE DATABASE "{PG_DATABASE}"'
    subprocess.run(["psql", setup_env.PG_ADMIN_URL, "-qc", sql], check=True, capture_output=True)
    return f"postgres://postgres@127.0.0.1:5432/{PG_DATABASE}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="also run on the local PostgreSQL")
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--clients", type=int, default=4)
    args = parser.parse_args(argv)
    count = max(1, min(args.messages, 20_000))  # bounded: this is loopback load, not a stress test
    rows = [run("sqlite", None, count, args.clients)]
    if args.postgres:
        postgres_database("drop")
        url = postgres_database("create")
        try:
            rows.append(run("postgresql", url, count, args.clients))
        finally:
            postgres_database("drop")
    setup_env.print_table(["backend", "messages", "clients", "msg/s", "p50", "p99", "check"], rows)
    return 0 if all(row[-1] == "ok" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
