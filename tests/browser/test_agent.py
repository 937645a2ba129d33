"""The agent's main path in a real browser: sign in, open a conversation, reply, note, resolve,
and see a customer's message arrive live without reloading."""

import json
import urllib.error
import urllib.request
import uuid

import pytest

from humandesk.demo import personas
from tests.browser.actions import login
from tests.browser.server import LiveServer

pytestmark = pytest.mark.browser

ATTACK = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'

_NEW_CONVERSATION = """
from humandesk.conversations import services
from humandesk.inboxes.models import Inbox
inbox = Inbox.objects.get(public_key={key!r})
contact = services.find_or_create_contact(inbox, "widget", {external!r}, name={name!r}, language="ru")
conv = services.start_conversation(inbox, contact)
services.post_customer_message(conv, {body!r})
print(conv.pk)
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A server of its own: these tests add conversations through the CLI (`manage shell`)."""
    live = LiveServer(tmp_path_factory.mktemp("agent")).start()
    yield live
    live.stop()


def _new_conversation(server: LiveServer, name: str, body: str) -> int:
    code = _NEW_CONVERSATION.format(key=personas.WIDGET_KEY, external=uuid.uuid4().hex, name=name, body=body)
    return int(server.manage("shell", "-c", code).strip().splitlines()[-1])


def test_agent_replies_notes_and_resolves(server, new_page):
    """Anna finds the chat in the inbox, answers, leaves a note and resolves it, all without reloads."""
    from playwright.sync_api import expect

    pk = _new_conversation(server, "Марина Соколова", "Горелка не разжигается. " + ATTACK)
    page = new_page()
    login(page, server.url, "anna")
    page.wait_for_url(server.url + "/")
    expect(page.locator("#inbox-list")).to_contain_text("Марина Соколова")
    page.click(f"#inbox-list a[href='/conversations/{pk}/']")
    page.wait_for_url(f"{server.url}/conversations/{pk}/")
    expect(page.locator("#thread .msg--customer")).to_contain_text('onerror="window.__xss=1"')
    assert page.evaluate("window.__xss") is None
    page.evaluate("window.__sameDocument = true")

    page.click("#composer button[type=submit]")
    expect(page.locator("#composer-error")).to_be_visible()

    page.fill("#composer-body", "Марина, пришлём новую горелку завтра.")
    page.press("#composer-body", "Control+Enter")
    expect(page.locator("#thread .msg--reply")).to_contain_text("пришлём новую горелку")
    expect(page.locator("#composer-body")).to_have_value("")
    expect(page.locator("#composer-body")).to_be_focused()
    expect(page.locator("#conv-header")).to_contain_text("Анна Смирнова")

    page.click("label.mode--note")
    page.fill("#composer-body", "Проверить партию горелок на складе")
    page.click("#composer button[type=submit]")
    expect(page.locator("#thread .msg--note")).to_contain_text("Проверить партию")
    expect(page.locator("#thread .msg--note")).to_contain_text("видит только команда")

    page.click("#conv-header button[data-status-target=resolved]")
    expect(page.locator("#conv-header .status")).to_have_text("Решён")
    assert page.locator("#thread .msg").count() == 3
    assert page.evaluate("window.__sameDocument") is True


def _post_json(url: str, payload: dict) -> dict:
    request = urllib.request.Request(  # noqa: S310 - local test server
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}, method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - local test server
        return json.loads(response.read())


class _Customer:
    """A website visitor speaking the widget protocol of docs/REALTIME.md."""

    def __init__(self, server: LiveServer):
        self.server = server
        self.session = _post_json(server.url + "/widget/session", {"inbox": personas.WIDGET_KEY})

    def say(self, body: str) -> None:
        from websockets.sync.client import connect

        url = self.server.url.replace("http://", "ws://") + "/ws/widget/?token=" + self.session["token"]
        client_id = uuid.uuid4().hex
        with connect(url, open_timeout=10) as socket:
            socket.send(json.dumps({"type": "message", "client_id": client_id, "body": body}))
            while True:
                frame = json.loads(socket.recv(timeout=10))
                if frame.get("type") == "ack" and frame.get("client_id") == client_id:
                    return
                assert frame.get("type") != "error", frame

    def conversation(self) -> int:
        again = _post_json(self.server.url + "/widget/session",
                           {"inbox": personas.WIDGET_KEY, "token": self.session["token"]})
        return again["conversation"]


def test_customer_messages_arrive_live(server, new_page):
    """A new chat appears in the open inbox, and the next customer message in the open thread."""
    from playwright.sync_api import expect

    customer = _Customer(server)
    page = new_page()
    login(page, server.url, "anna")
    page.wait_for_url(server.url + "/")
    page.evaluate("window.__sameDocument = true")
    customer.say("Здравствуйте! Где мой заказ со спальником?")
    expect(page.locator("#inbox-list")).to_contain_text("Где мой заказ со спальником?")

    pk = customer.conversation()
    page.goto(f"{server.url}/conversations/{pk}/")
    page.evaluate("window.__sameDocument = true")
    customer.say("Номер заказа 4815. " + ATTACK)
    expect(page.locator("#thread .msg--customer").last).to_contain_text("Номер заказа 4815.")
    assert page.locator("#thread .msg").count() == 2
    assert page.evaluate("window.__sameDocument") is True
    assert page.evaluate("window.__xss") is None


_MORE = """
from humandesk.conversations import services
from humandesk.conversations.models import Conversation
conv = Conversation.objects.get(pk={pk})
{code}
"""


class _FakeStaffStream:
    """Plays the server side of /ws/staff/ inside the browser, to drive live.js deterministically."""

    def __init__(self, page):
        self.page = page
        self.sockets = []
        page.route_web_socket("**/ws/staff/**", self._accept)

    def _accept(self, socket):
        self.sockets.append(socket)
        socket.send(json.dumps({"type": "hello", "last_event_id": 0}))

    def wait_for(self, count: int):
        for _ in range(200):
            if len(self.sockets) >= count:
                return self.sockets[count - 1]
            self.page.wait_for_timeout(50)
        raise AssertionError(f"live.js opened {len(self.sockets)} sockets, expected {count}")

    def event(self, event_id: int, kind: str, conversation: int):
        payload = {"type": "event", "id": event_id, "kind": kind, "conversation": conversation,
                   "data": {}, "at": "2026-01-01T00:00:00+00:00", "public": True}
        self.sockets[-1].send(json.dumps(payload))


def test_live_script_follows_the_stream(server, new_page):
    """live.js resumes after the rendered event id, appends new messages once, refreshes the
    header, reconnects with the last id it saw, and reloads on reset."""
    from playwright.sync_api import expect

    pk = _new_conversation(server, "Олег Тихонов", "Палатка протекает по шву.")
    page = new_page()
    stream = _FakeStaffStream(page)
    login(page, server.url, "anna")
    page.wait_for_url(server.url + "/")
    stream.wait_for(1)  # the inbox's socket
    page.goto(f"{server.url}/conversations/{pk}/")
    stream.wait_for(2)
    rendered = page.get_attribute("body", "data-last-event")
    opened = len(stream.sockets)
    assert stream.wait_for(opened).url.endswith(f"/ws/staff/?after={rendered}")
    page.evaluate("window.__sameDocument = true")

    server.manage("shell", "-c", _MORE.format(pk=pk, code="services.post_customer_message(conv, 'Фото шва прикладываю')"))
    stream.event(900001, "message_created", pk)
    stream.event(900001, "message_created", pk)  # replayed twice: ignored
    stream.event(900002, "message_created", pk)
    expect(page.locator("#thread .msg--customer").last).to_contain_text("Фото шва прикладываю")
    page.wait_for_timeout(300)
    assert page.locator("#thread .msg").count() == 2

    server.manage("shell", "-c", _MORE.format(pk=pk, code="services.change_status(conv, 'pending', actor=None)"))
    stream.event(900003, "status_changed", pk)
    expect(page.locator("#conv-header .status")).to_have_text("Ожидает")

    stream.sockets[-1].close(code=1011, reason="server restart")
    assert stream.wait_for(opened + 1).url.endswith("/ws/staff/?after=900003")
    assert page.evaluate("window.__sameDocument") is True

    stream.sockets[-1].send(json.dumps({"type": "reset"}))
    page.wait_for_function("window.__sameDocument === undefined")


def test_live_script_refreshes_the_inbox(server, new_page):
    """On any workspace event the open inbox refreshes its list and counts."""
    from playwright.sync_api import expect

    page = new_page()
    stream = _FakeStaffStream(page)
    login(page, server.url, "anna")
    page.wait_for_url(server.url + "/")
    stream.wait_for(1)
    page.evaluate("window.__sameDocument = true")
    pk = _new_conversation(server, "Инна Берёзкина", "Подойдёт ли коврик к спальнику?")
    stream.event(900100, "conversation_created", pk)
    expect(page.locator("#inbox-list")).to_contain_text("Инна Берёзкина")
    assert page.evaluate("window.__sameDocument") is True
