"""Every state change of the knowledge base. Views, commands and the API call these."""

from functools import partial

import markdown
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from humandesk.accounts.models import User, Workspace
from humandesk.core.sanitize import sanitize_html
from humandesk.knowledge import gaps
from humandesk.knowledge.models import (
    LANGUAGES,
    Article,
    ArticleRevision,
    ArticleStatus,
    Category,
    GapStatus,
    KnowledgeGap,
    QuestionSource,
    SynonymSet,
    UnansweredQuestion,
    Visibility,
)
from humandesk.knowledge.search import indexer, semantic

MAX_TITLE_CHARS = 255
MAX_BODY_CHARS = 100_000
MAX_TAGS = 20
LANG_CODES = {code for code, _name in LANGUAGES}


class ArticleError(ValueError):
    """A request that breaks a knowledge-base rule, with a machine code and a human reason."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


def render_markdown(text: str) -> str:
    """Markdown to sanitized HTML; text Markdown cannot parse is shown escaped, never raised."""
    try:
        html = markdown.markdown(text or "", extensions=["tables", "sane_lists"], output_format="html")
    except Exception:  # noqa: BLE001 - a broken body must never break the help centre
        from django.utils.html import escape

        html = f"<p>{escape(text or '')}</p>"
    return sanitize_html(html)


def _clean_fields(fields: dict) -> dict:
    title = " ".join(str(fields.get("title") or "").split())[:MAX_TITLE_CHARS]
    if not title:
        raise ArticleError("empty", _("The article needs a title."))
    body = str(fields.get("body") or "").replace("\r\n", "\n")
    if len(body) > MAX_BODY_CHARS:
        raise ArticleError("too_long", _("The article body is too long (limit %(limit)d characters).") % {"limit": MAX_BODY_CHARS})
    lang = fields.get("lang") or "ru"
    if lang not in LANG_CODES:
        raise ArticleError("invalid", _("Unknown language: %(lang)s.") % {"lang": lang})
    visibility = fields.get("visibility") or Visibility.PUBLIC
    if visibility not in Visibility.values:
        raise ArticleError("invalid", _("Unknown visibility: %(value)s.") % {"value": visibility})
    raw_tags = fields.get("tags") or []
    if isinstance(raw_tags, str):
        raw_tags = raw_tags.split(",")
    tags = list(dict.fromkeys(" ".join(str(t).split())[:60] for t in raw_tags if str(t).strip()))[:MAX_TAGS]
    return {"title": title, "body_markdown": body, "body_html": render_markdown(body), "lang": lang,
            "visibility": visibility, "tags": tags}


def get_or_create_category(workspace: Workspace, name: str) -> Category | None:
    """The workspace's category with this name, created on first use; None for a blank name."""
    name = " ".join(str(name or "").split())[:120]
    if not name:
        return None
    slug = slugify(name, allow_unicode=True)[:80] or "category"
    category, _created = Category.objects.get_or_create(workspace=workspace, slug=slug, defaults={"name": name})
    return category


def create_article(workspace: Workspace, author: User | None, **fields) -> Article:
    """Write a new draft article and its first revision."""
    cleaned = _clean_fields(fields)
    with transaction.atomic():
        article = Article.objects.create(
            workspace=workspace, author=author, external_id=str(fields.get("external_id") or "")[:100],
            category=get_or_create_category(workspace, fields.get("category")), **cleaned,
        )
        _record_revision(article, author, "created")
    return article


def update_article(article: Article, author: User | None, **fields) -> Article:
    """Save new content for an article as a new revision; a published one is reindexed."""
    cleaned = _clean_fields(fields)
    with transaction.atomic():
        for name, value in cleaned.items():
            setattr(article, name, value)
        article.category = get_or_create_category(article.workspace, fields.get("category"))
        article.save()
        _record_revision(article, author, "edited")
        transaction.on_commit(partial(indexer.reindex_article_by_id, article.pk))
    return article


def publish_article(article: Article, user: User) -> Article:
    """Make an article visible (to customers if public); only leads and admins may."""
    _require_lead(user)
    with transaction.atomic():
        article.status = ArticleStatus.PUBLISHED
        article.published_at = timezone.now()
        article.save(update_fields=["status", "published_at", "updated_at"])
        _record_revision(article, user, "published")
        transaction.on_commit(partial(indexer.reindex_article_by_id, article.pk))
    return article


def unpublish_article(article: Article, user: User) -> Article:
    """Take an article back to draft and out of search; only leads and admins may."""
    _require_lead(user)
    with transaction.atomic():
        article.status = ArticleStatus.DRAFT
        article.save(update_fields=["status", "updated_at"])
        _record_revision(article, user, "unpublished")
        transaction.on_commit(partial(indexer.reindex_article_by_id, article.pk))
    return article


def _require_lead(user: User) -> None:
    if not getattr(user, "is_lead", False):
        raise ArticleError("forbidden", _("Only a lead or an admin can publish articles."))


def _record_revision(article: Article, author: User | None, note: str) -> ArticleRevision:
    return ArticleRevision.objects.create(
        article=article, author=author, title=article.title, body_markdown=article.body_markdown,
        tags=article.tags, note=note,
    )


def import_articles(workspace: Workspace, records: list[dict], author: User | None = None) -> list[Article]:
    """Create or update published articles from evaluation-format records, indexed at once."""
    saved = []
    with transaction.atomic():
        existing = {a.external_id: a for a in Article.objects.filter(
            workspace=workspace, external_id__in=[str(r.get("id") or "") for r in records])}
        for record in records:
            fields = {**record, "external_id": str(record.get("id") or "")}
            article = existing.get(fields["external_id"])
            if article is None:
                article = create_article(workspace, author, **fields)
            else:
                cleaned = _clean_fields(fields)
                for name, value in cleaned.items():
                    setattr(article, name, value)
                article.category = get_or_create_category(workspace, fields.get("category"))
                _record_revision(article, author, "imported")
            article.status = ArticleStatus.PUBLISHED
            article.published_at = article.published_at or timezone.now()
            article.save()
            saved.append(article)
        indexer.reindex_articles(saved)
    return saved


def set_synonyms(workspace: Workspace, groups: list[list[str]], lang: str = "") -> list[SynonymSet]:
    """Replace the workspace's synonym groups for a language (blank: every language)."""
    with transaction.atomic():
        SynonymSet.objects.filter(workspace=workspace, lang=lang).delete()
        sets = [
            SynonymSet.objects.create(workspace=workspace, lang=lang, terms=[" ".join(str(t).split()) for t in terms if str(t).strip()])
            for terms in groups if len([t for t in terms if str(t).strip()]) > 1
        ]
        indexer.touch(workspace.pk)
    return sets


MAX_QUESTION_CHARS = 1000


def record_unanswered(workspace: Workspace, text: str, lang: str, source: str, *, conversation=None,
                      user: User | None = None) -> UnansweredQuestion | None:
    """Remember a customer question the knowledge base could not answer, grouped into a gap."""
    text = " ".join(str(text or "").split())[:MAX_QUESTION_CHARS]
    if not gaps.question_stems(text):
        return None  # nothing searchable («?», «ок»): not a missing article
    lang = lang if lang in LANG_CODES else workspace.default_language
    source = source if source in QuestionSource.values else QuestionSource.BOT
    if conversation is not None:
        already = UnansweredQuestion.objects.filter(workspace=workspace, conversation=conversation, text=text).first()
        if already is not None:
            return already  # a second click or a bot retry must not count the question twice
    gap, vector, stems = gaps.nearest_gap(workspace.pk, text)
    now = timezone.now()
    with transaction.atomic():
        if gap is None:
            gap = KnowledgeGap.objects.create(
                workspace=workspace, title=text[:MAX_TITLE_CHARS], lang=lang,
                vector=semantic.to_bytes(vector[None, :]), stems=" ".join(sorted(stems)),
            )
        KnowledgeGap.objects.filter(pk=gap.pk).update(question_count=F("question_count") + 1, last_asked_at=now)
        return UnansweredQuestion.objects.create(
            workspace=workspace, gap=gap, text=text, lang=lang, source=source, conversation=conversation,
            marked_by=user,
        )


def dismiss_gap(gap: KnowledgeGap, user: User) -> KnowledgeGap:
    """Hide a gap from the list (not worth an article); only leads and admins may."""
    if not getattr(user, "is_lead", False):
        raise ArticleError("forbidden", _("Only a lead or an admin can dismiss a missing article."))
    gap.status = GapStatus.DISMISSED
    gap.dismissed_by = user
    gap.dismissed_at = timezone.now()
    gap.save(update_fields=["status", "dismissed_by", "dismissed_at"])
    return gap
