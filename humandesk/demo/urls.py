from django.urls import path

from humandesk.demo import views

app_name = "demo"
urlpatterns = [
    path("demo/", views.shop, name="shop"),
]
