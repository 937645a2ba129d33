"""Sockets for consumer tests: a fresh in-memory channel layer per test, helpers to talk."""

import asyncio
import json

import pytest
from asgiref.testing import ApplicationCommunicator
from channels.db import database_sync_to_async

HOST = "desk.example"


@pytest.fixture(autouse=True)
def fresh_channel_layer():
    """Each test's event loop gets its own layer (queues are bound to a loop)."""
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


class WebsocketCommunicator(ApplicationCommunicator):
    """A WebSocket client for an ASGI app (channels.testing imports daphne, which we do not ship)."""

    def __init__(self, application, path: str, headers: list):
        path, _, query = path.partition("?")
        scope = {"type": "websocket", "path": path, "query_string": query.encode(), "headers": headers,
                 "subprotocols": []}
        super().__init__(application, scope)

    async def connect(self, timeout: float = 3):
        await self.send_input({"type": "websocket.connect"})
        response = await self.receive_output(timeout)
        return response["type"] == "websocket.accept", response

    async def send_to(self, text_data: str | None = None, bytes_data: bytes | None = None):
        if text_data is not None:
            await self.send_input({"type": "websocket.receive", "text": text_data})
        else:
            await self.send_input({"type": "websocket.receive", "bytes": bytes_data})

    async def send_json_to(self, data):
        await self.send_to(text_data=json.dumps(data))

    async def disconnect(self, code: int = 1000, timeout: float = 3):
        await self.send_input({"type": "websocket.disconnect", "code": code})
        await self.wait(timeout)


def _app():
    from humandesk.config.asgi import application

    return application


async def widget_socket(token: str | None, after: int | None = None, origin: str | None = None):
    """Open /ws/widget/ and return (communicator, hello or close frame)."""
    query = [] if token is None else [f"token={token}"]
    if after is not None:
        query.append(f"after={after}")
    headers = [(b"host", HOST.encode())]
    if origin:
        headers.append((b"origin", origin.encode()))
    socket = WebsocketCommunicator(_app(), "/ws/widget/?" + "&".join(query), headers=headers)
    connected, _ = await socket.connect()
    assert connected
    return socket, await first_output(socket)


async def staff_socket(cookie: str | None, after: int | None = None, origin: str | None = None):
    """Open /ws/staff/ with a session cookie and return (communicator, hello or close frame)."""
    headers = [(b"host", HOST.encode())]
    if cookie:
        headers.append((b"cookie", f"sessionid={cookie}".encode()))
    if origin:
        headers.append((b"origin", origin.encode()))
    path = "/ws/staff/" + (f"?after={after}" if after is not None else "")
    socket = WebsocketCommunicator(_app(), path, headers=headers)
    connected, _ = await socket.connect()
    assert connected
    return socket, await first_output(socket)


async def first_output(socket) -> dict:
    """The next frame as a dict, or {"closed": code, "reason": ...} when the server closed."""
    output = await socket.receive_output(timeout=3)
    if output["type"] == "websocket.close":
        return {"closed": output.get("code"), "reason": output.get("reason", "")}
    return json.loads(output["text"])


async def receive(socket, frame_type: str | None = None, timeout: float = 3) -> dict:
    """Skip frames until one of `frame_type` (any when None) arrives."""
    async with asyncio.timeout(timeout):
        while True:
            frame = await first_output(socket)
            if frame_type is None or frame.get("type") == frame_type or "closed" in frame:
                return frame


async def drain(socket, quiet: float = 0.2) -> list[dict]:
    """Every frame that arrives until the socket stays quiet for `quiet` seconds."""
    frames = []
    while not await socket.receive_nothing(timeout=quiet):
        frames.append(await first_output(socket))
    return frames


async def say(socket, body, client_id: str) -> dict:
    """Send a customer message and return the ack or error frame for it."""
    await socket.send_json_to({"type": "message", "client_id": client_id, "body": body})
    async with asyncio.timeout(3):
        while True:
            frame = await first_output(socket)
            if frame.get("type") in {"ack", "error"} or "closed" in frame:
                return frame


def in_db(function):
    return database_sync_to_async(function)


def session_cookie(user) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def new_visitor_token(inbox) -> str:
    from humandesk.inboxes.adapters import widget

    return widget.open_session(inbox, None)["token"]


@pytest.fixture
def anna_cookie(anna):
    return session_cookie(anna)


@pytest.fixture
def visitor_token(widget_inbox):
    return new_visitor_token(widget_inbox)
