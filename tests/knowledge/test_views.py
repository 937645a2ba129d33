"""The public help centre and the staff editing pages."""

import pytest
from django.urls import reverse

from humandesk.demo import personas
from humandesk.knowledge import services
from humandesk.knowledge.models import Article, ArticleStatus


@pytest.fixture
def staff_client(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def test_help_centre_lists_public_published_articles_only(client, kb, anna):
    """Internal SOPs and drafts never appear on the public pages."""
    services.create_article(kb["delivery"].workspace, anna, title="Черновик про скидки", body="", lang="ru")
    page = client.get(reverse("knowledge:help"), {"lang": "ru"}).content.decode()
    assert "Сроки доставки по России" in page and "Возврат товара" in page
    assert "СОП" not in page and "Черновик" not in page


def test_help_centre_speaks_the_readers_language(client, kb):
    """?lang=en shows the English articles; Accept-Language works without it."""
    page = client.get(reverse("knowledge:help"), {"lang": "en"}).content.decode()
    assert "Returns" in page and "Сроки доставки" not in page
    page = client.get(reverse("knowledge:help"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert "Returns" in page


def test_help_centre_search(client, kb):
    """?q= shows matching public articles, never internal ones."""
    page = client.get(reverse("knowledge:help"), {"q": "дотавка", "lang": "ru"}).content.decode()
    assert "Сроки доставки по России" in page
    page = client.get(reverse("knowledge:help"), {"q": "лимит компенсации оператора"}).content.decode()
    assert "СОП" not in page


@pytest.mark.parametrize("query", ['"', "NEAR *", "-:", "", "x" * 10_000, "<script>alert(1)</script>"])
def test_help_centre_search_survives_any_query(client, kb, query):
    """Odd queries render a page, with the query escaped."""
    response = client.get(reverse("knowledge:help"), {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_article_page_renders_sanitized_html(client, kb, olga):
    """Markdown shows as HTML; injected script does not run."""
    article = kb["returns"]
    services.update_article(article, olga, title=article.title, lang="ru", visibility="public",
                            body="**30 дней**\n\n<script>alert(1)</script>", tags=[], category="")
    page = client.get(reverse("knowledge:article", args=[article.pk])).content.decode()
    assert "<strong>30 дней</strong>" in page and "<script>alert(1)" not in page


def test_a_broken_body_never_breaks_the_page(client, kb):
    """Unbalanced markup or stale HTML still renders."""
    Article.objects.filter(pk=kb["delivery"].pk).update(
        body_markdown="<div><table><tr><td>**[x](", body_html="")
    assert client.get(reverse("knowledge:article", args=[kb["delivery"].pk])).status_code == 200
    assert client.get(reverse("knowledge:help")).status_code == 200


def test_internal_draft_and_foreign_articles_are_404(client, kb, other_workspace):
    """The public article page serves only the help centre's own public, published articles."""
    foreign = services.import_articles(other_workspace["workspace"], [
        {"id": "x", "lang": "ru", "title": "Чужая статья", "body": "", "visibility": "public"}])[0]
    Article.objects.filter(pk=kb["returns"].pk).update(status=ArticleStatus.DRAFT)
    for article_id in (kb["sop-compensation"].pk, kb["returns"].pk, foreign.pk, 999_999):
        assert client.get(reverse("knowledge:article", args=[article_id])).status_code == 404
    other = client.get(reverse("knowledge:article", args=[foreign.pk]), {"ws": "other"})
    assert other.status_code == 200
    assert client.get(reverse("knowledge:help"), {"ws": "no-such"}).status_code == 404


def test_manage_pages_need_login(client, kb):
    """Anonymous visitors are sent to log in."""
    for name, args in (("knowledge:manage", []), ("knowledge:manage_edit", [kb["returns"].pk])):
        assert client.get(reverse(name, args=args)).status_code == 302


def test_agent_writes_and_edits_a_draft(staff_client, anna):
    """An agent creates a draft and edits it; each save is a revision."""
    client = staff_client(anna)
    data = {"title": "Как сушить спальник", "body": "Сушите **в тени**.", "category": "Снаряжение",
            "lang": "ru", "tags": "спальник, уход", "visibility": "public"}
    response = client.post(reverse("knowledge:manage_create"), data)
    article = Article.objects.get(title="Как сушить спальник")
    assert response.status_code == 302 and article.status == ArticleStatus.DRAFT
    assert article.tags == ["спальник", "уход"] and article.author == anna
    client.post(reverse("knowledge:manage_edit", args=[article.pk]), {**data, "title": "Как сушить пуховый спальник"})
    page = client.get(reverse("knowledge:manage_revisions", args=[article.pk])).content.decode()
    assert "Как сушить спальник" in page and "Как сушить пуховый спальник" in page
    assert "Как сушить пуховый спальник" in client.get(reverse("knowledge:manage")).content.decode()


def test_preview_returns_sanitized_html(staff_client, anna):
    """The HTMX preview renders Markdown without scripts."""
    response = staff_client(anna).post(reverse("knowledge:manage_preview"), {"body": "# Заголовок\n<script>x</script>"})
    html = response.content.decode()
    assert "Заголовок" in html and "<script" not in html


def test_only_leads_publish(staff_client, anna, olga):
    """An agent gets 403 on publish; the lead publishes and unpublishes."""
    article = services.create_article(anna.workspace, anna, title="Прокат байдарок", body="", lang="ru")
    url = reverse("knowledge:manage_publish", args=[article.pk])
    assert staff_client(anna).post(url).status_code == 403
    assert staff_client(olga).post(url).status_code == 302
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    staff_client(olga).post(url, {"action": "unpublish"})
    article.refresh_from_db()
    assert article.status == ArticleStatus.DRAFT


def test_other_workspaces_article_is_404_for_staff(staff_client, other_workspace, kb):
    """Staff of another workspace cannot open, edit or publish our articles."""
    client = staff_client(other_workspace["user"])
    article = kb["returns"]
    for name in ("knowledge:manage_edit", "knowledge:manage_revisions"):
        assert client.get(reverse(name, args=[article.pk])).status_code == 404
    assert client.post(reverse("knowledge:manage_publish", args=[article.pk])).status_code == 404
    assert personas.WORKSPACE_SLUG  # the fixture workspace is the demo one
