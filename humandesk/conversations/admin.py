from django.contrib import admin

from humandesk.conversations.models import Conversation, ConversationEvent, Message, Tag


class MessageInline(admin.TabularInline):
    model = Message
    extra = 0
    fields = ("seq", "kind", "author", "body", "created_at")
    readonly_fields = ("created_at",)


@admin.register(Conversation)
class ConversationAdmin(admin.ModelAdmin):
    list_display = ("id", "workspace", "contact", "status", "priority", "assignee", "team", "last_message_at")
    list_filter = ("status", "priority", "workspace")
    search_fields = ("subject", "contact__name", "contact__email")
    raw_id_fields = ("contact", "assignee")
    inlines = [MessageInline]


admin.site.register(Tag)


@admin.register(ConversationEvent)
class ConversationEventAdmin(admin.ModelAdmin):
    list_display = ("id", "conversation", "kind", "actor", "public", "created_at")
    list_filter = ("kind", "public")
    raw_id_fields = ("conversation", "message", "actor")
