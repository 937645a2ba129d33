from django.urls import path

from humandesk.playbooks import views

app_name = "playbooks"
urlpatterns = [
    path("", views.playbook_list, name="list"),
    path("customize/", views.playbook_customize, name="customize"),
    path("<int:pk>/edit/", views.playbook_edit, name="edit"),
    path("<int:pk>/reset/", views.playbook_reset, name="reset"),
    path("conversation/<int:conversation_id>/", views.sidebar, name="sidebar"),
]
