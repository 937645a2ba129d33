"""Russian reply checks, rule by rule: what must be flagged and the near-misses that must not."""

import pytest

from humandesk.coach.engine import Context, check_reply


def rules(text: str, **context) -> list[str]:
    return check_reply(text, Context(lang="ru", **context)).rules


@pytest.mark.parametrize(("text", "rule", "context"), [
    ("Вес палатки — 2,4 кг.", "greeting_missing", {"first_message": True}),
    ("Уважаемый клиент, данный товар закончился, но завтра придёт новый.", "bureaucratese", {}),
    ("В настоящее время курьер в пути, привезёт заказ завтра.", "bureaucratese", {}),
    ("Ваш звонок очень важен для нас, я уже смотрю заказ.", "cliche", {}),
    ("Приносим извинения за доставленные неудобства, курьер будет завтра.", "cliche", {}),
    ("Ваш сервер был заблокирован.", "passive_voice", {}),
    ("Ошибка будет исправлена завтра.", "passive_voice", {}),
    ("Ваше обращение зарегистрировано.", "passive_voice", {}),
    ("Возврат осуществляется за 10 дней.", "passive_voice", {}),
    ("Ваша заявка рассматривается.", "passive_voice", {}),
    ("Нет проблем! Поменяю адрес сейчас.", "unsuitable_phrase", {}),
    ("Поломку горелки заменим по гарантии, привезите её в магазин.", "unsuitable_phrase", {}),
    ("Вы сами указали старый адрес. Пришлите новый.", "blame", {}),
    ("Это вина курьерской службы, посылка будет завтра.", "blame", {}),
    ("Мы не делаем скидки.", "bare_refusal", {}),
    ("Вернуть деньги невозможно.", "bare_refusal", {}),
    ("Синие рюкзаки закончились.", "next_step_missing", {}),
    ("Мы передали ваш вопрос коллегам.", "next_step_missing", {}),
    ("Вернуть не можем, потому что товар был в использовании.", "next_step_missing", {}),
    ("Мы перепутали размер, завтра привезём нужный.", "apology_missing", {"our_fault": True}),
    ("Посмотрите в FAQ.", "link_only", {}),
    ("https://tundra.example/returns", "link_only", {}),
    ("Иван, заказ в пути. Иван, курьер приедет завтра.", "name_overuse", {"customer_name": "Иван"}),
    ("Вы должны были сохранить чек. Пришлите выписку из банка.", "lecturing", {}),
    ("Внимательно читайте инструкцию: тент нужно пропитать.", "lecturing", {}),
])
def test_flags(text, rule, context):
    """Each Russian example is flagged with its rule."""
    assert rule in rules(text, **context)


@pytest.mark.parametrize(("text", "context"), [
    ("Здравствуйте! Палатка весит 2,4 кг.", {"first_message": True}),
    ("Иван, добрый день! Палатка весит 2,4 кг.", {"first_message": True, "customer_name": "Иван"}),
    ("Заблокированный аккаунт откроется после сброса пароля: нажмите «Забыли пароль?».", {}),
    ("Отправленный вчера заказ уже в Твери, курьер привезёт его завтра.", {}),
    ("Приложение открывается дольше, если мало памяти. Очистите кэш.", {}),
    ("Пункт выдачи находится на Баумана, 12.", {}),
    ("Если на сервере используется Linux, откройте порт 22.", {}),
    ("Порт закрыт брандмауэром. Откройте его в настройках.", {}),
    ("Магазин закрыт в воскресенье, заказы на сайте принимаем всегда.", {}),
    ("Палатка рассчитана на троих.", {}),
    ("Пришлите, пожалуйста, контактные данные.", {}),
    ("Скидку на новинки не делаем, но на прошлогодние модели сейчас −25 %. Показать?", {}),
    ("Вернуть баллон нельзя по закону, но если он неисправен, пришлите фото — заменим.", {}),
    ("Иван, заказ в пути: курьер привезёт его завтра с 10 до 14.", {"customer_name": "Иван"}),
    ("Вернуть товар просто: нажмите «Вернуть» в заказе и выберите пункт. Подробности: https://tundra.example/returns", {}),
    ("Простите, мы перепутали размер. Завтра привезём нужный.", {"our_fault": True}),
    ("Извините, это наша проблема: сломался сервер. Мы починили его в 14:00.", {"our_fault": True}),
])
def test_near_misses_stay_clean(text, context):
    """Adjectival participles, middle-voice verbs, refusals with a way out, one name: no findings."""
    assert rules(text, **context) == []


def test_name_in_every_case_form_counts():
    """«Иван», «Ивана», «Ивану», «Иваном», «Иван Петрович» are all the same customer."""
    report = check_reply("Иван Петрович, добрый день! Ивану пришлём чек. Ивана ждёт курьер. С Иваном свяжемся.",
                         Context(lang="ru", customer_name="Иван"))
    overuse = [f for f in report.findings if f.rule == "name_overuse"]
    assert [f.text.strip(" ,.").split()[0] for f in overuse] == ["Ивану", "Ивана", "Иваном"]


def test_passive_suggestion_names_the_actor():
    """«Ваш сервер был заблокирован» → «Ваш сервер мы заблокировали»; future → «мы исправим»."""
    first = check_reply("Ваш сервер был заблокирован.", Context(lang="ru")).findings[0]
    assert (first.text, first.suggestion) == ("Ваш сервер был заблокирован", "Ваш сервер мы заблокировали")
    second = check_reply("Ошибка будет исправлена завтра.", Context(lang="ru")).findings[0]
    assert second.suggestion == "Ошибку мы исправим"
