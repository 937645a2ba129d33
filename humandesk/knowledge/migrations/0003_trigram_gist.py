"""Typo candidates are found by trigram distance order (`word <-> query LIMIT n`), which
needs a GiST index; a GIN index only answers threshold matches. PostgreSQL only."""

from django.db import migrations

FORWARD = [
    # btree_gist lets one GiST index hold the workspace id next to the trigrams (both
    # extensions are "trusted": a database owner may create them without superuser).
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    "DROP INDEX IF EXISTS knowledge_searchterm_trgm",
    "CREATE INDEX IF NOT EXISTS knowledge_searchterm_trgm_gist ON knowledge_searchterm "
    "USING gist (workspace_id, word gist_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS knowledge_searchterm_trgm_gist",
    "CREATE INDEX IF NOT EXISTS knowledge_searchterm_trgm ON knowledge_searchterm USING gin (word gin_trgm_ops)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_keyword_index")]
    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
