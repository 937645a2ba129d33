"""Canned replies: a workspace's ready answers per language, picked in the composer by shortcut."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from humandesk.accounts.models import Workspace

LANGUAGES = ("ru", "en", "es")
LANGUAGE_CHOICES = [("ru", "Русский"), ("en", "English"), ("es", "Español")]


class CannedReply(models.Model):
    """A reply template with allow-listed variables, shared by the whole workspace."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="canned_replies")
    lang = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    shortcut = models.CharField(_("shortcut"), max_length=40)  # stored without the leading "/"
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=5000)
    # Case-folded shortcut + title + body: SQLite's LIKE folds ASCII only, so Cyrillic and
    # accented search needs its own folded copy to match «Доставка» with «доставка».
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "lang", "shortcut"], name="canned_reply_shortcut_unique"),
        ]
        ordering = ["lang", "shortcut"]
        verbose_name = _("canned reply")
        verbose_name_plural = _("canned replies")

    def __str__(self) -> str:
        return f"/{self.shortcut} ({self.lang})"


class DefaultRepliesSeed(models.Model):
    """Marks a workspace that received the shipped replies once, so that deleted ones stay deleted."""

    workspace = models.OneToOneField(Workspace, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"defaults for {self.workspace_id}"
