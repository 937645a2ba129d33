"""Run the database tests a second time on PostgreSQL (and Redis) when they are reachable.

`make test` calls this after the SQLite run. Tests marked `postgres` run only here; the
packages listed in PG_SUITES run on both backends because their behaviour can differ.
"""

import os
import socket
import subprocess
import sys

PG_URL = os.environ.get("HUMANDESK_TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("HUMANDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
PG_SUITES = ["tests/conversations", "tests/api", "tests/realtime", "tests/knowledge", "tests/ui"]


def reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def main() -> int:
    if not reachable("127.0.0.1", 5432):
        print("PostgreSQL not reachable on 127.0.0.1:5432: PostgreSQL suite skipped")
        return 0
    env = dict(os.environ, DATABASE_URL=PG_URL)
    if reachable("127.0.0.1", 6379):
        env["REDIS_URL"] = REDIS_URL
    suites = [s for s in PG_SUITES if os.path.isdir(s)]
    cmd = [sys.executable, "-m", "pytest", "-m", "not browser", *suites]
    print("PostgreSQL run:", " ".join(cmd[3:]))
    code = subprocess.call(cmd, env=env)
    return 0 if code == 5 else code  # 5 = nothing collected


if __name__ == "__main__":
    sys.exit(main())
