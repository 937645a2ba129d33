import pytest

from humandesk.replies import services


@pytest.fixture
def delivery(workspace, olga):
    """A Russian canned reply with the contact's and the agent's names in it."""
    return services.create_reply(
        workspace, actor=olga, lang="ru", shortcut="/delivery", title="Сроки доставки",
        body="Здравствуйте, {{ contact.first_name }}! Я {{ agent.first_name }} из «Тундры». "
             "Курьер привезёт заказ за 3–7 дней. Подскажите ваш город, и я назову точную дату.",
    ).reply


@pytest.fixture
def olga_client(client, olga):
    client.force_login(olga)
    return client


@pytest.fixture
def anna_client(client, anna):
    client.force_login(anna)
    return client
