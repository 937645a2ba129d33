from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "humandesk.core"
    label = "core"
