from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "humandesk.ui"
    label = "ui"
