from django.urls import path

from humandesk.coach import views

app_name = "coach"
urlpatterns = [
    path("check", views.check, name="check"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/glossary/add", views.glossary_add, name="glossary_add"),
    path("settings/glossary/<int:entry_id>/edit", views.glossary_edit, name="glossary_edit"),
    path("settings/glossary/<int:entry_id>/delete", views.glossary_delete, name="glossary_delete"),
    path("settings/rules", views.rules, name="rules"),
]
