from django.contrib import admin

from humandesk.inboxes.models import Inbox


@admin.register(Inbox)
class InboxAdmin(admin.ModelAdmin):
    list_display = ("name", "workspace", "channel_type", "public_key", "language")
    list_filter = ("channel_type",)
