"""The composer check endpoint and the lead's settings page, over HTTP."""

import pytest
from django.urls import reverse

from humandesk.coach import services
from humandesk.coach.models import GlossaryEntry
from humandesk.conversations import services as conversations

pytestmark = pytest.mark.django_db


@pytest.fixture
def agent_client(client, anna):
    client.force_login(anna)
    return client


@pytest.fixture
def lead_client(client, olga):
    client.force_login(olga)
    return client


def test_check_returns_the_findings_fragment(agent_client, conversation):
    """The fragment lists each finding with its span, explanation and a rewrite button."""
    response = agent_client.post(reverse("coach:check"), {"text": "Ваш заказ был отправлен.",
                                                          "conversation": conversation.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ваш заказ был отправлен" in html and 'data-coach-replacement="Ваш заказ мы отправили"' in html
    assert 'data-coach-start="0"' in html and "Здравствуйте, Иван!" in html


def test_check_json_with_utf16_offsets_and_must_fix(agent_client, workspace, olga):
    """Accept: application/json gives the report; offsets also in UTF-16 for the browser."""
    services.set_must_fix_rules(workspace, {"passive_voice"}, actor=olga)
    response = agent_client.post(reverse("coach:check"), {"text": "🙂 Ваш заказ был отправлен.", "lang": "ru"},
                                 HTTP_ACCEPT="application/json")
    finding = response.json()["findings"][0]
    assert finding["rule"] == "passive_voice" and finding["must_fix"] is True
    assert (finding["start"], finding["start_utf16"]) == (2, 3)


def test_check_normalises_browser_newlines(agent_client):
    """CRLF from the form is counted as the textarea's LF, so spans line up in the browser."""
    response = agent_client.post(reverse("coach:check"), {"text": "Привет!\r\nЗаказ был отправлен.", "lang": "ru"},
                                 HTTP_ACCEPT="application/json")
    finding = response.json()["findings"][0]
    assert "Привет!\nЗаказ был отправлен."[finding["start"]:finding["end"]] == finding["text"]


def test_check_escapes_the_draft(agent_client):
    """Markup in a draft is shown as text, never run."""
    response = agent_client.post(reverse("coach:check"),
                                 {"text": "<script>alert(1)</script> Ваш заказ был отправлен.", "lang": "ru"})
    assert "<script>alert(1)" not in response.content.decode()


def test_check_another_workspace_conversation_is_404(agent_client, other_workspace):
    """A conversation id from another workspace is a 404, as if it did not exist."""
    response = agent_client.post(reverse("coach:check"), {"text": "Привет",
                                                          "conversation": other_workspace["conversation"].pk})
    assert response.status_code == 404


def test_check_bad_input(agent_client, client):
    """Unknown language → 400 with a reason; anonymous → 403; GET not allowed."""
    response = agent_client.post(reverse("coach:check"), {"text": "Hallo", "lang": "de"},
                                 HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and "de" in response.json()["error"]
    assert agent_client.get(reverse("coach:check")).status_code == 405
    agent_client.logout()
    assert client.post(reverse("coach:check"), {"text": "x"}).status_code == 403


def test_settings_page_shows_the_seeded_glossary(agent_client):
    """Any staff member reads the settings; the default glossary is there."""
    response = agent_client.get(reverse("coach:settings"))
    assert response.status_code == 200 and "нет проблем" in response.content.decode()


def test_lead_edits_glossary_and_rules(lead_client, workspace):
    """A lead adds, edits and deletes glossary lines and marks rules must-fix."""
    lead_client.post(reverse("coach:glossary_add"), {"lang": "en", "unsuitable": "ASAP", "suitable": "by 5 pm"})
    entry = GlossaryEntry.objects.get(workspace=workspace, unsuitable="ASAP")
    lead_client.post(reverse("coach:glossary_edit", args=[entry.pk]),
                     {"lang": "en", "unsuitable": "ASAP", "suitable": "today by 5 pm", "note": "name a time"})
    entry.refresh_from_db()
    assert (entry.suitable, entry.note) == ("today by 5 pm", "name a time")
    lead_client.post(reverse("coach:rules"), {"must_fix": ["blame", "lecturing"]})
    assert services.must_fix_rules(workspace) == {"blame", "lecturing"}
    lead_client.post(reverse("coach:glossary_delete", args=[entry.pk]))
    assert not GlossaryEntry.objects.filter(pk=entry.pk).exists()


def test_agents_get_403_on_edits(agent_client, workspace):
    """Staff who are not lead or admin cannot change the glossary or the rules."""
    services.seed_glossary(workspace)
    entry = GlossaryEntry.objects.filter(workspace=workspace).first()
    assert agent_client.post(reverse("coach:glossary_add"),
                             {"lang": "ru", "unsuitable": "ок", "suitable": "хорошо"}).status_code == 403
    assert agent_client.post(reverse("coach:glossary_delete", args=[entry.pk])).status_code == 403
    assert agent_client.post(reverse("coach:rules"), {"must_fix": ["blame"]}).status_code == 403


def test_another_workspace_entry_is_404(lead_client, other_workspace):
    """A lead cannot reach another workspace's glossary line."""
    services.seed_glossary(other_workspace["workspace"])
    entry = GlossaryEntry.objects.filter(workspace=other_workspace["workspace"]).first()
    assert lead_client.post(reverse("coach:glossary_delete", args=[entry.pk])).status_code == 404
    assert GlossaryEntry.objects.filter(pk=entry.pk).exists()


def test_recorded_findings_follow_the_sent_reply(conversation, anna):
    """A sent reply's findings can be recorded for reports (the composer's send path calls this)."""
    message = conversations.post_reply(conversation, anna, "Здравствуйте! Мы не делаем скидки.")
    assert [f.rule for f in services.record_findings(message)] == ["bare_refusal"]


def test_check_accepts_the_composer_field_name(agent_client):
    """HTMX posts the textarea itself, named "body": the check reads it too."""
    response = agent_client.post(reverse("coach:check"), {"body": "Мы не делаем скидки.", "lang": "ru"},
                                 HTTP_ACCEPT="application/json")
    assert response.json()["rules"] == ["bare_refusal"]


@pytest.mark.parametrize("text", ["", "🙂🙂", "Guten Tag, wie geht es Ihnen?"])
def test_check_drafts_with_nothing_to_coach(agent_client, conversation, text):
    """Empty, emoji-only or foreign drafts get an empty report, not an error."""
    response = agent_client.post(reverse("coach:check"), {"text": text, "conversation": conversation.pk},
                                 HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response.json()["findings"] == []
