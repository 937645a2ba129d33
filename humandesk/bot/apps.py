from django.apps import AppConfig


class BotConfig(AppConfig):
    name = "humandesk.bot"
    label = "bot"
    verbose_name = "First-line bot"
