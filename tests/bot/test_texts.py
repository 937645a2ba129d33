"""Bot copy and article rendering, and the coach's check of bot texts when an admin saves them."""

import pytest

from humandesk.bot import texts


def test_article_markdown_becomes_plain_steps():
    """Headings, emphasis, links and list markers become plain chat text; the steps stay in order."""
    markdown = "## Как вернуть\n\n1. Откройте **заказ** в [кабинете](https://tundra.example/me).\n2. Нажмите «Вернуть».\n- Чек не нужен."
    assert texts.article_steps(markdown) == (
        "Как вернуть\n\n1. Откройте заказ в кабинете (https://tundra.example/me).\n2. Нажмите «Вернуть».\n• Чек не нужен."
    )


def test_long_articles_are_cut_at_a_paragraph():
    """A long body is trimmed near the limit at a line break and marked with an ellipsis."""
    body = "\n".join(f"{n}. Шаг номер {n}, подробно описанный." for n in range(1, 200))
    text = texts.article_steps(body, limit=300)
    assert len(text) <= 302 and text.endswith(" …") and "\n" in text
    assert text.splitlines()[-1].endswith("описанный. …")


@pytest.mark.parametrize("code,expected", [("ru", "ru"), ("es-ES", "es"), ("en", "en"), ("de", "ru"), (None, "ru")])
def test_language_falls_back_to_russian(code, expected):
    """The bot speaks ru/en/es; anything else gets Russian, the product's first language."""
    assert texts.language(code) == expected


@pytest.fixture
def admin_client(client, workspace):
    from humandesk.accounts.models import User

    admin = User.objects.create_superuser(username="sergey", password="x", workspace=workspace, role="admin")
    client.force_login(admin)
    return client


def test_admin_save_shows_coach_warnings_on_bot_texts(admin_client, widget_inbox):
    """Saving a bureaucratic bot greeting stores it and warns with the coach's finding."""
    url = f"/admin/inboxes/inbox/{widget_inbox.pk}/change/"
    data = {
        "workspace": widget_inbox.workspace_id, "name": widget_inbox.name, "channel_type": "widget",
        "public_key": widget_inbox.public_key, "language": "ru", "greeting": "", "widget_title": "",
        "widget_color": "#2563eb", "allowed_origins": "", "bot_enabled": "on",
        "bot_greeting": "Здравствуйте! Ваше обращение очень важно для нас.", "bot_hours_text": "Мы на связи с 9 до 21.",
    }
    response = admin_client.post(url, data, follow=True)
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    widget_inbox.refresh_from_db()
    assert widget_inbox.bot_enabled and widget_inbox.bot_greeting.startswith("Здравствуйте")
    assert len(warnings) == 1 and "Ваше обращение очень важно для нас" in warnings[0]


def test_bot_is_off_by_default(widget_inbox):
    """A new inbox has the bot switched off."""
    assert widget_inbox.bot_enabled is False
