"""An HTTP client that talks to /api/v1/ with a real token, as an integration would."""

import json

import pytest

from humandesk.accounts.models import ApiToken


class ApiClient:
    def __init__(self, client, secret: str | None):
        self.client = client
        self.secret = secret

    def _headers(self) -> dict:
        return {"Authorization": f"Bearer {self.secret}"} if self.secret else {}

    def get(self, path: str, params: dict | None = None):
        return self.client.get("/api/v1" + path, params or {}, headers=self._headers())

    def send(self, method: str, path: str, body):
        data = body if isinstance(body, str | bytes) else json.dumps(body)
        call = getattr(self.client, method)
        return call("/api/v1" + path, data=data, content_type="application/json", headers=self._headers())

    def post(self, path: str, body):
        return self.send("post", path, body)

    def put(self, path: str, body):
        return self.send("put", path, body)

    def patch(self, path: str, body):
        return self.send("patch", path, body)


@pytest.fixture
def secret(anna) -> str:
    """Anna's personal token, issued the way the token page and the CLI issue it."""
    _, value = ApiToken.issue(anna, "CRM")
    return value


@pytest.fixture
def api(client, secret) -> ApiClient:
    return ApiClient(client, secret)


@pytest.fixture
def anonymous(client) -> ApiClient:
    return ApiClient(client, None)


@pytest.fixture
def intruder_api(client, other_workspace) -> ApiClient:
    """A valid token of the other workspace's user."""
    _, value = ApiToken.issue(other_workspace["user"], "intruder")
    return ApiClient(client, value)

