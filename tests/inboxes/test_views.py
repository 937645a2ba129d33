"""Widget HTTP: the embeddable script, visitor sessions, history, CORS and bad input."""

import json

import pytest

from humandesk.conversations import services
from humandesk.inboxes.adapters import widget

pytestmark = pytest.mark.django_db

SHOP = "https://shop.tundra.example"


def _session(client, payload, origin: str | None = SHOP):
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    return client.post("/widget/session", data=json.dumps(payload) if not isinstance(payload, str) else payload,
                       content_type="application/json", **headers)


def test_widget_script_is_served_as_javascript_with_its_styles(client):
    """GET /widget.js returns the script, cacheable, with the stylesheet bundled in."""
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert "max-age" in response["Cache-Control"]
    body = response.content.decode()
    assert "humandeskWidget" in body and ".hd-launcher" in body
    assert "__HUMANDESK_WIDGET_CSS__" not in body
    assert client.post("/widget.js").status_code == 405


def test_session_starts_a_visitor_with_the_inbox_settings(client, widget_inbox):
    """A new visitor gets a token and the widget's look; no contact or conversation yet."""
    widget_inbox.greeting = "Здравствуйте! Чем помочь?"
    widget_inbox.widget_title = "Тундра · поддержка"
    widget_inbox.save()
    response = _session(client, {"inbox": widget_inbox.public_key})
    data = response.json()
    assert response.status_code == 200
    assert data["conversation"] is None and data["contact"] == {"name": "", "email": ""}
    assert (data["title"], data["greeting"], data["color"], data["language"]) == (
        "Тундра · поддержка", "Здравствуйте! Чем помочь?", "#2563eb", "ru")
    assert widget.read_token(data["token"]).inbox == widget_inbox
    assert widget_inbox.workspace.contacts.count() == 0


def test_session_resumes_the_visitor_of_a_previous_token(client, widget_inbox):
    """The same visitor comes back with their open conversation and contact details."""
    first = _session(client, {"inbox": widget_inbox.public_key}).json()
    visitor = widget.read_token(first["token"])
    conversation, _ = widget.conversation_for_message(visitor, "Здравствуйте")
    widget.send_message(visitor, conversation.pk, "Здравствуйте", "c-1")
    widget.identify_visitor(visitor, "ivan@example.com", "Иван")

    again = _session(client, {"inbox": widget_inbox.public_key, "token": first["token"]}).json()
    assert widget.read_token(again["token"]).visitor_id == visitor.visitor_id
    assert again["conversation"] == conversation.pk
    assert again["contact"] == {"name": "Иван", "email": "ivan@example.com"}


@pytest.mark.parametrize("token", ["forged", 42, {"x": 1}])
def test_session_with_a_bad_previous_token_starts_a_new_visitor(client, widget_inbox, token):
    """A forged or odd token is not an error: the visitor simply starts afresh."""
    response = _session(client, {"inbox": widget_inbox.public_key, "token": token})
    assert response.status_code == 200 and widget.read_token(response.json()["token"])


def test_token_of_another_inbox_does_not_carry_over(client, widget_inbox, other_workspace):
    """A token from one inbox names a new visitor in another."""
    other = other_workspace["inbox"]
    foreign = widget.issue_token(other, "visitor-of-other")
    data = _session(client, {"inbox": widget_inbox.public_key, "token": foreign}).json()
    visitor = widget.read_token(data["token"])
    assert visitor.inbox == widget_inbox and visitor.visitor_id != "visitor-of-other"


@pytest.mark.parametrize("payload", [{"inbox": "no-such-key"}, {}, {"inbox": 5}, {"inbox": "x" * 100}])
def test_unknown_inbox_key_is_a_json_404(client, widget_inbox, payload):
    """A bad key gets a JSON error the widget can show, not an HTML page."""
    response = _session(client, payload)
    assert response.status_code == 404 and response.json()["error"] == "unknown_inbox"


def test_email_inbox_key_is_not_a_widget(client, workspace):
    """Only widget inboxes open visitor sessions."""
    from humandesk.inboxes.models import Inbox

    inbox = Inbox.objects.create(workspace=workspace, name="Почта", channel_type="email")
    assert _session(client, {"inbox": inbox.public_key}).status_code == 404


@pytest.mark.parametrize("raw", ["not json", "[1]", '"x"', "{" + " " * 9000 + "}"])
def test_malformed_session_request_is_a_json_400(client, widget_inbox, raw):
    """Broken JSON, non-objects and oversize bodies are refused clearly."""
    response = _session(client, raw)
    assert response.status_code == 400 and response.json()["error"] == "bad_request"


def test_cors_allows_any_site_when_the_inbox_lists_none(client, widget_inbox):
    """An inbox without allowed origins answers every site, echoing its origin."""
    response = _session(client, {"inbox": widget_inbox.public_key}, origin="https://blog.example")
    assert response["Access-Control-Allow-Origin"] == "https://blog.example"
    assert "Origin" in response["Vary"]
    assert "Access-Control-Allow-Credentials" not in response


def test_cors_refuses_sites_the_inbox_does_not_list(client, widget_inbox):
    """With allowed origins set, other sites get a readable 403 and no token."""
    widget_inbox.allowed_origins = f"{SHOP}/\nhttps://tundra.example"
    widget_inbox.save()
    ok = _session(client, {"inbox": widget_inbox.public_key}, origin=SHOP)
    assert ok.status_code == 200 and ok["Access-Control-Allow-Origin"] == SHOP
    refused = _session(client, {"inbox": widget_inbox.public_key}, origin="https://evil.example")
    assert refused.status_code == 403 and refused.json()["error"] == "origin_not_allowed"
    assert "token" not in refused.json()


def test_preflight_is_answered(client):
    """The browser's OPTIONS preflight for the JSON POST succeeds."""
    response = client.options("/widget/session", HTTP_ORIGIN=SHOP,
                              HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
                              HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type")
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == SHOP
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert "Content-Type" in response["Access-Control-Allow-Headers"]


def test_session_needs_no_csrf_token(widget_inbox):
    """Customers' sites have no CSRF cookie; the token-based endpoint works without it."""
    from django.test import Client

    response = _session(Client(enforce_csrf_checks=True), {"inbox": widget_inbox.public_key})
    assert response.status_code == 200


def test_history_lists_public_messages_in_order(client, widget_inbox, anna):
    """History is the fresh load: public messages by seq, status and the stream cursor."""
    token = _session(client, {"inbox": widget_inbox.public_key}).json()["token"]
    visitor = widget.read_token(token)
    conversation, _ = widget.conversation_for_message(visitor, "Вопрос про горелку")
    widget.send_message(visitor, conversation.pk, "Вопрос про горелку", "c-1")
    services.add_note(conversation, anna, "внутренняя заметка")
    services.post_reply(conversation, anna, "<b>Ответ</b>")

    response = client.get("/widget/history", {"token": token}, HTTP_ORIGIN=SHOP)
    data = response.json()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert [(m["seq"], m["kind"], m["body"]) for m in data["messages"]] == [
        (1, "customer", "Вопрос про горелку"), (3, "reply", "<b>Ответ</b>")]
    assert data["conversation"] == conversation.pk and data["status"] == "open"
    assert data["last_event_id"] == conversation.events.filter(public=True).order_by("-id").first().pk
    assert all(m["author"] is None or m["author"]["id"] is None for m in data["messages"])


def test_history_refuses_bad_tokens_and_other_peoples_conversations(client, widget_inbox, conversation):
    """A forged token is 401; another contact's conversation id is 404, as if it did not exist."""
    assert client.get("/widget/history", {"token": "forged"}).status_code == 401
    token = _session(client, {"inbox": widget_inbox.public_key}).json()["token"]
    response = client.get("/widget/history", {"token": token, "conversation": conversation.pk})
    assert response.status_code == 404 and response.json()["error"] == "not_found"
    assert client.get("/widget/history", {"token": token, "conversation": "abc"}).status_code == 404
