"""The public help centre: published public articles, by category, searchable, per language."""

from django.shortcuts import render
from django.utils import translation

from humandesk.knowledge import access, presentation
from humandesk.knowledge.models import LANGUAGES
from humandesk.knowledge.search import hybrid

LANG_CODES = [code for code, _name in LANGUAGES]
MAX_QUERY_CHARS = 500


def _language(request, workspace) -> str:
    wanted = request.GET.get("lang") or getattr(request, "LANGUAGE_CODE", "") or workspace.default_language
    wanted = str(wanted)[:2].lower()
    return wanted if wanted in LANG_CODES else "ru"


def _context(request):
    workspace = access.help_workspace(request.GET.get("ws"))
    lang = _language(request, workspace)
    translation.activate(lang)
    request.LANGUAGE_CODE = lang
    return workspace, lang, {"workspace": workspace, "lang": lang, "languages": LANGUAGES}


def index(request):
    """Categories with their articles in the reader's language, or search results for `?q=`."""
    workspace, lang, context = _context(request)
    query = " ".join(str(request.GET.get("q", "")).split())[:MAX_QUERY_CHARS]
    articles = access.public_articles(workspace).select_related("category")
    if query:
        result = hybrid.rank(workspace.pk, query, lang=lang, audience="customer")
        found = {a.pk: a for a in articles.filter(pk__in=result.article_ids)}
        hits = [found[pk] for pk in result.article_ids if pk in found]
        context.update(query=query, results=[(a, presentation.excerpt(a)) for a in hits])
        return render(request, "knowledge/help_search.html", context)
    in_lang = articles.filter(lang=lang)
    shown = in_lang if in_lang.exists() else articles
    categories: dict[str, list] = {}
    for article in shown.order_by("category__position", "category__name", "title"):
        categories.setdefault(article.category.name if article.category else "", []).append(article)
    context["categories"] = sorted(categories.items(), key=lambda item: item[0] == "")
    return render(request, "knowledge/help_index.html", context)


def article(request, article_id: int):
    """One published public article of the help centre's workspace; anything else is a 404."""
    workspace, _lang, context = _context(request)
    item = access.get_public_article(workspace, article_id)
    context.update(article=item, body=presentation.article_html(item))
    return render(request, "knowledge/help_article.html", context)
