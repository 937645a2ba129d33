"""Staff pages: list, write and edit articles with a live Markdown preview, revisions, publish."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from humandesk.core.sanitize import sanitize_html
from humandesk.knowledge import access, presentation, services
from humandesk.knowledge.forms import ArticleForm

MAX_PREVIEW_CHARS = services.MAX_BODY_CHARS


@login_required
def article_list(request):
    """Every article of the workspace, drafts included, optionally filtered by title."""
    articles = access.articles_for(request.user).select_related("category", "author")
    query = " ".join(str(request.GET.get("q", "")).split())[:200]
    if query:
        articles = articles.filter(title__icontains=query)
    return render(request, "knowledge/manage_list.html", {"articles": articles.order_by("-updated_at")[:500], "query": query})


def _save(request, form: ArticleForm, article=None):
    try:
        if article is None:
            return services.create_article(request.user.workspace, request.user, **form.article_fields()), None
        return services.update_article(article, request.user, **form.article_fields()), None
    except services.ArticleError as exc:
        return None, exc.reason


@login_required
def article_create(request):
    if request.user.workspace_id is None:
        raise PermissionDenied
    # ?title=&lang= come from "Draft this article" on the missing-articles page.
    lang = request.GET.get("lang") if request.GET.get("lang") in services.LANG_CODES else request.user.language
    initial = {"lang": lang, "visibility": "public", "title": " ".join(str(request.GET.get("title", "")).split())[:255]}
    form = ArticleForm(request.POST or None, initial=initial)
    error = None
    if request.method == "POST" and form.is_valid():
        saved, error = _save(request, form)
        if saved is not None:
            return redirect("knowledge:manage_edit", article_id=saved.pk)
    return render(request, "knowledge/manage_edit.html", {"form": form, "error": error, "article": None})


@login_required
def article_edit(request, article_id: int):
    """Edit an article; every save is a new revision."""
    article = access.get_article_for(request.user, article_id)
    form = ArticleForm(request.POST) if request.method == "POST" else ArticleForm.for_article(article)
    error = None
    if request.method == "POST" and form.is_valid():
        saved, error = _save(request, form, article)
        if saved is not None:
            return redirect("knowledge:manage_edit", article_id=saved.pk)
    context = {"form": form, "error": error, "article": article, "body": presentation.article_html(article)}
    return render(request, "knowledge/manage_edit.html", context)


@login_required
@require_POST
def preview(request):
    """HTMX: the Markdown body rendered exactly as the help centre will show it."""
    html = services.render_markdown(str(request.POST.get("body", ""))[:MAX_PREVIEW_CHARS])
    return render(request, "knowledge/manage_preview.html", {"body": mark_safe(sanitize_html(html))})  # noqa: S308


@login_required
def revisions(request, article_id: int):
    article = access.get_article_for(request.user, article_id)
    history = article.revisions.select_related("author")
    return render(request, "knowledge/manage_revisions.html", {"article": article, "revisions": history})


@login_required
@require_POST
def publish(request, article_id: int):
    """Publish or unpublish (`action=unpublish`); leads and admins only."""
    article = access.get_article_for(request.user, article_id)
    change = services.unpublish_article if request.POST.get("action") == "unpublish" else services.publish_article
    try:
        change(article, request.user)
    except services.ArticleError as exc:
        if exc.code == "forbidden":
            raise PermissionDenied(exc.reason) from exc
        raise
    return redirect("knowledge:manage_edit", article_id=article.pk)
