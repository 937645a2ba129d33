"""The agent sidebar: suggested articles for the customer's question, steps to insert, and
the "should be in the knowledge base" mark."""

import html

import pytest
from django.urls import reverse

from humandesk.conversations import services as conversations
from humandesk.knowledge import services
from humandesk.knowledge.models import QuestionSource, UnansweredQuestion

STEPS_ARTICLE = {
    "id": "warranty-steps", "lang": "ru", "title": "Как оформить гарантийный ремонт палатки", "category": "Возврат",
    "visibility": "public", "tags": ["гарантия", "ремонт", "палатка"],
    "body": "# Гарантия\n\nЕсли палатка порвалась или сломалась:\n\n1. **Сфотографируйте** поломку.\n"
            "2. Пришлите фото и [номер заказа](https://example.org/orders) в чат.\n3. Ждите ответа 3 дня.\n",
}


@pytest.fixture
def agent_client(client, anna):
    client.force_login(anna)
    return client


@pytest.fixture
def kb_steps(kb, workspace):
    return {**kb, **{a.external_id: a for a in services.import_articles(workspace, [STEPS_ARTICLE])}}


def _sidebar(client, conversation):
    response = client.get(reverse("knowledge:suggest", args=[conversation.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_sidebar_suggests_articles_with_plain_text_steps(agent_client, kb_steps, conversation):
    """The torn-tent question brings the warranty steps; the button carries the numbered
    steps as plain text (no Markdown marks, link text kept), not a link."""
    page = _sidebar(agent_client, conversation)
    assert "Как оформить гарантийный ремонт палатки" in page
    assert page.count("data-kb-insert=") <= 3
    steps = [html.unescape(chunk.split('"', 1)[0]) for chunk in page.split('data-kb-insert="')[1:]]
    expected = ("Если палатка порвалась или сломалась:\n1. Сфотографируйте поломку.\n"
                "2. Пришлите фото и номер заказа в чат.\n3. Ждите ответа 3 дня.")
    assert expected in steps


def test_sidebar_includes_internal_articles_for_the_latest_question(agent_client, kb, conversation, anna):
    """Agents see internal SOPs too, and the newest customer question after a reply wins."""
    conversations.post_reply(conversation, anna, "Сейчас посмотрю.")
    conversations.post_customer_message(conversation, "какой лимит компенсации может дать оператор?")
    page = _sidebar(agent_client, conversation)
    first = page.split('<li class="kb-suggest__item">')[1]
    assert "СОП: лимит компенсации оператора" in first


def test_sidebar_of_another_workspace_is_404(agent_client, kb, other_workspace):
    """Another workspace's conversation is not found, for reading and for marking."""
    foreign = other_workspace["conversation"]
    assert agent_client.get(reverse("knowledge:suggest", args=[foreign.pk])).status_code == 404
    assert agent_client.post(reverse("knowledge:suggest_gap", args=[foreign.pk])).status_code == 404
    assert not UnansweredQuestion.objects.exists()


def test_sidebar_needs_login(client, conversation):
    """Anonymous visitors are sent to the login page."""
    response = client.get(reverse("knowledge:suggest", args=[conversation.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_marking_a_gap_records_the_question_once(agent_client, kb, conversation, anna):
    """"Should be in the knowledge base" stores the customer's question as an agent mark and
    returns the fragment saying so; a second click does not count it twice."""
    url = reverse("knowledge:suggest_gap", args=[conversation.pk])
    page = agent_client.post(url).content.decode()
    assert "kb-suggest__marked" in page and reverse("knowledge:suggest_gap", args=[conversation.pk]) not in page
    agent_client.post(url)
    question = UnansweredQuestion.objects.get()
    assert question.text == "Здравствуйте! Палатка пришла с порванным чехлом."
    assert question.source == QuestionSource.AGENT and question.marked_by == anna
    assert question.conversation == conversation and question.gap.question_count == 1


def test_marking_requires_post(agent_client, conversation):
    """A GET never records anything."""
    assert agent_client.get(reverse("knowledge:suggest_gap", args=[conversation.pk])).status_code == 405


def test_conversation_page_loads_the_sidebar(agent_client, conversation):
    """The agent's conversation page asks for the fragment and loads the insert script."""
    page = agent_client.get(reverse("ui:conversation", args=[conversation.pk])).content.decode()
    assert reverse("knowledge:suggest", args=[conversation.pk]) in page
    assert "knowledge/suggest.js" in page
