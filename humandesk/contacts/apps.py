from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "humandesk.contacts"
    label = "contacts"
