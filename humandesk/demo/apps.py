from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "humandesk.demo"
    label = "demo"
