from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "humandesk.api"
    label = "api"
