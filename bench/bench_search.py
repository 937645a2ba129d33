"""Knowledge search over 10,000 articles: p50/p99 per stage and indexing speed.

    .venv/bin/python -m bench.bench_search              # SQLite, then PostgreSQL if reachable
    .venv/bin/python -m bench.bench_search --postgres   # PostgreSQL only
    .venv/bin/python -m bench.bench_search --sqlite --articles 2000

Each backend runs in a child process with its own fresh database (a temporary SQLite file, or
a PostgreSQL database created and dropped here). Articles are synthetic variations of
humandesk/knowledge/eval_data/articles.jsonl; queries are the evaluation queries. The query
embedding cache is cleared before every query, so the semantic figures include the encoder.
Budget (docs/KNOWLEDGE.md): search p99 <= 20 ms.
"""

import argparse
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "humandesk" / "knowledge" / "eval_data"
PG_ADMIN_URL = os.environ.get("HUMANDESK_BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
BUDGET_MS = 20.0
PRODUCTS = ["Тундра-2", "Тундра-3 Люкс", "Полюс", "Вершина 40", "Кедр", "Alpina", "Nordic", "Sierra", "Taiga", "Ártico"]
PLACES = ["Москва", "Казань", "Пермь", "Томск", "Мурманск", "London", "Leeds", "Madrid", "Sevilla", "Bilbao"]


def synthetic_articles(count: int, seed: int = 7) -> list[dict]:
    """Variations of the evaluation articles: new products, places, numbers, shuffled lines."""
    rng = random.Random(seed)
    base = [json.loads(line) for line in (DATA / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for i in range(count):
        article = base[i % len(base)]
        lines = [line for line in article["body"].split("\n") if line.strip()]
        rng.shuffle(lines)
        product, place = rng.choice(PRODUCTS), rng.choice(PLACES)
        extra = f"{product}: {place}, {rng.randint(2, 90)} — {rng.randint(100, 99999)}."
        out.append({
            **article, "id": f"{article['id']}-{i}", "title": f"{article['title']} ({product}, {place})",
            "body": "\n".join(lines + [extra]), "tags": [*article["tags"], product.lower()],
            "visibility": "internal" if rng.random() < 0.1 else article["visibility"],
        })
    return out


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return ordered[len(ordered) // 2] * 1000, ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000


def run_backend(backend: str, count: int) -> dict:
    """Child process: migrate a fresh database, index, query, return the figures."""
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    figures = index_articles(synthetic_articles(count))
    figures.update(measure_queries(figures.pop("workspace_id")))
    figures.update(backend=backend, articles=count, rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return figures


def index_articles(records: list[dict]) -> dict:
    """Store the articles in one go, then time the indexer (analysis, FTS, vectors, vocabulary)."""
    from humandesk.accounts.models import Workspace
    from humandesk.knowledge.models import Article, ArticleStatus
    from humandesk.knowledge.search import indexer, semantic

    workspace = Workspace.objects.create(name="bench", slug="bench")
    articles = Article.objects.bulk_create([
        Article(workspace=workspace, external_id=r["id"], title=r["title"], body_markdown=r["body"], lang=r["lang"],
                tags=r["tags"], visibility=r["visibility"], status=ArticleStatus.PUBLISHED)
        for r in records
    ], batch_size=1000)
    spent = [0.0]
    encode = semantic.article_vectors

    def timed(groups):
        started = time.perf_counter()
        vectors = encode(groups)
        spent[0] += time.perf_counter() - started
        return vectors

    semantic.article_vectors = timed
    started = time.perf_counter()
    indexer.reindex_articles(articles)
    index_s = time.perf_counter() - started
    semantic.article_vectors = encode
    _analyze()
    return {"index_s": index_s, "embed_s": spent[0], "workspace_id": workspace.pk}


def _analyze() -> None:
    """What autovacuum does on a live PostgreSQL database soon after a bulk import."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def measure_queries(workspace_id: int) -> dict:
    """Time each stage per query: keyword (parse, candidates, scoring), semantic, whole search."""
    import numpy as np

    from humandesk.knowledge.search import backends, hybrid, scoring, semantic
    from humandesk.knowledge.search import query as query_parser
    from humandesk.knowledge.search.snapshot import snapshot_for

    queries = [json.loads(line) for name in ("queries_dev.jsonl", "queries_test.jsonl")
               for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    hybrid.search(workspace_id, "прогрев")  # builds the snapshot once, as a running server has it
    snap = snapshot_for(workspace_id)
    engine = backends.keyword_engine()
    stages: dict[str, list[float]] = {"keyword": [], "semantic": [], "hybrid": []}
    for q in queries:
        operator = q.get("audience") == "operator"
        started = time.perf_counter()
        parsed = query_parser.parse(q["query"], q["lang"], snap, backends.similar_words_source(workspace_id, snap))
        found = engine.candidates(workspace_id, parsed.selective(snap), operator, hybrid.KEYWORD_CANDIDATES)
        scoring.keyword_scores(parsed, snap, found)
        stages["keyword"].append(time.perf_counter() - started)
        semantic.encode_query.cache_clear()
        started = time.perf_counter()
        scores = hybrid._semantic_scores(snap, parsed.semantic_text or " ")
        np.argpartition(-scores, hybrid.SEMANTIC_CANDIDATES)[: hybrid.SEMANTIC_CANDIDATES]
        stages["semantic"].append(time.perf_counter() - started)
        semantic.encode_query.cache_clear()
        started = time.perf_counter()
        hybrid.search(workspace_id, q["query"], lang=q["lang"], audience=q.get("audience", "customer"))
        stages["hybrid"].append(time.perf_counter() - started)
    return {"queries": len(queries), **{name: percentiles(samples) for name, samples in stages.items()}}


def _child(backend: str, count: int) -> dict | None:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    database = None
    with tempfile.TemporaryDirectory(prefix="hd-bench-") as tmp:
        env["HUMANDESK_DATA_DIR"] = tmp
        if backend == "postgres":
            database = f"humandesk_bench_{os.getpid()}"
            _admin(f"CREATE DATABASE {database}")
            env["DATABASE_URL"] = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + database
        try:
            cmd = [sys.executable, "-m", "bench.bench_search", "--child", backend, "--articles", str(count)]
            done = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
        finally:
            if database:
                _admin(f"DROP DATABASE IF EXISTS {database}")
    if done.returncode:
        print(done.stderr[-3000:], file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(sql)


def _postgres_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


def print_table(rows: list[dict]) -> None:
    print(f"{'backend':<9}{'articles':>9}{'index s':>9}{'art/s':>8}{'embed s':>9}"
          f"{'kw p50':>8}{'kw p99':>8}{'sem p50':>8}{'sem p99':>8}{'hyb p50':>8}{'hyb p99':>8}{'RSS MB':>8}")
    for r in rows:
        print(f"{r['backend']:<9}{r['articles']:>9}{r['index_s']:>9.1f}{r['articles'] / r['index_s']:>8.0f}"
              f"{r['embed_s']:>9.1f}{r['keyword'][0]:>8.1f}{r['keyword'][1]:>8.1f}{r['semantic'][0]:>8.1f}"
              f"{r['semantic'][1]:>8.1f}{r['hybrid'][0]:>8.1f}{r['hybrid'][1]:>8.1f}{r['rss_mb']:>8.0f}")
    for r in rows:
        verdict = "holds" if r["hybrid"][1] <= BUDGET_MS else "BREACHED"
        print(f"[{r['backend']}] budget p99 <= {BUDGET_MS:.0f} ms for the whole search: {verdict}"
              f" (keyword {r['keyword'][1]:.1f} ms, semantic incl. query embedding {r['semantic'][1]:.1f} ms;"
              f" {r['queries']} queries; times in ms)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL only")
    parser.add_argument("--sqlite", action="store_true", help="SQLite only")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--child", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(run_backend(args.child, args.articles)))
        return 0
    backends = ["postgres"] if args.postgres else ["sqlite"] if args.sqlite else ["sqlite", "postgres"]
    if "postgres" in backends and not _postgres_reachable():
        print("PostgreSQL not reachable on 127.0.0.1:5432: skipped")
        backends.remove("postgres")
    rows = [row for b in backends if (row := _child(b, args.articles))]
    print_table(rows)
    return 0 if len(rows) == len(backends) else 1


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humandesk.config.settings")
    sys.exit(main(sys.argv[1:]))
