"""Coach services: context from the conversation, recording sent replies, glossary and rules."""

import pytest
from django.core.exceptions import PermissionDenied

from humandesk.coach import services
from humandesk.coach.models import GlossaryEntry, ReplyFinding
from humandesk.conversations import services as conversations

pytestmark = pytest.mark.django_db


def test_first_reply_expects_a_greeting_and_knows_the_name(workspace, conversation):
    """No reply yet: greeting expected, and the suggestion greets the contact by first name."""
    report = services.check_draft(workspace, "Чехол заменим, курьер приедет завтра.", conversation=conversation)
    greeting = [f for f in report.findings if f.rule == "greeting_missing"]
    assert greeting and greeting[0].suggestion.startswith("Здравствуйте, Иван!")


def test_later_replies_need_no_greeting(workspace, conversation, anna):
    """Once an agent has replied, the next draft does not need a greeting."""
    conversations.post_reply(conversation, anna, "Здравствуйте! Уже смотрю.")
    report = services.check_draft(workspace, "Чехол заменим, курьер приедет завтра.", conversation=conversation)
    assert "greeting_missing" not in report.rules


def test_incident_tag_asks_for_an_apology(workspace, conversation, anna):
    """A conversation tagged "incident" means our fault: a draft without an apology is flagged."""
    conversations.set_tags(conversation, ["incident"], actor=anna)
    report = services.check_draft(workspace, "Здравствуйте! Чехол заменим завтра.", conversation=conversation)
    assert "apology_missing" in report.rules


def test_customer_message_feeds_the_next_step_rule(workspace, conversation, anna):
    """The customer's torn cover is trouble: a reply with no way forward is flagged."""
    conversations.post_reply(conversation, anna, "Здравствуйте!")
    report = services.check_draft(workspace, "Жаль это слышать.", conversation=conversation)
    assert "next_step_missing" in report.rules


def test_check_draft_refuses_another_workspace_conversation(workspace, other_workspace):
    """A conversation of another workspace is never read."""
    with pytest.raises(PermissionDenied):
        services.check_draft(workspace, "Привет", conversation=other_workspace["conversation"])


def test_record_findings_is_idempotent(conversation, anna):
    """Recording the same sent reply twice stores its findings once, with agent and language."""
    message = conversations.post_reply(conversation, anna, "Ваш заказ был отправлен вчера.")
    first = services.record_findings(message)
    second = services.record_findings(message)
    stored = ReplyFinding.objects.filter(message=message)
    # The customer wrote about a torn cover, so the missing next step counts too.
    assert {f.rule for f in first} == {"greeting_missing", "passive_voice", "next_step_missing"}
    assert stored.count() == len(first) == len(second)
    assert {(f.agent_id, f.lang) for f in stored} == {(anna.pk, "ru")}


def test_record_findings_skips_customer_messages(conversation):
    """Only our replies are coached and counted."""
    message = conversation.messages.get(seq=1)
    assert services.record_findings(message) == []


def test_glossary_is_seeded_once_and_deletions_stick(workspace, olga):
    """A new workspace gets the default glossary; a deleted line does not come back."""
    items = services.glossary_for(workspace, "ru")
    assert any(i.unsuitable == "нет проблем" for i in items)
    entry = GlossaryEntry.objects.get(workspace=workspace, lang="ru", unsuitable="нет проблем")
    services.delete_glossary_entry(entry, actor=olga)
    assert not any(i.unsuitable == "нет проблем" for i in services.glossary_for(workspace, "ru"))
    report = services.check_text_for_save(workspace, "Нет проблем, всё сделаю.", lang="ru")
    assert "unsuitable_phrase" not in report.rules


def test_lead_adds_an_entry_that_the_checker_uses(workspace, olga):
    """A lead's new glossary line flags the phrase in drafts of that language."""
    services.add_glossary_entry(workspace, actor=olga, lang="ru", unsuitable="ок", suitable="Хорошо")
    report = services.check_text_for_save(workspace, "Ок, сделаю сегодня.", lang="ru")
    assert [f.suggestion for f in report.findings if f.rule == "unsuitable_phrase"] == ["Хорошо"]


def test_glossary_edits_are_validated(workspace, olga):
    """Bad language, empty phrase or a duplicate give a GlossaryError with a reason."""
    for fields in ({"lang": "de", "unsuitable": "x", "suitable": "y"},
                   {"lang": "ru", "unsuitable": "  ", "suitable": "y"},
                   {"lang": "ru", "unsuitable": "нет проблем", "suitable": "y"}):
        with pytest.raises(services.GlossaryError):
            services.add_glossary_entry(workspace, actor=olga, **fields)


def test_agents_cannot_edit_settings(workspace, anna):
    """Glossary and rule edits are for leads and admins only."""
    with pytest.raises(PermissionDenied):
        services.add_glossary_entry(workspace, actor=anna, lang="ru", unsuitable="ок", suitable="Хорошо")
    with pytest.raises(PermissionDenied):
        services.set_must_fix_rules(workspace, {"blame"}, actor=anna)


def test_must_fix_findings(workspace, olga):
    """Only findings of rules the lead marked must-fix are returned."""
    services.set_must_fix_rules(workspace, {"blame"}, actor=olga)
    report = services.check_text_for_save(workspace, "Вы сами виноваты. Ваш заказ был отправлен.", lang="ru")
    assert {f.rule for f in services.must_fix_findings(workspace, report)} == {"blame"}
