"""Bad and odd input: every case gets a report or a CoachInputError, never another exception."""

import pytest

from humandesk.coach.engine import UNKNOWN, CoachInputError, Context, GlossaryItem, check_reply
from humandesk.coach.engine.checker import MAX_ANALYSED_CHARS


@pytest.mark.parametrize("text", ["", "   \n", "🙂🙂🙂", "12345 !!!", "https://tundra.example"])
def test_text_without_words_gives_a_clean_report(text):
    """Empty, emoji-only or number-only drafts: a report with no findings."""
    report = check_reply(text, Context(first_message=True))
    assert report.findings == [] and report.score == 100


def test_unknown_language_is_reported_not_raised():
    """Text in a language we do not coach comes back as lang "unknown"."""
    assert check_reply("Guten Tag, wie geht es Ihnen heute?").lang == UNKNOWN


@pytest.mark.parametrize("lang", ["de", "xx", 5])
def test_unsupported_language_raises_a_value_error(lang):
    """Asking for a language we do not have is a clear CoachInputError (a ValueError)."""
    with pytest.raises(CoachInputError) as caught:
        check_reply("Hallo", Context(lang=lang))
    assert caught.value.code == "unsupported_language" and isinstance(caught.value, ValueError)


def test_non_text_raises():
    """A draft that is not a string is refused with a CoachInputError."""
    with pytest.raises(CoachInputError):
        check_reply(None)  # type: ignore[arg-type]


def test_huge_draft_is_cut_and_still_reported():
    """100,000 characters: the first part is checked and the report says it was truncated."""
    text = ("Ваш заказ был отправлен вчера. " * 4000)[:100_000]
    report = check_reply(text, Context(lang="ru"))
    assert report.truncated and report.analysed_chars <= MAX_ANALYSED_CHARS
    assert "passive_voice" in report.rules


@pytest.mark.parametrize(("text", "lang"), [
    ("Здравствуйте! Your order was shipped. Спасибо!", "ru"),
    ("Hello! Your order was shipped yesterday, gracias!", "en"),
])
def test_mixed_languages_detect_the_main_one(text, lang):
    """Mixed drafts are checked in the language most of the text is written in."""
    assert check_reply(text).lang == lang


def test_spans_point_into_the_original_text():
    """start/end cut exactly the flagged words out of the draft."""
    text = "🙂 Здравствуйте!\nВаш заказ был отправлен вчера."
    finding = check_reply(text, Context(lang="ru")).findings[0]
    assert text[finding.start:finding.end] == finding.text == "Ваш заказ был отправлен"


def test_workspace_glossary_replaces_the_default():
    """A custom glossary is used as given; the default «нет проблем» then no longer counts."""
    glossary = (GlossaryItem("проблема", "сложность", "Так договорились"),)
    report = check_reply("Нет проблем, у нас возникла проблема с курьером, привезём завтра.",
                         Context(lang="ru", glossary=glossary))
    found = [f for f in report.findings if f.rule == "unsuitable_phrase"]
    assert [f.text for f in found] == ["проблем", "проблема"]
    assert found[0].suggestion == "сложность" and "Так договорились" in found[0].message


def test_explanations_follow_the_ui_language():
    """A Russian draft checked by an English-speaking agent explains itself in English."""
    report = check_reply("Ваш заказ был отправлен.", Context(lang="ru", ui_lang="en"))
    assert report.findings[0].message.startswith("Passive voice")


def test_report_to_dict_is_the_contract():
    """to_dict carries lang, score, rules and findings with spans, message and suggestion."""
    data = check_reply("Мы не делаем скидки.", Context(lang="ru")).to_dict()
    assert data["lang"] == "ru" and data["rules"] == ["bare_refusal"]
    assert set(data["findings"][0]) >= {"rule", "start", "end", "message", "suggestion"}
    assert 0 <= data["score"] < 100
