from django.urls import path

from humandesk.realtime.consumers import StaffConsumer, WidgetConsumer

websocket_urlpatterns = [
    path("ws/widget/", WidgetConsumer.as_asgi()),
    path("ws/staff/", StaffConsumer.as_asgi()),
]
