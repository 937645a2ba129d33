"""suggest.js in a real browser: "Insert steps" puts the article's steps at the cursor."""

from pathlib import Path

import pytest
from django.urls import reverse

from humandesk.knowledge import services

SCRIPT = Path(__file__).resolve().parents[2] / "humandesk" / "knowledge" / "static" / "knowledge" / "suggest.js"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
ARTICLE = {
    "id": "return-steps", "lang": "ru", "title": "Как вернуть порванную палатку", "category": "Возврат",
    "visibility": "public", "tags": ["возврат", "палатка"],
    "body": "Чтобы вернуть палатку:\n\n1. Сфотографируйте **чехол**.\n2. Отправьте фото в чат.\n",
}


@pytest.mark.browser
def test_insert_steps_puts_plain_steps_at_the_cursor(client, anna, workspace, conversation):
    """The server's fragment + suggest.js: the steps land between the agent's two lines, on
    their own lines, and the composer hears one input event."""
    from playwright.sync_api import sync_playwright

    services.import_articles(workspace, [ARTICLE])
    client.force_login(anna)
    fragment = client.get(reverse("knowledge:suggest", args=[conversation.pk])).content.decode()
    html = f'<textarea id="composer-body" name="body"></textarea><div id="kb-suggestions">{fragment}</div>'
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        try:
            page = browser.new_page()
            page.set_content(html)
            page.add_script_tag(path=str(SCRIPT))
            page.evaluate("""() => {
                const box = document.getElementById('composer-body');
                box.value = 'Здравствуйте!Спасибо.';
                box.setSelectionRange(13, 13);
                window.inputs = 0;
                box.addEventListener('input', () => { window.inputs += 1; });
            }""")
            page.locator("#kb-suggestions li", has_text="Как вернуть порванную палатку").locator("[data-kb-insert]").click()
            assert page.input_value("#composer-body") == (
                "Здравствуйте!\nЧтобы вернуть палатку:\n1. Сфотографируйте чехол.\n2. Отправьте фото в чат.\nСпасибо."
            )
            assert page.evaluate("window.inputs") == 1
        finally:
            browser.close()
