"""Commands that may run first on a fresh install set the database up themselves."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "humandesk" / "knowledge" / "eval_data"


def test_kb_search_on_a_never_migrated_database_migrates_and_answers(tmp_path):
    queries = tmp_path / "queries.jsonl"
    queries.write_text(json.dumps({"id": "q1", "lang": "ru", "query": "сроки доставки", "relevant": []},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(HUMANDESK_DATA_DIR=str(tmp_path / "data"), DJANGO_SETTINGS_MODULE="humandesk.config.settings")
    done = subprocess.run(
        [sys.executable, "-m", "humandesk.cli", "kb", "search", "--articles", str(DATA / "articles.jsonl"),
         "--queries", str(queries)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "applying" in done.stderr and "migrations first" in done.stderr
    line = json.loads(done.stdout.strip().splitlines()[-1])
    assert line["id"] == "q1" and line["results"]
