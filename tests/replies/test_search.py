"""The composer's picker: GET /replies/search finds replies and renders them for the conversation."""

import html as htmllib
import re

from humandesk.replies import services

HX = {"HTTP_HX_REQUEST": "true"}


def _texts(response) -> list[str]:
    assert response.status_code == 200
    return [htmllib.unescape(t) for t in re.findall(r'data-reply-text="([^"]*)"', response.content.decode())]


def _search(client, q, conversation=None, **extra):
    params = {"q": q, **({"conversation": conversation.pk} if conversation else {}), **extra}
    return client.get("/replies/search", params, **HX)


def test_shortcut_finds_the_reply_rendered_for_the_contact_and_agent(anna_client, delivery, conversation):
    """"/deliv" finds /delivery, with Ivan's and Anna's first names filled in; a fragment, not a page."""
    response = _search(anna_client, "/deliv", conversation)
    texts = _texts(response)
    assert texts and texts[0].startswith("Здравствуйте, Иван! Я Анна из «Тундры».")
    assert "<html" not in response.content.decode()


def test_title_and_body_words_find_replies_in_any_case(anna_client, delivery, conversation):
    """Words of the title or the text find the reply, whatever their case."""
    assert len(_texts(_search(anna_client, "СРОКИ", conversation))) == 1
    assert len(_texts(_search(anna_client, "точную дату", conversation))) == 1
    assert _texts(_search(anna_client, "возврат", conversation)) == []
    assert _texts(_search(anna_client, "/return", conversation)) == []


def test_the_conversations_language_comes_first(anna_client, delivery, conversation, workspace, olga):
    """In a Russian chat only the Russian version shows; an English-only reply still shows when it is all there is."""
    services.create_reply(workspace, actor=olga, lang="en", shortcut="delivery", title="Delivery",
                          body="Hi {{ contact.first_name }}, we deliver in 3–7 days.")
    services.create_reply(workspace, actor=olga, lang="en", shortcut="size", title="Sizes", body="Which size?")
    conversation.language = "ru"
    conversation.save()
    assert [t[:12] for t in _texts(_search(anna_client, "/delivery", conversation))] == ["Здравствуйте"]
    assert _texts(_search(anna_client, "/size", conversation)) == ["Which size?"]
    assert len(_texts(_search(anna_client, "/delivery", conversation, lang="all"))) == 2


def test_without_a_conversation_contact_variables_are_left_to_fill_in(anna_client, delivery):
    """No conversation: the agent's name is filled, the customer's stays visible and is listed."""
    response = _search(anna_client, "/delivery")
    assert _texts(response)[0].startswith("Здравствуйте, {{ contact.first_name }}! Я Анна")
    assert 'data-unresolved="contact.first_name"' in response.content.decode()


def test_contact_names_are_escaped_in_the_fragment(anna_client, delivery, conversation):
    """A contact called <script> is text in the fragment, never markup."""
    conversation.contact.name = '<script>alert(1)</script> "Иван"'
    conversation.contact.save()
    html = _search(anna_client, "/delivery", conversation).content.decode()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_another_workspaces_conversation_is_404(anna_client, delivery, other_workspace):
    """Rendering for a conversation we cannot see is refused as if it did not exist."""
    assert _search(anna_client, "/delivery", other_workspace["conversation"]).status_code == 404
    assert anna_client.get("/replies/search", {"q": "x", "conversation": "abc"}, **HX).status_code == 404


def test_another_workspaces_replies_are_never_found(client, delivery, other_workspace):
    """The intruder's search sees only their own workspace."""
    client.force_login(other_workspace["user"])
    assert _texts(client.get("/replies/search", {"q": "/delivery"}, **HX)) == []


def test_expired_session_redirects_the_whole_page(client, delivery):
    """An HTMX search without a session answers 401 with a redirect to sign in."""
    response = client.get("/replies/search", {"q": "/d"}, **HX)
    assert response.status_code == 401 and "HX-Redirect" in response
