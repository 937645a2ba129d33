"""Picks the keyword engine for the database in use: FTS5 on SQLite, full text on PostgreSQL."""

from types import ModuleType

from django.db import connection

from humandesk.knowledge.search import fuzzy, keyword_postgres, keyword_sqlite


def keyword_engine() -> ModuleType:
    return keyword_postgres if connection.vendor == "postgresql" else keyword_sqlite


def similar_words_source(workspace_id: int, snap):
    """A function [unknown words] -> {word: candidate vocabulary words}, for typo correction."""
    if connection.vendor == "postgresql":
        return lambda words: keyword_postgres.similar_words(workspace_id, words)
    return lambda words: fuzzy.words_near_in_memory(snap, words)
