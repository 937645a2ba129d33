"""Keeps the search index in step with published articles (both backends, vectors, vocabulary)."""

import uuid

from django.db import transaction

from humandesk.knowledge.models import Article, ArticleIndex, ArticleStatus, IndexState, SearchTerm
from humandesk.knowledge.search import semantic
from humandesk.knowledge.search.backends import keyword_engine
from humandesk.knowledge.search.documents import prepare

BATCH = 256


def touch(workspace_id: int) -> None:
    """Mark the workspace's index as changed so every process reloads its snapshot."""
    IndexState.objects.update_or_create(workspace_id=workspace_id, defaults={"token": uuid.uuid4().hex})


def reindex_articles(articles: list[Article]) -> None:
    """Index published articles and drop the others from the index."""
    if not articles:
        return
    engine = keyword_engine()
    with transaction.atomic():
        for start in range(0, len(articles), BATCH):
            _index_batch(articles[start : start + BATCH], engine)
        for workspace_id in {a.workspace_id for a in articles}:
            touch(workspace_id)


def _index_batch(articles: list[Article], engine) -> None:
    ids = [a.pk for a in articles]
    ArticleIndex.objects.filter(article_id__in=ids).delete()
    engine.delete_documents(ids)
    docs = [prepare(a) for a in articles if a.status == ArticleStatus.PUBLISHED]
    if not docs:
        return
    vectors = semantic.article_vectors([d.passages for d in docs])
    rows = []
    for d, vector in zip(docs, vectors, strict=True):
        rows.append(ArticleIndex(
            article_id=d.article_id, workspace_id=d.workspace_id, lang=d.lang, is_public=d.is_public,
            title_terms=d.title_terms, tag_terms=d.tag_terms, body_terms=d.body_terms,
            vectors=semantic.to_bytes(vector[None, :]),
        ))
    ArticleIndex.objects.bulk_create(rows)
    engine.write_documents(docs)
    terms = {(d.workspace_id, w) for d in docs for w in d.words}
    SearchTerm.objects.bulk_create(
        [SearchTerm(workspace_id=ws, word=w) for ws, w in sorted(terms)], ignore_conflicts=True, batch_size=2000
    )


def reindex_article_by_id(article_id: int) -> None:
    """After-commit hook: re-read the article and index (or unindex) it."""
    article = Article.objects.filter(pk=article_id).first()
    if article is not None:
        reindex_articles([article])


def rebuild_workspace(workspace_id: int) -> int:
    """Drop and rebuild the whole index of a workspace; returns the number of articles seen."""
    with transaction.atomic():
        keyword_engine().delete_workspace(workspace_id)
        ArticleIndex.objects.filter(workspace_id=workspace_id).delete()
        SearchTerm.objects.filter(workspace_id=workspace_id).delete()
        articles = list(Article.objects.filter(workspace_id=workspace_id).order_by("pk"))
        reindex_articles(articles)
        touch(workspace_id)
    return len(articles)
