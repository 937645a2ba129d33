"""The customer's chat widget in a real browser, embedded on another site's page.

The shop page is served by Playwright at http://localhost:9 — another origin than the server
(http://127.0.0.1:<port>), so embedding is cross-origin. Chromium lets a page reach a loopback
server only with the local-network-access permission, which a real shop (public) never needs.

The agent's replies are posted through the services in a separate process (`manage shell`),
so they reach the widget only by replay after a reconnect — exactly the path under test.
"""

import json

import pytest

from humandesk.demo import personas
from tests.browser.actions import login
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser

SHOP = "http://localhost:9/shop/"
# Hostile host-page CSS: the widget's shadow root must keep it out.
SHOP_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Тундра</title>
<style>button {{ display: none !important; }} div {{ color: red !important; font-size: 40px; }}</style>
</head><body><h1>Палатки и горелки</h1>
<script src="{server}/widget.js" data-inbox="{key}" async></script></body></html>"""

_REPLIES = """
from humandesk.accounts.models import User
from humandesk.conversations import services
from humandesk.conversations.models import Conversation
conversation = Conversation.objects.get(pk={pk})
anna = User.objects.get(username="anna")
for body in {bodies!r}:
    services.post_reply(conversation, anna, body)
"""

_STAFF_SOCKET = """after => new Promise((resolve, reject) => {
  const query = after === null ? "" : "?after=" + after;
  const ws = new WebSocket(location.origin.replace("http", "ws") + "/ws/staff/" + query);
  const frames = [];
  (window.__sockets = window.__sockets || []).push({ws, frames});
  ws.onmessage = e => { const f = JSON.parse(e.data); frames.push(f); if (f.type === "hello") resolve(f); };
  ws.onclose = e => reject(new Error("staff socket closed " + e.code));
})"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server of its own: these tests post agent replies through the CLI (`manage shell`)."""
    live = LiveServer(tmp_path_factory.mktemp("widget")).start()
    yield live
    live.stop()


def _shop(new_page, server):
    page = new_page()
    page.context.grant_permissions(["local-network-access"])
    html = SHOP_PAGE.format(server=server.url, key=personas.WIDGET_KEY)
    page.context.route(SHOP + "**", lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    page.goto(SHOP)
    page.locator("[data-hd-launcher]").click()
    page.wait_for_function("window.humandeskWidget && window.humandeskWidget.state().ready")
    return page


def _write(page, text: str) -> None:
    page.locator("[data-hd-input]").fill(text)
    page.locator("[data-hd-input]").press("Enter")


def _thread(page) -> list[tuple[int, str, str]]:
    return [tuple(row) for row in page.eval_on_selector_all(
        "[data-hd-message]",
        "nodes => nodes.map(n => [Number(n.dataset.seq), n.dataset.kind, n.querySelector('.hd-body').textContent])",
    )]


def _wait_for_seq(page, seq: int) -> None:
    page.locator(f"[data-hd-message][data-seq='{seq}']").wait_for()


def _staff_frames(page, index: int) -> list[dict]:
    return page.evaluate(f"window.__sockets[{index}].frames")


def test_customer_writes_sees_ack_and_keeps_history_after_reload(server, new_page):
    """A message is acknowledged in place; after a reload the visitor sees the same thread."""
    from playwright.sync_api import expect

    page = _shop(new_page, server)
    expect(page.locator("[data-hd-launcher]")).to_be_visible()  # host CSS hides every <button>
    expect(page.locator("[data-hd-greeting]")).to_contain_text("Тундр")
    _write(page, "Здравствуйте! Какая палатка выдержит ветер?")
    _wait_for_seq(page, 1)
    expect(page.locator("[data-hd-pending]")).to_have_count(0)
    expect(page.locator("[data-hd-input]")).to_have_value("")

    page.reload()
    page.wait_for_function("window.humandeskWidget && window.humandeskWidget.state().ready")
    _wait_for_seq(page, 1)
    assert _thread(page) == [(1, "customer", "Здравствуйте! Какая палатка выдержит ветер?")]
    expect(page.locator("[data-hd-status]")).to_be_hidden()


def test_bad_messages_show_an_error_and_keep_the_text(server, new_page):
    """Empty and too long messages are refused next to the box; the typed text stays."""
    from playwright.sync_api import expect

    page = _shop(new_page, server)
    _write(page, "   ")
    expect(page.locator("[data-hd-error]")).to_have_text("Сообщение пустое.")
    long_text = "я" * 10_001
    _write(page, long_text)
    expect(page.locator("[data-hd-error]")).to_contain_text("слишком длинное")
    expect(page.locator("[data-hd-input]")).to_have_value(long_text)
    expect(page.locator("[data-hd-message]")).to_have_count(0)


def test_reconnect_loses_nothing_and_duplicates_nothing(server, new_page):
    """Offline sends and agent replies made meanwhile all arrive, in order, once, on both sides."""
    from playwright.sync_api import expect

    customer = _shop(new_page, server)
    _write(customer, "Заказ 1042 ещё не пришёл")
    _wait_for_seq(customer, 1)
    pk = customer.evaluate("window.humandeskWidget.state().conversation")

    agent = new_page()
    login(agent, server.url, "anna")
    agent.wait_for_url(server.url + "/")
    cursor = agent.evaluate(_STAFF_SOCKET, None)["last_event_id"]

    customer.evaluate("window.humandeskWidget.offline(true)")
    expect(customer.locator("[data-hd-status]")).to_have_attribute("data-state", "reconnecting")
    _write(customer, "Вы здесь?")
    _write(customer, "Трек-номер RU123")
    expect(customer.locator("[data-hd-pending]")).to_have_count(2)
    server.manage("shell", "-c", _REPLIES.format(pk=pk, bodies=["Иван, проверяю.", "Посылка в Казани."]))

    customer.evaluate("window.humandeskWidget.offline(false)")
    _wait_for_seq(customer, 5)
    expect(customer.locator("[data-hd-pending]")).to_have_count(0)
    kinds = [(seq, kind) for seq, kind, _ in _thread(customer)]
    assert [seq for seq, _ in kinds] == [1, 2, 3, 4, 5]
    assert [kind for _, kind in kinds].count("reply") == 2 and [kind for _, kind in kinds].count("customer") == 3

    agent.evaluate(_STAFF_SOCKET, cursor)
    agent.wait_for_function("window.__sockets[1].frames.filter(f => f.kind === 'message_created').length >= 4")
    replayed = [f["message"] for f in _staff_frames(agent, 1) if f.get("kind") == "message_created"]
    assert [m["seq"] for m in replayed] == [2, 3, 4, 5]
    assert sorted(m["body"] for m in replayed if m["kind"] == "customer") == ["Вы здесь?", "Трек-номер RU123"]
    live = [f["message"]["body"] for f in _staff_frames(agent, 0) if f.get("kind") == "message_created"]
    assert sorted(live) == ["Вы здесь?", "Трек-номер RU123"]  # resent messages stored and pushed once


def test_markup_from_customer_and_agent_renders_as_text(server, new_page):
    """Script and event-handler payloads show as text and never run, from either side."""
    customer = _shop(new_page, server)
    payloads = ["<img src=x onerror=window.__pwned=1>", "<script>window.__pwned=2</script>"]
    for seq, payload in enumerate(payloads, start=1):
        _write(customer, payload)
        _wait_for_seq(customer, seq)
    pk = customer.evaluate("window.humandeskWidget.state().conversation")
    server.manage("shell", "-c", _REPLIES.format(pk=pk, bodies=['<b onmouseover="window.__pwned=3">жирный</b>']))
    customer.evaluate("window.humandeskWidget.close()")  # the reply arrives by replay
    _wait_for_seq(customer, 3)

    bodies = [body for _, _, body in _thread(customer)]
    assert bodies == [*payloads, '<b onmouseover="window.__pwned=3">жирный</b>']
    customer.locator("[data-hd-message][data-seq='3']").hover()
    assert customer.evaluate("typeof window.__pwned") == "undefined"
    assert customer.evaluate(
        "document.querySelector('[data-humandesk]').shadowRoot.querySelectorAll('[data-hd-messages] img, "
        "[data-hd-messages] script, [data-hd-messages] b').length"
    ) == 0
    assert json.loads(customer.evaluate("JSON.stringify(window.humandeskWidget.state())"))["outbox"] == 0


def test_demo_shop_page_embeds_the_widget(server, new_page):
    """The demo shop page's <script> tag brings up a working widget, greeting included."""
    from playwright.sync_api import expect

    page = new_page()
    page.goto(server.url + "/demo/")
    page.locator("[data-hd-launcher]").click()
    page.wait_for_function("window.humandeskWidget && window.humandeskWidget.state().ready")
    expect(page.locator("[data-hd-greeting]")).to_be_visible()
    expect(page.locator("[data-hd-status]")).to_have_attribute("data-state", "online")
