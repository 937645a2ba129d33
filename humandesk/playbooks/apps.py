from django.apps import AppConfig


class PlaybooksConfig(AppConfig):
    name = "humandesk.playbooks"
    label = "playbooks"
