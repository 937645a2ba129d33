"""How articles are shown: safe HTML bodies and plain-text excerpts."""

import re

from django.utils.safestring import SafeString, mark_safe

from humandesk.core.sanitize import sanitize_html
from humandesk.knowledge.models import Article
from humandesk.knowledge.services import render_markdown

MARKUP_RE = re.compile(r"[#*_>`|\[\]()]+")


def article_html(article: Article) -> SafeString:
    """The article body as HTML that is safe to insert: sanitized again on the way out."""
    html = article.body_html or render_markdown(article.body_markdown)
    return mark_safe(sanitize_html(html))  # noqa: S308 - nh3 output, never raw user HTML


def excerpt(article: Article, length: int = 180) -> str:
    flat = " ".join(MARKUP_RE.sub(" ", article.body_markdown or "").split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"
