from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "humandesk.knowledge"
    label = "knowledge"
