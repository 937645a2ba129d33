"""The coach's stored state: the team glossary, must-fix rules and every sent reply's findings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from humandesk.accounts.models import Workspace
from humandesk.coach.engine import LANGUAGES, RULES
from humandesk.conversations.models import Message

LANGUAGE_CHOICES = [(code, code) for code in LANGUAGES]
RULE_CHOICES = [(rule, rule) for rule in RULES]


class GlossaryEntry(models.Model):
    """A phrase the team avoids and what to say instead; the lead edits these per workspace."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="glossary_entries")
    lang = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    unsuitable = models.CharField(_("unsuitable phrase"), max_length=200)
    suitable = models.CharField(_("suitable phrase"), max_length=200)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["lang", "unsuitable"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "lang", "unsuitable"], name="glossary_phrase_unique"),
        ]
        indexes = [models.Index(fields=["workspace", "lang"], name="glossary_ws_lang")]

    def __str__(self) -> str:
        return f"{self.lang}: {self.unsuitable} → {self.suitable}"


class GlossarySeed(models.Model):
    """Marks a workspace whose glossary was filled from the defaults, so deletions stay deleted."""

    workspace = models.OneToOneField(Workspace, on_delete=models.CASCADE, related_name="glossary_seed")
    seeded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"glossary seeded for {self.workspace_id}"


class RuleSetting(models.Model):
    """A lead marks a rule must-fix: its findings are shown as blocking in the composer."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="coach_rule_settings")
    rule = models.CharField(max_length=32, choices=RULE_CHOICES)
    must_fix = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workspace", "rule"], name="rule_setting_unique")]

    def __str__(self) -> str:
        return f"{self.rule}: {'must fix' if self.must_fix else 'advice'}"


class ReplyFinding(models.Model):
    """One finding in a reply that was sent: what reports count per agent, per rule, over time."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="coach_findings")
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    rule = models.CharField(max_length=32, choices=RULE_CHOICES)
    lang = models.CharField(max_length=8)
    start = models.PositiveIntegerField(default=0)
    end = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "rule", "start", "end"], name="reply_finding_unique"),
        ]
        indexes = [
            models.Index(fields=["workspace", "agent", "created_at"], name="finding_ws_agent_time"),
            models.Index(fields=["workspace", "rule", "created_at"], name="finding_ws_rule_time"),
            models.Index(fields=["workspace", "created_at"], name="finding_ws_time"),
        ]

    def __str__(self) -> str:
        return f"{self.rule} in message {self.message_id}"
