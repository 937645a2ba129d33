"""ASGI entry point: Django for HTTP, Channels consumers for WebSocket."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humandesk.config.settings")
django_asgi = get_asgi_application()  # must run before importing consumers (app registry)

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from humandesk.config.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi,
        # Origins are checked per consumer: the widget is embedded on customers' own sites.
        "websocket": AuthMiddlewareStack(URLRouter(websocket_urlpatterns)),
    }
)
