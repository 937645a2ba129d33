"""The composer: replies and internal notes over HTMX, errors next to the composer, text kept."""

from humandesk.conversations import services
from humandesk.conversations.models import Message
from tests.ui.conftest import HX


def _send(client, conversation, body, mode="reply", **extra):
    return client.post(f"/conversations/{conversation.pk}/messages",
                       {"body": body, "mode": mode, "conversation": conversation.pk, **extra}, **HX)


def test_reply_is_stored_and_returned_as_fragments(anna_client, anna, conversation):
    """A reply is sent without a reload: a fresh composer, the new message and the panel come back."""
    response = _send(anna_client, conversation, "Иван, отправим новый чехол сегодня.")
    assert response.status_code == 200
    message = conversation.messages.get(seq=2)
    assert (message.kind, message.author, message.body) == ("reply", anna, "Иван, отправим новый чехол сегодня.")
    html = response.content.decode()
    assert html.lstrip().startswith('<form id="composer"')
    assert 'hx-swap-oob="beforeend:#thread"' in html and 'data-seq="2"' in html
    assert "<textarea" in html and "></textarea>" in html  # emptied
    conversation.refresh_from_db()
    assert conversation.assignee == anna  # replying to an unassigned chat takes it


def test_note_is_internal(anna_client, anna, conversation):
    """Note mode stores an internal note and keeps the composer in note mode."""
    response = _send(anna_client, conversation, "Клиент постоянный, можно скидку", mode="note")
    assert response.status_code == 200
    assert conversation.messages.get(seq=2).kind == "note"
    assert "composer composer--note" in response.content.decode()


def test_empty_message_shows_error_and_keeps_mode(anna_client, conversation):
    """An empty body is refused next to the composer; nothing is stored."""
    response = _send(anna_client, conversation, "   \n ", mode="note")
    assert response.status_code == 422
    html = response.content.decode()
    assert 'id="composer-error"' in html and "Сообщение пустое." in html
    assert "composer composer--note" in html
    assert conversation.messages.count() == 1


def test_too_long_message_shows_error_and_keeps_text(anna_client, conversation, settings):
    """A body over the limit is refused with the reason, and the typed text stays in the box."""
    settings.HUMANDESK_MAX_MESSAGE_CHARS = 20
    typed = "Очень длинный ответ <про палатку> & чехол"
    response = _send(anna_client, conversation, typed)
    assert response.status_code == 422
    html = response.content.decode()
    assert "слишком длинное" in html
    assert "Очень длинный ответ &lt;про палатку&gt; &amp; чехол</textarea>" in html
    assert conversation.messages.count() == 1


def test_reply_to_closed_conversation_is_refused_but_note_allowed(anna_client, anna, conversation):
    """A closed conversation refuses public replies with a clear reason; notes still work."""
    services.change_status(conversation, "closed", actor=anna)
    response = _send(anna_client, conversation, "Ещё раз здравствуйте")
    assert response.status_code == 422
    assert "Диалог закрыт" in response.content.decode()
    assert "Ещё раз здравствуйте</textarea>" in response.content.decode()
    assert _send(anna_client, conversation, "Заметка после закрытия", mode="note").status_code == 200


def test_double_submit_is_stored_once(anna_client, conversation):
    """The same composer sent twice (double click) stores one message."""
    for _ in range(2):
        _send(anna_client, conversation, "Отправили", client_id="composer-123")
    assert Message.objects.filter(conversation=conversation, body="Отправили").count() == 1


def test_plain_form_post_redirects_and_errors_render_the_page(anna_client, conversation):
    """Without HTMX a reply redirects back; an error re-renders the page with the text kept."""
    url = f"/conversations/{conversation.pk}/messages"
    response = anna_client.post(url, {"body": "Без HTMX", "mode": "reply"})
    assert response.status_code == 302 and response["Location"] == f"/conversations/{conversation.pk}/"
    response = anna_client.post(url, {"body": "", "mode": "reply"})
    assert response.status_code == 422
    assert "<html" in response.content.decode() and "Сообщение пустое." in response.content.decode()


def test_unknown_mode_is_a_reply(anna_client, conversation):
    """A forged mode value falls back to a public reply instead of failing."""
    _send(anna_client, conversation, "Ответ", mode="broadcast")
    assert conversation.messages.get(seq=2).kind == "reply"


def test_other_workspace_cannot_be_written_to(anna_client, other_workspace):
    """Posting into another workspace's conversation is a 404 and stores nothing."""
    foreign = other_workspace["conversation"]
    response = _send(anna_client, foreign, "Привет")
    assert response.status_code == 404
    assert foreign.messages.count() == 1
