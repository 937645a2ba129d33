"""Article life cycle: drafts, revisions with author and time, lead-only publishing."""

import pytest

from humandesk.knowledge import services
from humandesk.knowledge.models import ArticleStatus

FIELDS = {"title": "Уход за палаткой", "body": "Сушите палатку после похода.", "lang": "ru",
          "visibility": "public", "tags": ["палатка"], "category": "Снаряжение"}


def test_every_save_is_a_revision_with_author_and_time(anna):
    """Create and edit write revisions, newest first, each with its author."""
    article = services.create_article(anna.workspace, anna, **FIELDS)
    services.update_article(article, anna, **{**FIELDS, "title": "Уход за палаткой и тентом"})
    revisions = list(article.revisions.all())
    assert [r.title for r in revisions] == ["Уход за палаткой и тентом", "Уход за палаткой"]
    assert all(r.author == anna and r.created_at is not None for r in revisions)
    assert article.status == ArticleStatus.DRAFT


def test_markdown_is_rendered_and_sanitized(anna):
    """Markdown becomes HTML; scripts and event handlers never survive."""
    body = "**Важно**\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[ссылка](javascript:alert(1))"
    article = services.create_article(anna.workspace, anna, **{**FIELDS, "body": body})
    assert "<strong>Важно</strong>" in article.body_html
    assert "<script" not in article.body_html and "onerror" not in article.body_html
    assert "javascript:" not in article.body_html


def test_only_a_lead_publishes(anna, olga):
    """An agent cannot publish; a lead can."""
    article = services.create_article(anna.workspace, anna, **FIELDS)
    with pytest.raises(services.ArticleError) as error:
        services.publish_article(article, anna)
    assert error.value.code == "forbidden"
    services.publish_article(article, olga)
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED and article.published_at is not None
    assert article.revisions.first().note == "published"


@pytest.mark.parametrize(("change", "code"), [
    ({"title": "   "}, "empty"), ({"lang": "de"}, "invalid"), ({"visibility": "secret"}, "invalid"),
    ({"body": "x" * (services.MAX_BODY_CHARS + 1)}, "too_long"),
])
def test_bad_fields_are_refused_with_a_code(anna, change, code):
    """Invalid input is a clear ArticleError, nothing is saved."""
    with pytest.raises(services.ArticleError) as error:
        services.create_article(anna.workspace, anna, **{**FIELDS, **change})
    assert error.value.code == code
    assert not anna.workspace.kb_articles.exists()
