"""How articles are shown: safe HTML bodies, plain-text excerpts and steps for a reply."""

import re

from django.utils.safestring import SafeString, mark_safe

from humandesk.core.sanitize import sanitize_html
from humandesk.knowledge.models import Article
from humandesk.knowledge.services import render_markdown

MARKUP_RE = re.compile(r"[#*_>`|\[\]()]+")
LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
INLINE_RE = re.compile(r"(\*\*|__|[*_`])")
NUMBERED_RE = re.compile(r"^\s{0,3}(\d{1,3})[.)]\s+(.*)$")
BULLET_RE = re.compile(r"^\s{0,3}[-*+]\s+(.*)$")
STEPS_PARAGRAPHS = 2
MAX_STEPS_CHARS = 1500


def article_html(article: Article) -> SafeString:
    """The article body as HTML that is safe to insert: sanitized again on the way out."""
    html = article.body_html or render_markdown(article.body_markdown)
    return mark_safe(sanitize_html(html))  # noqa: S308 - nh3 output, never raw user HTML


def excerpt(article: Article, length: int = 180) -> str:
    flat = " ".join(MARKUP_RE.sub(" ", article.body_markdown or "").split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def _plain(line: str) -> str:
    """A Markdown line as the customer should read it in a chat: link text, no emphasis marks."""
    return " ".join(INLINE_RE.sub("", LINK_RE.sub(r"\1", line)).split())


def steps_text(article: Article) -> str:
    """Plain text an agent can paste into a reply: the article's numbered or bulleted steps
    (with the sentence that introduces them), else its first paragraphs."""
    lines = (article.body_markdown or "").replace("\r\n", "\n").split("\n")
    steps, intro = [], ""
    for index, line in enumerate(lines):
        numbered, bullet = NUMBERED_RE.match(line), BULLET_RE.match(line)
        if numbered:
            steps.append(f"{numbered.group(1)}. {_plain(numbered.group(2))}")
        elif bullet:
            steps.append(f"- {_plain(bullet.group(1))}")
        if (numbered or bullet) and len(steps) == 1:
            intro = next((_plain(p) for p in reversed(lines[:index]) if p.strip() and not p.lstrip().startswith("#")), "")
    if steps:
        text = "\n".join(([intro] if intro else []) + steps)
    else:
        paragraphs = [_plain(p) for p in "\n".join(lines).split("\n\n") if p.strip() and not p.lstrip().startswith("#")]
        text = "\n\n".join(paragraphs[:STEPS_PARAGRAPHS])
    return text if len(text) <= MAX_STEPS_CHARS else text[: MAX_STEPS_CHARS - 1].rstrip() + "…"
