from django.contrib import admin

from humandesk.bot.models import BotOutcome, BotSession


@admin.register(BotOutcome)
class BotOutcomeAdmin(admin.ModelAdmin):
    list_display = ("conversation", "workspace", "outcome", "reason", "created_at")
    list_filter = ("outcome", "reason")
    readonly_fields = ("workspace", "conversation", "outcome", "reason", "created_at", "updated_at")


@admin.register(BotSession)
class BotSessionAdmin(admin.ModelAdmin):
    list_display = ("conversation", "state", "lang", "awaiting_feedback", "unhelpful_count", "reason")
    list_filter = ("state",)
    readonly_fields = ("conversation", "answered_articles", "last_seq", "created_at", "updated_at")
