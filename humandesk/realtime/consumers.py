"""WebSocket consumers (filled in by the real-time work)."""

from channels.generic.websocket import AsyncJsonWebsocketConsumer


class WidgetConsumer(AsyncJsonWebsocketConsumer):
    pass


class StaffConsumer(AsyncJsonWebsocketConsumer):
    pass
