"""Saving canned replies: cleaned fields, the coach's advice, must-fix rules, leads only, shipped defaults."""

import pytest
from django.core.exceptions import PermissionDenied

from humandesk.coach.services import check_text_for_save, set_must_fix_rules
from humandesk.replies import services
from humandesk.replies.models import LANGUAGES, CannedReply

OFFICIALESE = "Уважаемый клиент! Ваш заказ будет доставлен в течение 3 дней. Напишите, если что-то не так."


def _create(workspace, actor, **fields):
    data = {"lang": "ru", "shortcut": "late", "title": "Задержка", "body": OFFICIALESE, **fields}
    return services.create_reply(workspace, actor=actor, **data)


def test_coach_findings_are_returned_and_the_reply_is_saved(workspace, olga):
    """The coach's advice comes back with the saved reply; advice does not block saving."""
    result = _create(workspace, olga)
    assert {"bureaucratese", "passive_voice"} <= {f.rule for f in result.findings}
    assert CannedReply.objects.get(pk=result.reply.pk).body == OFFICIALESE


def test_clean_reply_has_no_findings(delivery, workspace, olga):
    """A reply in the house voice saves with no advice, shortcut stored without its slash."""
    assert delivery.shortcut == "delivery"
    result = services.update_reply(delivery, actor=olga, lang="ru", shortcut="Delivery", title=delivery.title,
                                   body=delivery.body)
    assert result.findings == [] and result.reply.shortcut == "delivery"


def test_must_fix_rule_refuses_the_save_with_the_reason(workspace, olga):
    """A rule the lead marked must-fix refuses the save, says why, and stores nothing."""
    set_must_fix_rules(workspace, {"bureaucratese"}, actor=olga)
    with pytest.raises(services.ReplyError) as caught:
        _create(workspace, olga)
    assert caught.value.code == "must_fix" and caught.value.field == "body"
    blocking = [f for f in caught.value.findings if f.rule == "bureaucratese"]
    assert blocking and blocking[0].message in caught.value.reason
    assert not CannedReply.objects.exists()


def test_must_fix_refuses_an_edit_and_keeps_the_old_text(delivery, workspace, olga):
    """Editing a reply into must-fix trouble leaves the stored reply as it was."""
    set_must_fix_rules(workspace, {"bureaucratese"}, actor=olga)
    with pytest.raises(services.ReplyError):
        services.update_reply(delivery, actor=olga, lang="ru", shortcut="delivery", title="x", body=OFFICIALESE)
    delivery.refresh_from_db()
    assert "Уважаемый" not in delivery.body and delivery.title == "Сроки доставки"


@pytest.mark.parametrize(("fields", "code"), [
    ({"body": "Здравствуйте, {{ settings.SECRET_KEY }}!"}, "unknown_variable"),
    ({"body": "   "}, "invalid_body"),
    ({"body": "x" * 5001}, "invalid_body"),
    ({"shortcut": "две строки"}, "invalid_shortcut"),
    ({"shortcut": "/"}, "invalid_shortcut"),
    ({"lang": "de"}, "invalid_language"),
    ({"title": " "}, "invalid_title"),
])
def test_bad_fields_are_refused_with_a_code(workspace, olga, fields, code):
    """Each kind of bad input gets its own clear error, and nothing is stored."""
    with pytest.raises(services.ReplyError) as caught:
        _create(workspace, olga, **fields)
    assert caught.value.code == code
    assert not CannedReply.objects.exists()


def test_a_shortcut_is_unique_per_language(delivery, workspace, olga):
    """The same shortcut twice in one language is refused; in another language it is fine."""
    with pytest.raises(services.ReplyError) as caught:
        _create(workspace, olga, shortcut="/DELIVERY")
    assert caught.value.code == "duplicate_shortcut"
    assert _create(workspace, olga, shortcut="delivery", lang="en", body="We ship in 3–7 days.").reply.pk


def test_agents_cannot_create_edit_or_delete(delivery, workspace, anna):
    """Canned replies are workspace-wide: only a lead or an admin changes them."""
    with pytest.raises(PermissionDenied):
        _create(workspace, anna)
    with pytest.raises(PermissionDenied):
        services.update_reply(delivery, actor=anna, lang="ru", shortcut="d", title="t", body="Текст.")
    with pytest.raises(PermissionDenied):
        services.delete_reply(delivery, actor=anna)
    assert CannedReply.objects.filter(pk=delivery.pk).exists()


def test_a_lead_of_another_workspace_cannot_touch_ours(delivery, other_workspace):
    """A lead's role counts only in their own workspace."""
    intruder = other_workspace["user"]
    intruder.role = "lead"
    intruder.save()
    with pytest.raises(PermissionDenied):
        services.delete_reply(delivery, actor=intruder)


def test_seed_defaults_loads_every_language_once(workspace, olga):
    """The shipped replies arrive once; a reply the lead deleted does not come back."""
    added = services.seed_defaults(workspace)
    counts = {lang: CannedReply.objects.filter(workspace=workspace, lang=lang).count() for lang in LANGUAGES}
    assert all(count >= 10 for count in counts.values()) and added == sum(counts.values())
    services.delete_reply(CannedReply.objects.get(workspace=workspace, lang="ru", shortcut="delivery"), actor=olga)
    assert services.seed_defaults(workspace) == 0
    assert not CannedReply.objects.filter(workspace=workspace, lang="ru", shortcut="delivery").exists()


def test_seed_defaults_keeps_a_shortcut_the_team_already_made(delivery, workspace):
    """Our default never overwrites the team's own reply with the same shortcut."""
    services.seed_defaults(workspace)
    assert CannedReply.objects.get(workspace=workspace, lang="ru", shortcut="delivery").body == delivery.body


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shipped_replies_pass_the_coach(workspace, lang):
    """Every default reply is in the house voice: the coach finds nothing, and it is in its language."""
    replies = services.default_replies(lang)
    assert len(replies) >= 10
    for item in replies:
        report = check_text_for_save(workspace, item["body"], lang)
        assert report.findings == [], (item["shortcut"], report.rules)
        assert check_text_for_save(workspace, item["body"]).lang == lang, item["shortcut"]


def test_the_demo_workspace_comes_with_the_shipped_replies(db):
    """`humandesk demo` gives «Тундра» the default replies in all three languages."""
    from humandesk.demo.workspace import build_workspace

    workspace = build_workspace()
    langs = set(CannedReply.objects.filter(workspace=workspace).values_list("lang", flat=True))
    assert langs == set(LANGUAGES)
