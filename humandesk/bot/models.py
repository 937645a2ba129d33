"""The first-line bot's memory of each conversation, and the outcome kept for reports."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from humandesk.accounts.models import Workspace
from humandesk.conversations.models import Conversation


class SessionState(models.TextChoices):
    ACTIVE = "active", _("Bot is talking")
    HANDED_OVER = "handed_over", _("Handed over to a person")
    RESOLVED = "resolved", _("Resolved by the bot")


class Outcome(models.TextChoices):
    RESOLVED_BY_BOT = "resolved_by_bot", _("Resolved by the bot")
    HANDED_OVER = "handed_over", _("Handed over")


class Reason(models.TextChoices):
    ASKED = "asked", _("Customer asked for a person")
    LOW_CONFIDENCE = "low_confidence", _("No confident answer")
    ANGRY = "angry", _("Customer is angry")
    UNHELPFUL = "unhelpful", _("Answer did not help")
    BUTTON = "button", _("Talk-to-a-person button")
    HELPED = "helped", _("Customer said the answer helped")


class BotSession(models.Model):
    """What the bot has already said in one conversation, so that it never repeats itself."""

    conversation = models.OneToOneField(Conversation, on_delete=models.CASCADE, related_name="bot_session")
    state = models.CharField(max_length=16, choices=SessionState.choices, default=SessionState.ACTIVE)
    lang = models.CharField(max_length=8, default="ru")
    # The bot asked "did this help?" about its last answer and waits for yes/no.
    awaiting_feedback = models.BooleanField(default=False)
    answered_articles = models.JSONField(default=list, blank=True)
    unhelpful_count = models.PositiveIntegerField(default=0)
    # Highest customer message seq the bot has handled: a resent message is answered once.
    last_seq = models.PositiveIntegerField(default=0)
    reason = models.CharField(max_length=16, choices=Reason.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"bot on #{self.conversation_id}: {self.state}"


class BotOutcome(models.Model):
    """How the bot's part of a conversation ended (the latest word wins): for bot reports."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    conversation = models.OneToOneField(Conversation, on_delete=models.CASCADE, related_name="bot_outcome")
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    reason = models.CharField(max_length=16, choices=Reason.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["workspace", "outcome", "created_at"], name="bot_outcome_ws")]

    def __str__(self) -> str:
        return f"#{self.conversation_id}: {self.outcome} ({self.reason})"
