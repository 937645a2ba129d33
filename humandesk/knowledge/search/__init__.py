"""Knowledge search: keyword (FTS5 or PostgreSQL full text), typo correction, synonyms,
sentence embeddings, and a hybrid ranking that knows when it has no answer.

`search(workspace_id, query, lang=..., audience=...)` in `hybrid.py` is the entry point.
"""
