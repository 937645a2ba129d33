"""The agent's sidebar fragment and the lead-only playbook pages."""

import pytest
from django.urls import reverse

from humandesk.playbooks import services
from humandesk.playbooks.models import Playbook


def _sidebar(conversation):
    return reverse("playbooks:sidebar", args=[conversation.pk])


def test_sidebar_reads_the_latest_customer_message(client, anna, angry_conversation):
    """The fragment shows the mood of the last customer message and checklists in the agent's language."""
    client.force_login(anna)
    response = client.get(_sidebar(angry_conversation))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-emotion="anger"' in html
    assert 'data-situation="service_failure"' in html
    assert "Дайте выговориться" in html  # the Russian anger playbook, for a Russian-speaking agent
    assert html.count('type="checkbox"') >= 5
    assert "<html" not in html  # a fragment, not a page


def test_sidebar_uses_the_agents_language_for_steps(client, kate, angry_conversation):
    client.force_login(kate)
    html = client.get(_sidebar(angry_conversation)).content.decode()
    assert "Let them vent" in html


def test_sidebar_shows_the_workspace_override(client, anna, olga, angry_conversation):
    playbook = services.customize_playbook(angry_conversation.workspace, "anger", "ru", editor=olga)
    services.update_playbook(playbook, title="Злится", steps=["Наш особый шаг"], editor=olga)
    client.force_login(anna)
    assert "Наш особый шаг" in client.get(_sidebar(angry_conversation)).content.decode()


def test_sidebar_of_another_workspace_is_404(client, anna, other_workspace):
    client.force_login(anna)
    assert client.get(_sidebar(other_workspace["conversation"])).status_code == 404
    response = client.post(_sidebar(other_workspace["conversation"]), {"playbook": "anger", "step": "0"})
    assert response.status_code == 404


def test_post_toggles_a_step_and_returns_the_fragment(client, anna, angry_conversation):
    """Ticking a step stores it for this conversation; ticking again clears it."""
    client.force_login(anna)
    url = _sidebar(angry_conversation)
    html = client.post(url, {"playbook": "anger", "step": "0"}).content.decode()
    assert html.count("checked") == 1
    assert client.get(url).content.decode().count("checked") == 1
    assert client.post(url, {"playbook": "anger", "step": "0"}).content.decode().count("checked") == 0


@pytest.mark.parametrize("data", [{"playbook": "anger", "step": "99"}, {"playbook": "anger", "step": "x"},
                                  {"playbook": "nope", "step": "0"}, {}])
def test_post_with_a_bad_step_is_400(client, anna, angry_conversation, data):
    client.force_login(anna)
    assert client.post(_sidebar(angry_conversation), data).status_code == 400


def test_sidebar_without_customer_message(client, anna, widget_inbox, ivan):
    from humandesk.conversations import services as conversation_services

    conv = conversation_services.start_conversation(widget_inbox, ivan)
    client.force_login(anna)
    response = client.get(_sidebar(conv))
    assert response.status_code == 200 and 'class="mood-none"' in response.content.decode()


def test_agents_cannot_edit_playbooks(client, anna, olga, workspace):
    """Non-leads get 403 on every edit page."""
    playbook = services.customize_playbook(workspace, "idea", "ru", editor=olga)
    client.force_login(anna)
    assert client.get(reverse("playbooks:list")).status_code == 403
    assert client.post(reverse("playbooks:customize"), {"key": "idea", "lang": "en"}).status_code == 403
    assert client.post(reverse("playbooks:edit", args=[playbook.pk]), {"title": "x", "steps": "y"}).status_code == 403
    assert client.post(reverse("playbooks:reset", args=[playbook.pk])).status_code == 403
    assert Playbook.objects.get().title == playbook.title


def test_lead_customizes_edits_and_resets(client, olga, workspace):
    client.force_login(olga)
    assert "price_question" in client.get(reverse("playbooks:list")).content.decode()
    response = client.post(reverse("playbooks:customize"), {"key": "price_question", "lang": "es"})
    playbook = Playbook.objects.get(workspace=workspace, situation="price_question", lang="es")
    assert response.url == reverse("playbooks:edit", args=[playbook.pk])
    assert client.get(response.url).status_code == 200
    client.post(response.url, {"title": "Precio", "steps": "Preguntar\n\nExplicar\n"})
    assert services.get_playbook(workspace, "price_question", "es").steps == ("Preguntar", "Explicar")
    assert client.post(response.url, {"title": "Precio", "steps": "  "}).status_code == 400
    client.post(reverse("playbooks:reset", args=[playbook.pk]))
    assert not services.get_playbook(workspace, "price_question", "es").customized


def test_lead_cannot_reach_another_workspaces_playbook(client, olga, other_workspace):
    from humandesk.accounts.models import User

    their_lead = User.objects.create_user(username="boss", password="x" * 12,
                                          workspace=other_workspace["workspace"], role="lead")
    theirs = services.customize_playbook(other_workspace["workspace"], "idea", "en", editor=their_lead)
    client.force_login(olga)
    assert client.get(reverse("playbooks:edit", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("playbooks:reset", args=[theirs.pk])).status_code == 404
    assert Playbook.objects.filter(pk=theirs.pk).exists()
