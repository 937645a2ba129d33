"""Knowledge base: categories, articles with revisions, synonyms, and the search index rows."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from humandesk.accounts.models import Workspace

LANGUAGES = [("ru", "Русский"), ("en", "English"), ("es", "Español")]


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public (customers and the bot)")
    INTERNAL = "internal", _("Internal (staff only)")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Category(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="kb_categories")
    slug = models.SlugField(max_length=80, allow_unicode=True)
    name = models.CharField(max_length=120)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workspace", "slug"], name="kb_category_slug_unique")]
        ordering = ["position", "name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="kb_articles")
    # Key from an imported file (e.g. evaluation data); blank for articles written in the UI.
    external_id = models.CharField(max_length=100, blank=True, default="")
    title = models.CharField(max_length=255)
    body_markdown = models.TextField(blank=True, default="")
    body_html = models.TextField(blank=True, default="")
    category = models.ForeignKey(Category, on_delete=models.SET_NULL, null=True, blank=True, related_name="articles")
    lang = models.CharField(max_length=8, choices=LANGUAGES, default="ru")
    tags = models.JSONField(default=list, blank=True)
    visibility = models.CharField(max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC)
    status = models.CharField(max_length=16, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "external_id"], condition=~models.Q(external_id=""),
                name="kb_article_external_id_unique",
            )
        ]
        indexes = [models.Index(fields=["workspace", "status", "visibility", "lang"])]
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def key(self) -> str:
        """The id reported by search and evaluation: the external key when there is one."""
        return self.external_id or str(self.pk)

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC and self.status == ArticleStatus.PUBLISHED


class ArticleRevision(models.Model):
    """One saved state of an article; the newest is the article itself."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    title = models.CharField(max_length=255)
    body_markdown = models.TextField(blank=True, default="")
    tags = models.JSONField(default=list, blank=True)
    note = models.CharField(max_length=100, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.created_at:%Y-%m-%d %H:%M})"


class SynonymSet(models.Model):
    """Words a workspace treats as the same in search, e.g. «ноутбук», «лэптоп»."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="kb_synonyms")
    lang = models.CharField(max_length=8, blank=True, default="", help_text="Blank: every language")
    terms = models.JSONField(default=list)

    def __str__(self) -> str:
        return " ~ ".join(self.terms)


class ArticleIndex(models.Model):
    """The analysed form of one published article, shared by both database backends.

    Terms are space-separated snowball stems; `vectors` holds float32 sentence embeddings
    (one row of 512 per embedded passage).
    """

    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="index_row")
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    lang = models.CharField(max_length=8)
    is_public = models.BooleanField()
    title_terms = models.TextField(blank=True, default="")
    tag_terms = models.TextField(blank=True, default="")
    body_terms = models.TextField(blank=True, default="")
    vectors = models.BinaryField(default=b"")

    class Meta:
        indexes = [models.Index(fields=["workspace", "is_public"])]

    def __str__(self) -> str:
        return f"index of article {self.article_id}"


class SearchTerm(models.Model):
    """A word seen in a workspace's articles: the vocabulary typos are corrected against."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    word = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workspace", "word"], name="kb_term_unique")]

    def __str__(self) -> str:
        return self.word


class IndexState(models.Model):
    """Changes whenever a workspace's index changes, so every process knows its cache is stale."""

    workspace = models.OneToOneField(Workspace, on_delete=models.CASCADE, primary_key=True, related_name="+")
    token = models.CharField(max_length=32)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"index state of workspace {self.workspace_id}"


class GapStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DISMISSED = "dismissed", _("Dismissed")


class QuestionSource(models.TextChoices):
    BOT = "bot", _("The bot found no confident article")
    AGENT = "agent", _("An agent marked it")


class KnowledgeGap(models.Model):
    """An article we are missing: similar unanswered customer questions grouped together.

    `vector` and `stems` are those of the group's first question (leader clustering): a new
    question joins the most similar gap above a threshold or starts its own.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="kb_gaps")
    title = models.CharField(max_length=255)
    lang = models.CharField(max_length=8, choices=LANGUAGES, default="ru")
    status = models.CharField(max_length=16, choices=GapStatus.choices, default=GapStatus.OPEN)
    question_count = models.PositiveIntegerField(default=0)
    vector = models.BinaryField(default=b"")
    stems = models.TextField(blank=True, default="")
    dismissed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    dismissed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_asked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["workspace", "status", "-question_count"])]

    def __str__(self) -> str:
        return self.title


class UnansweredQuestion(models.Model):
    """One customer question the knowledge base had no confident answer for."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    gap = models.ForeignKey(KnowledgeGap, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(max_length=1000)
    lang = models.CharField(max_length=8, choices=LANGUAGES, default="ru")
    source = models.CharField(max_length=16, choices=QuestionSource.choices)
    conversation = models.ForeignKey(
        "conversations.Conversation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["workspace", "conversation"])]

    def __str__(self) -> str:
        return self.text[:60]
