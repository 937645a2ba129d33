"""Playbook lookup (workspace override, else shipped default) and the state changes."""

import pytest

from humandesk.playbooks import services
from humandesk.playbooks.defaults import KEYS, LANGUAGES, default_playbook
from humandesk.playbooks.models import Playbook, PlaybookProgress


def test_every_key_ships_in_every_language():
    """The default data covers all situations and the emotion playbooks in ru, en and es."""
    for lang in LANGUAGES:
        for key in KEYS:
            shipped = default_playbook(key, lang)
            assert shipped and shipped["title"] and len(shipped["steps"]) >= 2, (key, lang)


def test_falls_back_to_the_shipped_default(workspace):
    view = services.get_playbook(workspace, "how_to", "en")
    assert not view.customized
    assert view.steps[-1] == "Ask whether it worked."


def test_workspace_override_wins_and_stays_in_its_workspace(workspace, olga, other_workspace):
    """A lead's edit applies to their workspace only; the other keeps the default."""
    playbook = services.customize_playbook(workspace, "idea", "ru", editor=olga)
    services.update_playbook(playbook, title="Идеи", steps=["Поблагодарить", "", "Записать в трекер"], editor=olga)
    mine = services.get_playbook(workspace, "idea", "ru")
    assert mine.customized and mine.steps == ("Поблагодарить", "Записать в трекер")
    assert not services.get_playbook(other_workspace["workspace"], "idea", "ru").customized
    assert not services.get_playbook(workspace, "idea", "en").customized


def test_reset_brings_the_default_back(workspace, olga):
    playbook = services.customize_playbook(workspace, "trolling", "es", editor=olga)
    services.reset_playbook(playbook)
    assert not services.get_playbook(workspace, "trolling", "es").customized
    assert not Playbook.objects.exists()


@pytest.mark.parametrize("steps, code", [([" ", ""], "empty"), (["x"] * 31, "too_many"), (["x" * 501], "too_long")])
def test_bad_steps_are_refused(workspace, olga, steps, code):
    playbook = services.customize_playbook(workspace, "idea", "en", editor=olga)
    with pytest.raises(services.PlaybookError) as exc:
        services.update_playbook(playbook, title="t", steps=steps, editor=olga)
    assert exc.value.code == code
    playbook.refresh_from_db()
    assert playbook.steps == default_playbook("idea", "en")["steps"]


def test_unknown_key_or_language_has_no_playbook(workspace, olga):
    assert services.get_playbook(workspace, "joy", "ru") is None
    assert services.get_playbook(workspace, "idea", "de") is None
    with pytest.raises(services.PlaybookError):
        services.customize_playbook(workspace, "nonsense", "ru", editor=olga)


def test_toggle_step_ticks_and_unticks(conversation, anna):
    assert services.toggle_step(conversation, "anger", 1, user=anna, steps_count=5) is True
    assert PlaybookProgress.objects.filter(conversation=conversation, playbook="anger", step=1).exists()
    assert services.toggle_step(conversation, "anger", 1, user=anna, steps_count=5) is False
    assert not PlaybookProgress.objects.exists()
    with pytest.raises(services.PlaybookError):
        services.toggle_step(conversation, "anger", 5, user=anna, steps_count=5)
