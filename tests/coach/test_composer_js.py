"""composer.js in a real browser: a rewrite button replaces its span and re-fires `input`."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

SCRIPT = Path(__file__).resolve().parents[2] / "humandesk" / "coach" / "static" / "coach" / "composer.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
DRAFT = "🙂 Здравствуйте!\nВаш заказ был отправлен вчера."


@pytest.mark.browser
@pytest.mark.django_db
def test_rewrite_button_replaces_the_span(client, anna):
    """The server's fragment + composer.js: one click gives the active voice and a new input event."""
    from playwright.sync_api import sync_playwright

    client.force_login(anna)
    fragment = client.post(reverse("coach:check"), {"text": DRAFT.replace("\n", "\r\n"), "lang": "ru"}).content.decode()
    assert re.search(r'data-coach-replacement="Ваш заказ мы отправили"', fragment)
    html = ('<textarea id="composer-body" name="body"></textarea>'
            f'<div id="coach-findings">{fragment}</div>')
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        try:
            page = browser.new_page()
            page.set_content(html)
            page.add_script_tag(path=str(SCRIPT))
            page.evaluate("""draft => {
                const box = document.getElementById('composer-body');
                box.value = draft;
                window.inputs = 0;
                box.addEventListener('input', () => { window.inputs += 1; });
            }""", DRAFT)
            page.click("#coach-findings button[data-coach-replacement='Ваш заказ мы отправили']")
            assert page.input_value("#composer-body") == "🙂 Здравствуйте!\nВаш заказ мы отправили вчера."
            assert page.evaluate("window.inputs") == 1
        finally:
            browser.close()
