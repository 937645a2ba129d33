"""Point Django at a throw-away database for a benchmark, before django.setup()."""

import os
import subprocess
import tempfile

PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"


def use_temp_sqlite() -> str:
    data_dir = tempfile.mkdtemp(prefix="humandesk-bench-")
    os.environ["HUMANDESK_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humandesk.config.settings")
    return data_dir


def use_fresh_postgres(name: str) -> str:
    """Drop and create database `name` on the local server; return its URL."""
    for sql in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
        subprocess.run(["psql", PG_ADMIN_URL, "-qc", sql], check=True, capture_output=True)
    url = f"postgres://postgres@127.0.0.1:5432/{name}"
    os.environ["DATABASE_URL"] = url
    os.environ["HUMANDESK_DATA_DIR"] = tempfile.mkdtemp(prefix="humandesk-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humandesk.config.settings")
    return url


def percentile(samples: list[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def print_table(headers: list[str], rows: list[list]) -> None:
    widths = [max(len(str(h)), *(len(str(r[i])) for r in rows)) for i, h in enumerate(headers)]
    line = " | ".join(str(h).ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
