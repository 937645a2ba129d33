"""Keyword index tables that Django models cannot describe: an FTS5 virtual table on SQLite,
a tsvector table and pg_trgm indexes on PostgreSQL. Each backend creates only its own."""

from django.db import migrations

SQLITE_CREATE = [
    # Documents are stored pre-stemmed (snowball), so the tokenizer only splits on spaces.
    "CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_fts USING fts5("
    "title, tags, body, tokenize = 'unicode61 remove_diacritics 0')",
]
SQLITE_DROP = ["DROP TABLE IF EXISTS knowledge_fts"]
POSTGRES_CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TABLE IF NOT EXISTS knowledge_pgdocument (article_id bigint PRIMARY KEY "
    "REFERENCES knowledge_article(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED, "
    "document tsvector NOT NULL)",
    "CREATE INDEX IF NOT EXISTS knowledge_pgdocument_gin ON knowledge_pgdocument USING gin (document)",
    "CREATE INDEX IF NOT EXISTS knowledge_searchterm_trgm ON knowledge_searchterm USING gin (word gin_trgm_ops)",
]
POSTGRES_DROP = ["DROP TABLE IF EXISTS knowledge_pgdocument", "DROP INDEX IF EXISTS knowledge_searchterm_trgm"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]
    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        )
    ]
