from django.apps import AppConfig


class RealtimeConfig(AppConfig):
    name = "humandesk.realtime"
    label = "realtime"
