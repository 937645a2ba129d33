"""The first-line bot in the real widget: it greets, answers with steps, and from every state
one click on "talk to a person" (or its own abstention) puts the chat in the human queue."""

import json

import pytest

from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser

ARTICLES = "humandesk/knowledge/eval_data/articles.jsonl"
_ENABLE_BOT = """
from humandesk.demo import personas
from humandesk.inboxes.models import Inbox
Inbox.objects.filter(public_key=personas.WIDGET_KEY).update(bot_enabled=True)
"""
_CONVERSATION = """
import json
from humandesk.conversations.models import Conversation
c = Conversation.objects.get(pk={pk})
print(json.dumps({{"status": c.status, "assignee": c.assignee_id, "team": c.team.name if c.team else None,
                  "outcome": [c.bot_outcome.outcome, c.bot_outcome.reason]}}))
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server of its own with the bot on for the demo widget and the evaluation articles loaded."""
    live = LiveServer(tmp_path_factory.mktemp("bot")).start()
    live.manage("shell", "-c", _ENABLE_BOT)
    live.manage("kb", "import", ARTICLES, "--workspace", "tundra")
    yield live
    live.stop()


def _widget(new_page, server):
    page = new_page()
    page.goto(server.url + "/demo/")
    page.locator("[data-hd-launcher]").click()
    page.wait_for_function("window.humandeskWidget && window.humandeskWidget.state().ready")
    return page


def _write(page, text: str) -> None:
    page.locator("[data-hd-input]").fill(text)
    page.locator("[data-hd-input]").press("Enter")


def _handed_over(page, server, reason: str) -> None:
    """The honest handover line shows, the buttons go, and the chat waits open and unassigned."""
    from playwright.sync_api import expect

    line = page.locator("[data-hd-message][data-kind='system']")
    expect(line).to_contain_text("Передаю разговор коллегам из команды «Первая линия»")
    expect(line).to_contain_text("пары минут")
    expect(page.locator("[data-hd-handover]")).to_have_count(0)
    pk = page.evaluate("window.humandeskWidget.state().conversation")
    stored = json.loads(server.manage("shell", "-c", _CONVERSATION.format(pk=int(pk))).splitlines()[-1])
    assert stored == {"status": "open", "assignee": None, "team": "Первая линия", "outcome": ["handed_over", reason]}


def test_button_after_the_greeting(server, new_page):
    """A bare hello gets the bot's greeting with the button; one click hands over."""
    page = _widget(new_page, server)
    _write(page, "Здравствуйте!")
    greeting = page.locator("[data-hd-message][data-kind='bot']")
    greeting.locator("[data-hd-handover]").click()
    _handed_over(page, server, "button")


def test_button_after_an_answer(server, new_page):
    """The answer shows the steps, "did this help?" buttons, and the button on every bot message."""
    from playwright.sync_api import expect

    page = _widget(new_page, server)
    _write(page, "Как отследить заказ по трек-номеру?")
    page.locator("[data-hd-helpful='yes']").wait_for()
    bot_messages = page.locator("[data-hd-message][data-kind='bot']")
    expect(bot_messages.last).to_contain_text("Это помогло?")
    expect(bot_messages.last).to_contain_text("трек-номер")
    assert page.locator("[data-hd-handover]").count() == bot_messages.count() == 2
    expect(page.locator("[data-hd-helpful='no']")).to_have_text("Нет")
    bot_messages.last.locator("[data-hd-handover]").click()
    _handed_over(page, server, "button")


def test_no_after_an_answer_hands_over(server, new_page):
    """"No" to "did this help?" hands over at once (after one unhelpful answer)."""
    page = _widget(new_page, server)
    _write(page, "Как отследить заказ по трек-номеру?")
    page.locator("[data-hd-helpful='no']").click()
    _handed_over(page, server, "unhelpful")


def test_abstention_hands_over_by_itself(server, new_page):
    """With no confident answer the bot does not guess: it hands over without being asked."""
    page = _widget(new_page, server)
    _write(page, "Можно ли заказать пиццу с ананасами на Марс?")
    _handed_over(page, server, "low_confidence")


def test_asking_in_words_hands_over(server, new_page):
    """«Позовите оператора» hands over at once."""
    page = _widget(new_page, server)
    _write(page, "Позовите оператора")
    _handed_over(page, server, "asked")
