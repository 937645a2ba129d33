"""The conversation page: access, thread rendering, fragments, hooks, escaping, query budget."""

import re

import pytest

from humandesk.conversations import services
from humandesk.conversations.models import Conversation
from tests.ui.conftest import HX


def _seqs(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'data-seq="(\d+)"', html)]


def test_page_requires_sign_in(client, conversation):
    """Anonymous visitors are sent to sign in, with the page to come back to."""
    response = client.get(f"/conversations/{conversation.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/login/?next=/conversations/{conversation.pk}/"


@pytest.mark.parametrize("path", ["/", "/messages?after_seq=0", "/panel"])
def test_other_workspace_conversation_is_404(anna_client, other_workspace, path):
    """Another workspace's conversation does not exist for this agent, on every endpoint."""
    base = f"/conversations/{other_workspace['conversation'].pk}"
    response = anna_client.get(base + path)
    assert response.status_code == 404
    assert "secret of the other workspace" not in response.content.decode()


def test_thread_shows_every_kind_with_author(anna_client, anna, conversation):
    """Customer, reply, internal note, bot and system lines render distinctly, with author and time."""
    services.post_bot_message(conversation, "Посмотрите инструкцию по возврату.")
    services.post_system_message(conversation, "Анна подключилась к чату")
    services.post_reply(conversation, anna, "Иван, пришлём новый чехол завтра.")
    services.add_note(conversation, anna, "Проверить склад в Казани")
    html = anna_client.get(f"/conversations/{conversation.pk}/").content.decode()
    for kind in ("customer", "bot", "system", "reply", "note"):
        assert f"msg msg--{kind}" in html
    assert "Иван Петров" in html and "Анна Смирнова" in html
    assert "видит только команда" in html
    assert html.count("<time datetime=") >= 5
    assert _seqs(html) == [1, 2, 3, 4, 5]


def test_sidebar_shows_contact_and_previous_conversations(anna_client, conversation, widget_inbox, ivan):
    """The contact card lists name, email, language and links to the contact's other conversations."""
    earlier = services.start_conversation(widget_inbox, ivan, subject="Доставка спальника")
    html = anna_client.get(f"/conversations/{conversation.pk}/").content.decode()
    assert "ivan@example.com" in html
    assert f'href="/conversations/{earlier.pk}/"' in html
    assert "Доставка спальника" in html


def test_only_allowed_status_moves_are_offered(anna_client, anna, conversation):
    """A resolved conversation offers reopen and close, nothing else."""
    services.change_status(conversation, "resolved", actor=anna)
    html = anna_client.get(f"/conversations/{conversation.pk}/").content.decode()
    offered = set(re.findall(r'data-status-target="(\w+)"', html))
    assert offered == {"open", "closed"}


def test_messages_fragment_after_seq(anna_client, anna, conversation):
    """The live fragment returns only messages after the given seq, in order, without the page."""
    for number in range(4):
        services.post_reply(conversation, anna, f"Ответ {number}")
    response = anna_client.get(f"/conversations/{conversation.pk}/messages?after_seq=2", **HX)
    html = response.content.decode()
    assert _seqs(html) == [3, 4, 5]
    assert "<html" not in html
    assert _seqs(anna_client.get(f"/conversations/{conversation.pk}/messages?after_seq=5").content.decode()) == []


def test_messages_fragment_needs_a_position(anna_client, conversation):
    """Without after_seq or before_seq (or with garbage) the fragment is a clear 400."""
    assert anna_client.get(f"/conversations/{conversation.pk}/messages").status_code == 400
    assert anna_client.get(f"/conversations/{conversation.pk}/messages?after_seq=-1").status_code == 400


def test_long_thread_shows_latest_and_loads_earlier(anna_client, anna, conversation, monkeypatch):
    """Only the latest messages render; a button loads the earlier ones before them."""
    from humandesk.ui.views import conversation as conversation_views

    monkeypatch.setattr(conversation_views, "THREAD_LIMIT", 3)
    for number in range(5):
        services.add_note(conversation, anna, f"Заметка {number}")
    html = anna_client.get(f"/conversations/{conversation.pk}/").content.decode()
    assert _seqs(html) == [4, 5, 6]
    assert "before_seq=4" in html
    earlier = anna_client.get(f"/conversations/{conversation.pk}/messages?before_seq=4", **HX).content.decode()
    assert _seqs(earlier) == [1, 2, 3]
    assert "before_seq" not in earlier


def test_panel_fragment_is_out_of_band(anna_client, conversation):
    """The panel the live script refreshes holds header and details, both out of band."""
    html = anna_client.get(f"/conversations/{conversation.pk}/panel", **HX).content.decode()
    assert html.count('hx-swap-oob="true"') == 2
    assert 'id="conv-header"' in html and 'id="conv-details"' in html


def test_message_markup_renders_inert(anna_client, anna, conversation):
    """Script tags and event-handler markup in messages, names and tags arrive escaped."""
    attack = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    services.post_customer_message(conversation, attack)
    services.add_note(conversation, anna, attack)
    services.set_tags(conversation, ['<b onmouseover="x()">'], actor=anna)
    conversation.contact.name = "<svg onload=alert(3)>"
    conversation.contact.save()
    for url in (f"/conversations/{conversation.pk}/", "/",
                f"/conversations/{conversation.pk}/messages?after_seq=0"):
        html = anna_client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "<img src=x" not in html and "<svg onload" not in html and "<b onmouseover" not in html
    html = anna_client.get(f"/conversations/{conversation.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_composer_posts_drafts_to_the_coach(anna_client, conversation):
    """The textarea posts drafts to the coach and the sidebar loads the mood and playbook."""
    html = anna_client.get(f"/conversations/{conversation.pk}/").content.decode()
    assert 'hx-post="/coach/check"' in html
    assert 'hx-trigger="input changed delay:400ms"' in html
    assert 'hx-include="[name=conversation]"' in html
    assert f'<input type="hidden" name="conversation" value="{conversation.pk}">' in html
    assert "coach/composer.js" in html
    assert f'hx-get="/playbooks/conversation/{conversation.pk}/"' in html


@pytest.mark.parametrize("extra", [0, 60])
def test_page_query_count_does_not_grow(anna_client, anna, kate, conversation, widget_inbox, ivan,
                                        extra, django_assert_max_num_queries):
    """The page costs the same number of queries with 1 or 120+ messages and many past conversations."""
    for number in range(extra):
        services.post_reply(conversation, anna if number % 2 else kate, f"Ответ {number}")
        services.add_note(conversation, kate, f"Заметка {number}")
        Conversation.objects.create(workspace=conversation.workspace, inbox=widget_inbox, contact=ivan)
    with django_assert_max_num_queries(10):
        response = anna_client.get(f"/conversations/{conversation.pk}/")
    assert len(_seqs(response.content.decode())) == 1 + 2 * extra
