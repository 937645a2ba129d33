"""The live server the browser tests of this folder share (browser fixtures: tests/conftest.py)."""

import pytest

from tests.browser.server import LiveServer


@pytest.fixture(scope="session")
def live_server_url(tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp("live")).start()
    yield server.url
    server.stop()
