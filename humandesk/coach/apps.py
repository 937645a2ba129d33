from django.apps import AppConfig


class CoachConfig(AppConfig):
    name = "humandesk.coach"
    label = "coach"
