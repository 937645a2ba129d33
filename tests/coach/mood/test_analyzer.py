"""analyze_message: rules, model, languages and the edge cases callers rely on."""

import json
import time

import pytest

from humandesk.coach.mood import (
    EMOTIONS,
    SITUATIONS,
    EmptyMessage,
    MoodError,
    NotText,
    UnsupportedLanguage,
    analyze_message,
)


@pytest.mark.parametrize("text", [
    "позовите оператора", "Можно с живым человеком поговорить?", "Переключите на менеджера!!",
    "human please", "Can I talk to a real person?", "quiero hablar con una persona",
    "Pásame con un agente, por favor",
])
def test_explicit_request_for_a_person_is_human_request(text):
    """An explicit ask for a person is human_request with high confidence, whatever the model says."""
    mood = analyze_message(text)
    assert mood.situation == "human_request"
    assert mood.situation_confidence >= 0.95
    assert "rule:human_request" in mood.reasons


def test_people_count_is_not_a_request_for_a_person():
    """'Палатка на 3 человека' mentions people but does not ask for one."""
    mood = analyze_message("Сколько стоит палатка на 3 человека?")
    assert "rule:human_request" not in mood.reasons


@pytest.mark.parametrize("text, lang", [
    ("Вы там охренели? Дебилы, верните деньги", "ru"),
    ("Приеду к вам на склад и разберусь лично", "ru"),
    ("you absolute morons, refund me", "en"),
    ("Sois unos inútiles, panda de idiotas", "es"),
])
def test_swearing_and_threats_are_aggression(text, lang):
    """Insults, swearing and threats make the emotion aggression."""
    mood = analyze_message(text, lang)
    assert mood.emotion == "aggression"
    assert "rule:aggression" in mood.reasons


@pytest.mark.parametrize("text, situation", [
    ("Хочу вернуть спальник, он не подошёл. Как оформить возврат?", "refund_return"),
    ("Дайте скидку на горелку, у конкурентов дешевле", "price_question"),
    ("Спасибо огромное, палатка просто супер!", "compliment"),
    ("How do I track my order?", "how_to"),
    ("¿Me hacéis descuento si compro dos sacos?", "price_question"),
])
def test_model_reads_clear_situations(text, situation):
    """The trained model gets plain, unambiguous messages right."""
    assert analyze_message(text).situation == situation


def test_result_uses_contract_ids_and_serialises():
    """Emotion and situation are contract ids; to_dict is JSON with the playbook steps."""
    mood = analyze_message("Заказ опаздывает на неделю, где моя палатка?!")
    assert mood.emotion in EMOTIONS and mood.situation in SITUATIONS
    data = json.loads(json.dumps(mood.to_dict(), ensure_ascii=False))
    assert data["lang"] == "ru"
    assert 0 <= data["confidence"] <= 1
    assert data["playbook"]["key"] == mood.situation
    assert data["playbook"]["steps"] and all(isinstance(s, str) for s in data["playbook"]["steps"])


def test_anger_brings_its_emotion_playbook():
    """An angry customer's Mood carries the anger playbook too."""
    mood = analyze_message("Третий раз пишу, сколько можно! Заказ так и не пришёл")
    assert mood.emotion == "anger"
    assert mood.emotion_playbook["key"] == "anger"


@pytest.mark.parametrize("text, lang", [
    ("Где мой заказ?", "ru"), ("Where is my order?", "en"), ("¿Dónde está mi pedido?", "es"),
])
def test_language_is_detected(text, lang):
    assert analyze_message(text).lang == lang


@pytest.mark.parametrize("bad", ["", "   \n\t "])
def test_empty_text_raises_empty_message(bad):
    """Empty input is a clear ValueError subclass, nothing else."""
    with pytest.raises(EmptyMessage):
        analyze_message(bad)


def test_non_text_raises_not_text():
    with pytest.raises(NotText):
        analyze_message(None)


def test_unknown_language_argument_is_rejected():
    with pytest.raises(UnsupportedLanguage):
        analyze_message("Wo ist meine Bestellung?", "de")
    assert issubclass(UnsupportedLanguage, ValueError) and issubclass(MoodError, ValueError)


@pytest.mark.parametrize("text", ["你好，我的订单在哪里？", "Guten Tag, wo ist meine Bestellung? Danke", "🤷‍♂️"])
def test_unreadable_text_is_neutral_with_low_confidence(text):
    """Text in no language we read gets a neutral, low-confidence result and no situation."""
    mood = analyze_message(text)
    assert (mood.emotion, mood.situation, mood.lang) == ("neutral", None, "unknown")
    assert mood.confidence <= 0.1
    assert mood.to_dict()["playbook"] is None


def test_emoji_only_message_reads_the_emoji():
    """Angry emoji alone say anger, with modest confidence and no situation."""
    mood = analyze_message("😡😡😡")
    assert mood.emotion == "anger" and mood.situation is None
    assert mood.emotion_confidence <= 0.5


def test_huge_message_is_read_quickly():
    """A 100,000-character paste is analysed (from its beginning) in well under a second."""
    text = "Верните деньги за палатку, она протекла. " + "а" * 100_000
    analyze_message("прогрев")
    started = time.perf_counter()
    mood = analyze_message(text[:100_000])
    assert time.perf_counter() - started < 0.5
    assert mood.situation == "refund_return"
