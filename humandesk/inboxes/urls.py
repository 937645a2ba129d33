from django.urls import path

from humandesk.inboxes import views

app_name = "inboxes"
urlpatterns = [
    path("widget.js", views.widget_js, name="widget_js"),
    path("widget/session", views.widget_session, name="widget_session"),
    path("widget/history", views.widget_history, name="widget_history"),
]
