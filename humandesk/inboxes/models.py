"""Inboxes: where conversations arrive (website widget, email, Telegram, API)."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from humandesk.accounts.models import Team, Workspace


class ChannelType(models.TextChoices):
    WIDGET = "widget", _("Website chat")
    EMAIL = "email", _("Email")
    TELEGRAM = "telegram", _("Telegram")
    API = "api", _("API")


def _public_key() -> str:
    return secrets.token_urlsafe(12)


class Inbox(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="inboxes")
    name = models.CharField(max_length=100)
    channel_type = models.CharField(max_length=16, choices=ChannelType.choices)
    # Public: it appears in the widget <script> tag on customers' sites.
    public_key = models.CharField(max_length=32, unique=True, default=_public_key)
    default_team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL)
    language = models.CharField(max_length=8, default="ru")
    greeting = models.TextField(blank=True)
    widget_title = models.CharField(max_length=100, blank=True)
    widget_color = models.CharField(max_length=7, default="#2563eb")
    allowed_origins = models.TextField(
        blank=True, help_text=_("One origin per line; empty allows any site to embed the widget.")
    )
    # The first-line bot (humandesk/bot): off until an admin switches it on for this inbox.
    bot_enabled = models.BooleanField(default=False)
    bot_greeting = models.TextField(
        blank=True, help_text=_("The bot's first message; empty uses the built-in greeting.")
    )
    bot_hours_text = models.TextField(
        blank=True, help_text=_("Told to the customer on handover, e.g. when people are at work.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "inboxes"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
