"""Chat latency with many open chats: customer socket send → staff socket receive.

    python -m bench.bench_chat                  # 500 open chats, 200 + 300 messages
    python -m bench.bench_chat --chats 100      # smaller run

Starts `humandesk serve` on a free loopback port over a throw-away SQLite database, opens
one widget socket per chat (each with its own conversation) plus one staff socket, then
times messages from a customer's socket to the staff socket: first one at a time, then
paced at a steady rate with several in flight (after 20 untimed warm-up messages, so the
burst of opening the chats is not counted). Also reads the server's resident memory.
"""

import argparse
import asyncio
import json
import os
import random
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

from bench import setup_env

BIN = Path(sys.executable).parent / "humandesk"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(chats: int) -> tuple[list[str], str]:
    """Migrate, build the demo workspace (no demo chats), issue visitor tokens and a staff session."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections
    from django.test import Client

    from humandesk.accounts.models import User
    from humandesk.demo import personas
    from humandesk.demo.workspace import build_workspace
    from humandesk.inboxes.adapters import widget
    from humandesk.inboxes.models import Inbox

    call_command("migrate", verbosity=0)
    build_workspace()
    inbox = Inbox.objects.get(public_key=personas.WIDGET_KEY)
    tokens = [widget.issue_token(inbox, uuid.uuid4().hex) for _ in range(chats)]
    client = Client()
    client.force_login(User.objects.get(username="anna"))
    cookie = client.cookies["sessionid"].value
    connections.close_all()
    return tokens, cookie


def start_server(port: int) -> subprocess.Popen:
    log = open(os.environ["HUMANDESK_DATA_DIR"] + "/server.log", "w")  # noqa: SIM115 - lives with the server
    process = subprocess.Popen([str(BIN), "serve", "--port", str(port), "--quiet"], stdout=log, stderr=log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/widget.js", timeout=1)  # noqa: S310 - loopback
            return process
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.2)
    process.kill()
    raise SystemExit("server did not start: see " + log.name)


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Bench:
    def __init__(self, port: int, tokens: list[str], cookie: str):
        self.base = f"ws://127.0.0.1:{port}"
        self.tokens = tokens
        self.cookie = cookie
        self.sent: dict[str, float] = {}
        self.latency: dict[str, float] = {}
        self.arrived: dict[str, asyncio.Future] = {}
        self.customers = []
        self.tasks = []

    async def _read_staff(self, staff) -> None:
        async for raw in staff:
            frame = json.loads(raw)
            client_id = (frame.get("message") or {}).get("client_id")
            if frame.get("kind") == "message_created" and client_id in self.sent:
                self.latency[client_id] = (time.perf_counter() - self.sent[client_id]) * 1000
                future = self.arrived.pop(client_id, None)
                if future and not future.done():
                    future.set_result(None)

    @staticmethod
    async def _drain(customer) -> None:
        async for _ in customer:  # keep reading so the server never blocks on a full socket
            pass

    async def open_all(self) -> None:
        from websockets.asyncio.client import connect

        gate = asyncio.Semaphore(50)

        async def open_one(token: str):
            async with gate:
                customer = await connect(f"{self.base}/ws/widget/?token={token}&after=0", max_size=2**20)
                await customer.recv()  # hello
                # The first message opens the chat's conversation.
                await customer.send(json.dumps({"type": "message", "client_id": uuid.uuid4().hex, "body": "Здравствуйте"}))
                while json.loads(await customer.recv())["type"] != "ack":
                    pass
                return customer

        staff = await connect(f"{self.base}/ws/staff/", additional_headers={"Cookie": f"sessionid={self.cookie}"})
        await staff.recv()  # hello
        self.tasks.append(asyncio.create_task(self._read_staff(staff)))
        self.customers = await asyncio.gather(*(open_one(t) for t in self.tokens))
        self.tasks.extend(asyncio.create_task(self._drain(c)) for c in self.customers)
        self.staff = staff

    async def send(self, body: str) -> asyncio.Future:
        client_id = uuid.uuid4().hex
        future = asyncio.get_running_loop().create_future()
        self.arrived[client_id] = future
        self.sent[client_id] = time.perf_counter()
        await random.choice(self.customers).send(json.dumps({"type": "message", "client_id": client_id, "body": body}))
        return future

    async def one_at_a_time(self, count: int) -> list[float]:
        start = len(self.latency)
        for i in range(count):
            await asyncio.wait_for(await self.send(f"Вопрос номер {i}: где мой заказ?"), 10)
        return list(self.latency.values())[start:]

    async def paced(self, count: int, rate: float) -> list[float]:
        start = len(self.latency)
        futures = []
        for i in range(count):
            futures.append(await self.send(f"Сообщение {i} под нагрузкой"))
            await asyncio.sleep(1 / rate)
        await asyncio.wait_for(asyncio.gather(*futures), 30)
        return list(self.latency.values())[start:]

    async def close(self) -> None:
        for task in self.tasks:
            task.cancel()
        await asyncio.gather(*(c.close() for c in [*self.customers, self.staff]), return_exceptions=True)


def _row(label: str, chats: int, samples: list[float]) -> list:
    return [label, chats, len(samples), f"{setup_env.percentile(samples, 50):.1f} ms",
            f"{setup_env.percentile(samples, 99):.1f} ms", f"{max(samples):.1f} ms", "p99 ≤ 100 ms"]


async def measure(port: int, pid: int, tokens: list[str], cookie: str, sequential: int, paced: int, rate: float):
    bench = Bench(port, tokens, cookie)
    started = time.perf_counter()
    await bench.open_all()
    opened_s = time.perf_counter() - started
    idle_rss = rss_mb(pid)
    await bench.one_at_a_time(20)  # warm-up, not reported
    chats = len(tokens)
    rows = [_row("one at a time", chats, await bench.one_at_a_time(sequential)),
            _row(f"paced {rate:g}/s", chats, await bench.paced(paced, rate))]
    busy_rss = rss_mb(pid)
    await bench.close()
    memory = [["open chats (+ first messages)", f"{opened_s:.1f} s"],
              ["server RSS, chats open", f"{idle_rss:.0f} MB"],
              ["server RSS, after load", f"{busy_rss:.0f} MB (budget ≤ 400 MB)"]]
    return rows, memory


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=500)
    parser.add_argument("--sequential", type=int, default=200)
    parser.add_argument("--paced", type=int, default=300)
    parser.add_argument("--rate", type=float, default=50.0, help="messages per second in the paced phase")
    args = parser.parse_args(argv)
    setup_env.use_temp_sqlite()
    # The server and this process sign the staff session with the same throw-away key.
    os.environ["HUMANDESK_SECRET_KEY"] = secrets.token_urlsafe(32)
    os.environ.pop("REDIS_URL", None)
    tokens, cookie = prepare(args.chats)
    port = _free_port()
    server = start_server(port)
    try:
        rows, memory = asyncio.run(measure(port, server.pid, tokens, cookie, args.sequential, args.paced, args.rate))
    finally:
        server.terminate()
        server.wait(timeout=10)
    setup_env.print_table(["phase", "open chats", "messages", "p50", "p99", "max", "budget"], rows)
    print()
    setup_env.print_table(["measure", "value"], memory)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
