from django.apps import AppConfig


class InboxesConfig(AppConfig):
    name = "humandesk.inboxes"
    label = "inboxes"
