from django.contrib import admin, messages

from humandesk.bot import texts as bot_texts
from humandesk.inboxes.models import Inbox


@admin.register(Inbox)
class InboxAdmin(admin.ModelAdmin):
    list_display = ("name", "workspace", "channel_type", "public_key", "language", "bot_enabled")
    list_filter = ("channel_type", "bot_enabled")

    def save_model(self, request, obj, form, change):
        """Save, then show the coach's findings on the bot texts: advice, never a block."""
        super().save_model(request, obj, form, change)
        for warning in bot_texts.review(obj):
            messages.warning(request, warning)
