"""The main user path end to end: a customer writes in the widget on the shop page, an agent
sees it live in the inbox, answers from the composer, and the customer sees the answer."""

import pytest

from tests.browser.actions import login

pytestmark = pytest.mark.browser


def _open_widget(page, base_url: str) -> None:
    page.goto(base_url + "/demo/")
    page.locator("[data-hd-launcher]").click()
    page.wait_for_function("window.humandeskWidget && window.humandeskWidget.state().ready")


def test_customer_and_agent_talk_live(live_server_url, new_page):
    """Widget → agent inbox (live) → composer reply → widget (live), nothing reloaded."""
    from playwright.sync_api import expect

    agent = new_page()
    login(agent, live_server_url, "anna")
    agent.wait_for_url(live_server_url + "/")
    agent.evaluate("window.__sameDocument = true")

    customer = new_page()
    _open_widget(customer, live_server_url)
    question = "Добрый день! Подойдёт ли горелка «Искра» к баллону 450 г?"
    customer.locator("[data-hd-input]").fill(question)
    customer.locator("[data-hd-input]").press("Enter")
    customer.locator("[data-hd-message][data-kind='customer']").filter(has_text="Искра").wait_for()

    row = agent.locator("#inbox-list").get_by_text("Подойдёт ли горелка", exact=False)
    expect(row).to_be_visible()
    assert agent.evaluate("window.__sameDocument") is True  # it arrived live, not by reload
    row.click()

    answer = "Здравствуйте! Да, «Искра» работает с баллонами 230 и 450 г. Если что-то не получится, напишите — помогу."
    agent.locator("#composer-body").fill(answer)
    agent.locator(".composer__send").click()
    expect(agent.locator("#thread")).to_contain_text("работает с баллонами 230 и 450 г")

    reply = customer.locator("[data-hd-message][data-kind='reply']")
    expect(reply).to_contain_text("работает с баллонами 230 и 450 г")
    kinds = customer.eval_on_selector_all("[data-hd-message]", "nodes => nodes.map(n => n.dataset.kind)")
    assert kinds[-2:] == ["customer", "reply"]
