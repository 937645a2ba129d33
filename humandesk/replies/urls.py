from django.urls import path

from humandesk.replies import views

app_name = "replies"
urlpatterns = [
    path("", views.reply_list, name="list"),
    path("new/", views.reply_create, name="create"),
    path("search", views.reply_search, name="search"),
    path("<int:pk>/edit/", views.reply_edit, name="edit"),
    path("<int:pk>/delete/", views.reply_delete, name="delete"),
]
