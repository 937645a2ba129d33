"""A real humandesk server for browser tests: its own data dir, migrated, demo loaded.

Black-box on purpose: the browser talks to `humandesk serve` over HTTP and WebSocket exactly
as a customer's browser would, and the tests read state back through the same interfaces.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent / "humandesk"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """Also used by `bench/bench_api.py`: one way to run a throw-away humandesk server."""

    def __init__(self, data_dir: Path, database_url: str | None = None):
        self.data_dir = data_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
        self.env.update(HUMANDESK_DATA_DIR=str(data_dir), HUMANDESK_SECRET_KEY="browser-tests")
        if database_url:
            self.env["DATABASE_URL"] = database_url
        self.process: subprocess.Popen | None = None

    def manage(self, *args: str) -> str:
        done = subprocess.run([str(BIN), *args], env=self.env, capture_output=True, text=True, timeout=600)
        if done.returncode:
            raise RuntimeError(f"humandesk {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def start(self) -> "LiveServer":
        self.manage("migrate", "--noinput")
        self.manage("demo", "--reset")
        log = open(self.data_dir / "server.log", "w")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen(
            [str(BIN), "serve", "--port", str(self.port), "--quiet"], env=self.env, stdout=log, stderr=log,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/login/", timeout=1)  # noqa: S310 - local test server
                return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        raise RuntimeError("server did not start:\n" + (self.data_dir / "server.log").read_text())

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
