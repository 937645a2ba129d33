"""Database readiness for commands that may be the first thing run on a fresh install."""

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def pending_migrations() -> int:
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def ensure_migrated(stderr) -> None:
    """Apply pending migrations, saying so: evaluation commands (`kb eval`) are often run right
    after installing, before `make run` ever created the database."""
    pending = pending_migrations()
    if pending:
        stderr.write(f"the database is not set up: applying {pending} migrations first")
        call_command("migrate", verbosity=0, interactive=False)
