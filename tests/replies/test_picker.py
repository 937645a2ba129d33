"""The composer's canned-reply picker in a real browser: "/shortcut" in the message and the search box."""

import uuid

import pytest

from humandesk.demo import personas
from tests.browser.actions import login
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser


_NEW_CONVERSATION = """
from humandesk.conversations import services
from humandesk.inboxes.models import Inbox
inbox = Inbox.objects.get(public_key={key!r})
contact = services.find_or_create_contact(inbox, "widget", {external!r}, name="Марина Соколова", language="ru")
conv = services.start_conversation(inbox, contact)
services.post_customer_message(conv, "Когда привезёте палатку?")
print(conv.pk)
"""


@pytest.fixture(scope="module")
def page_on_conversation(tmp_path_factory, browser):
    """Anna signed in on a fresh conversation with Марина, on a demo server with the shipped replies."""
    server = LiveServer(tmp_path_factory.mktemp("replies")).start()
    code = _NEW_CONVERSATION.format(key=personas.WIDGET_KEY, external=uuid.uuid4().hex)
    pk = int(server.manage("shell", "-c", code).strip().splitlines()[-1])
    context = browser.new_context(locale="ru-RU")
    page = context.new_page()
    page.set_default_timeout(10_000)
    login(page, server.url, "anna")
    page.wait_for_url(server.url + "/")
    page.goto(f"{server.url}/conversations/{pk}/")
    yield page
    context.close()
    server.stop()


def test_slash_shortcut_inserts_the_rendered_reply_and_rechecks(page_on_conversation):
    """Typing "/hel" offers /hello; Enter puts the reply, with both names filled in, into the box,
    and the coach checks the new draft."""
    from playwright.sync_api import expect

    page = page_on_conversation
    box = page.locator("#composer-body")
    box.fill("")
    box.press_sequentially("/hel")
    expect(page.locator("#replies-results [data-reply-shortcut=hello]")).to_be_visible()
    with page.expect_request("**/coach/check"):
        box.press("Enter")
    value = box.input_value()
    assert value.startswith("Здравствуйте, Марина! Меня зовут Анна"), value
    assert "/hel" not in value
    expect(page.locator("#replies-results [data-reply-text]")).to_have_count(0)


def test_search_box_inserts_at_the_caret_and_enter_sends_nothing(page_on_conversation):
    """A search by words shows matches rendered for this chat; Enter there adds the first one after
    what the agent already wrote, instead of sending the message."""
    from playwright.sync_api import expect

    page = page_on_conversation
    box = page.locator("#composer-body")
    box.fill("Добрый вечер! ")
    messages_before = page.locator("#thread .msg").count()
    search = page.locator("[data-replies-search]")
    search.fill("зовут")
    expect(page.locator("#replies-results [data-reply-shortcut=hello]")).to_be_visible()
    search.press("Enter")
    value = box.input_value()
    assert value.startswith("Добрый вечер! Здравствуйте, Марина! Меня зовут Анна"), value
    assert search.input_value() == ""
    assert page.locator("#thread .msg").count() == messages_before
