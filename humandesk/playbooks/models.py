"""A workspace's own playbooks (edited by a lead) and which steps an agent ticked per conversation."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from humandesk.accounts.models import Workspace
from humandesk.conversations.models import Conversation
from humandesk.playbooks.defaults import KEYS, LANGUAGES

KEY_CHOICES = [(key, key) for key in KEYS]
LANGUAGE_CHOICES = [(lang, lang) for lang in LANGUAGES]


class Playbook(models.Model):
    """A workspace's override of the shipped playbook for one situation (or emotion) and language."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="playbooks")
    # A situation id, or an emotion id for the emotion playbooks (anger, anxiety, …).
    situation = models.CharField(_("situation"), max_length=32, choices=KEY_CHOICES)
    lang = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    steps = models.JSONField(_("steps"), default=list)  # ordered list of step texts
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "situation", "lang"], name="playbook_unique_per_workspace"),
        ]
        ordering = ["situation", "lang"]

    def __str__(self) -> str:
        return f"{self.situation} ({self.lang})"


class PlaybookProgress(models.Model):
    """One ticked step of a playbook in one conversation."""

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="playbook_progress")
    playbook = models.CharField(max_length=32, choices=KEY_CHOICES)
    step = models.PositiveSmallIntegerField()
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "playbook", "step"], name="playbook_step_once"),
        ]

    def __str__(self) -> str:
        return f"#{self.conversation_id} {self.playbook}[{self.step}]"
