"""Fixtures for browser tests: one live server per session, a fresh browser context per test."""

import pytest

from tests.browser.server import LiveServer

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update",
]


@pytest.fixture(scope="session")
def live_server_url(tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp("live")).start()
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def new_page(browser):
    """Open pages in separate contexts (separate cookies: a customer and an agent)."""
    contexts = []

    def open_page():
        context = browser.new_context(locale="ru-RU")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        context.close()

