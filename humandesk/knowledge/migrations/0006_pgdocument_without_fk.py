"""Drop the foreign key from the PostgreSQL keyword table to articles.

Django's flush (used between transactional tests, and by `flush`) truncates only model
tables, and PostgreSQL refuses to truncate a table another table references. The indexer
already deletes documents with their articles, exactly as for the SQLite FTS table, which
has no foreign key either.
"""

from django.db import migrations

DROP_FK = "ALTER TABLE knowledge_pgdocument DROP CONSTRAINT IF EXISTS knowledge_pgdocument_article_id_fkey"
ADD_FK = (
    "ALTER TABLE knowledge_pgdocument ADD CONSTRAINT knowledge_pgdocument_article_id_fkey "
    "FOREIGN KEY (article_id) REFERENCES knowledge_article(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED"
)


def _on_postgres(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0005_gaps")]
    operations = [migrations.RunPython(_on_postgres(DROP_FK), _on_postgres(ADD_FK))]
