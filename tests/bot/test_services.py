"""The first-line bot through its services: answers with steps, hands over on every trigger,
never loops, and stores its outcome for reports."""

import pytest

from humandesk.bot import services
from humandesk.bot.models import BotOutcome, BotSession, SessionState
from humandesk.conversations import services as conversations
from humandesk.conversations.models import MessageKind, Status


def write(chat, body: str):
    """The customer writes; the bot reacts as the widget socket would make it."""
    message, _ = conversations.post_customer_message(chat, body)
    return services.on_customer_message(chat, message)


def thread(chat) -> list[tuple[str, str]]:
    return list(chat.messages.order_by("seq").values_list("kind", "body"))


def handover_lines(chat) -> list[str]:
    return [body for kind, body in thread(chat) if kind == MessageKind.SYSTEM]


def assert_handed_over(chat, reason: str) -> None:
    chat.refresh_from_db()
    assert chat.bot_session.state == SessionState.HANDED_OVER
    assert chat.bot_outcome.outcome == "handed_over" and chat.bot_outcome.reason == reason
    assert chat.status == Status.OPEN and chat.assignee_id is None
    assert chat.team_id == chat.inbox.default_team_id
    assert "bot-handover" in set(chat.tags.values_list("name", flat=True))
    assert len(handover_lines(chat)) == 1


def test_answers_with_the_articles_steps_and_asks_if_it_helped(chat):
    """A question with a confident answer gets a greeting, then the article's steps (not a link) and "Это помогло?"."""
    session = write(chat, "Как отследить заказ по трек-номеру?")
    kinds = [kind for kind, _ in thread(chat)]
    assert kinds == ["customer", "bot", "bot"]
    answer = thread(chat)[-1][1]
    assert "Как отследить заказ по трек-номеру" in answer
    assert "трек-номер" in answer.split("\n\n", 1)[1]  # the steps themselves follow the title
    assert "**" not in answer and "](" not in answer  # Markdown rendered to plain text
    assert answer.endswith("Это помогло?")
    assert session.awaiting_feedback and session.state == SessionState.ACTIVE
    assert not BotOutcome.objects.filter(conversation=chat).exists()


@pytest.mark.parametrize("words", [
    "Соедините с оператором, пожалуйста", "Хочу поговорить с живым человеком",
    "I need a human, please", "Quiero hablar con un agente",
])
def test_hands_over_at_once_when_asked_in_words(chat, words):
    """ru/en/es requests for a person hand over at once, with no answer attempted."""
    write(chat, words)
    assert_handed_over(chat, "asked")
    assert [k for k, _ in thread(chat)] == ["customer", "system"]  # no greeting in the way


def test_handover_line_says_who_and_how_soon_in_the_customers_language(chat):
    """The line names the team and the usual wait, in Spanish for a Spanish customer, plus the hours text."""
    chat.inbox.bot_hours_text = "Atendemos de 9:00 a 21:00."
    chat.inbox.save()
    write(chat, "Hola, quiero hablar con una persona")
    line = handover_lines(chat)[0]
    assert "Первая линия" in line and "un par de minutos" in line
    assert line.endswith("Atendemos de 9:00 a 21:00.")


def test_abstains_and_hands_over_when_not_confident(chat):
    """A question no article answers is not guessed at: the bot hands over for low confidence."""
    write(chat, "Можно ли заказать пиццу с ананасами на Марс?")
    assert_handed_over(chat, "low_confidence")
    assert not any(body.endswith("Это помогло?") for _, body in thread(chat))


def test_unanswered_question_goes_to_gap_detection(chat):
    """The question the bot could not answer is recorded for the content team, once."""
    from humandesk.knowledge.models import UnansweredQuestion

    write(chat, "Можно ли заказать пиццу с ананасами на Марс?")
    rows = list(UnansweredQuestion.objects.filter(conversation=chat).values_list("text", flat=True))
    assert rows == ["Можно ли заказать пиццу с ананасами на Марс?"]


def test_never_answers_from_internal_articles(chat):
    """An internal SOP matches the words, but a customer never gets it."""
    write(chat, "СОП агрессивный клиент угрозы порядок действий оператора")
    assert all("СОП" not in body for kind, body in thread(chat) if kind == MessageKind.BOT)


@pytest.mark.parametrize("words", [
    "Вы там совсем охренели? Верните деньги немедленно, идиоты!",
    "This is a f***ing disgrace, you idiots stole my money!",
])
def test_hands_over_when_the_customer_is_angry(chat, words):
    """Anger or aggression (the coach's mood reading) hands over at once, with high priority."""
    write(chat, words)
    assert_handed_over(chat, "angry")
    assert chat.priority == "high"


def test_hands_over_after_one_unhelpful_answer(chat):
    """"No" to "did this help?" hands over at once: never a second try at the same problem."""
    write(chat, "Как отследить заказ по трек-номеру?")
    session = services.on_feedback(chat, False)
    assert session.unhelpful_count == 1
    assert_handed_over(chat, "unhelpful")


def test_a_typed_no_counts_as_unhelpful(chat):
    """Typing «Нет, не помогло» instead of pressing the button works the same."""
    write(chat, "Как отследить заказ по трек-номеру?")
    write(chat, "Нет, не помогло")
    assert_handed_over(chat, "unhelpful")


def test_yes_thanks_resolves_and_is_stored(chat):
    """"Yes" thanks the customer, resolves the conversation and stores resolved_by_bot."""
    write(chat, "Как отследить заказ по трек-номеру?")
    session = services.on_feedback(chat, True)
    chat.refresh_from_db()
    assert session.state == SessionState.RESOLVED and chat.status == Status.RESOLVED
    assert chat.bot_outcome.outcome == "resolved_by_bot"
    assert thread(chat)[-1][0] == "bot" and "получилось" in thread(chat)[-1][1]
    assert services.on_feedback(chat, True).state == SessionState.RESOLVED
    assert len(thread(chat)) == 4  # a repeated click says nothing twice


def test_button_hands_over_and_a_second_click_changes_nothing(chat):
    """The button hands over from any state; clicking again adds no second line."""
    write(chat, "Здравствуйте")
    services.hand_over(chat, "button")
    services.hand_over(chat, "button")
    assert_handed_over(chat, "button")


def test_silent_after_handover(chat):
    """Once a person has the conversation, the bot says nothing more, whatever is written."""
    write(chat, "оператор")
    before = len(thread(chat))
    write(chat, "Как отследить заказ по трек-номеру?")
    assert len(thread(chat)) == before + 1  # only the customer's message


def test_never_repeats_the_same_answer(chat):
    """Asking the same thing again does not get the same article twice: a person takes over."""
    write(chat, "Как отследить заказ по трек-номеру?")
    write(chat, "Где посмотреть трек-номер заказа и как отследить посылку?")
    answers = [b for k, b in thread(chat) if k == MessageKind.BOT and b.endswith("Это помогло?")]
    assert len(answers) == 1
    assert_handed_over(chat, "unhelpful")


def test_greeting_once_and_small_talk_does_not_loop(chat):
    """A bare hello gets the greeting (which asks what happened); a second hello goes to a person."""
    write(chat, "Здравствуйте!")
    assert [k for k, _ in thread(chat)] == ["customer", "bot"]
    write(chat, "Привет")
    assert_handed_over(chat, "low_confidence")
    assert sum(1 for k, _ in thread(chat) if k == MessageKind.BOT) == 1


def test_custom_greeting_is_used(chat):
    """The inbox's own greeting text replaces the built-in one."""
    chat.inbox.bot_greeting = "Добрый день! Я помощник «Тундры»."
    chat.inbox.save()
    write(chat, "Здравствуйте")
    assert thread(chat)[1] == ("bot", "Добрый день! Я помощник «Тундры».")


def test_a_resent_message_is_answered_once(chat):
    """The same stored message handed to the bot twice (a socket resend) gets one answer."""
    message, _ = conversations.post_customer_message(chat, "Как отследить заказ по трек-номеру?")
    services.on_customer_message(chat, message)
    services.on_customer_message(chat, message)
    assert [k for k, _ in thread(chat)] == ["customer", "bot", "bot"]


def test_bot_off_says_nothing(chat):
    """With the bot switched off (the default), customer messages get no bot reply and no session."""
    chat.inbox.bot_enabled = False
    chat.inbox.save()
    assert write(chat, "Как отследить заказ по трек-номеру?") is None
    assert [k for k, _ in thread(chat)] == ["customer"]
    assert not BotSession.objects.filter(conversation=chat).exists()


def test_new_question_after_resolved_gets_a_new_round(chat):
    """After "it helped", a new question re-opens the chat and the bot answers it."""
    write(chat, "Как отследить заказ по трек-номеру?")
    services.on_feedback(chat, True)
    write(chat, "Как вернуть товар, который не подошёл?")
    chat.refresh_from_db()
    assert chat.status == Status.OPEN and chat.bot_session.state == SessionState.ACTIVE
    assert thread(chat)[-1][1].endswith("Это помогло?")
