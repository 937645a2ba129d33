from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "humandesk.conversations"
    label = "conversations"
