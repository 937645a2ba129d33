from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "humandesk.accounts"
    label = "accounts"
