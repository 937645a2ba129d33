"""The shared page frame and the compact formats used in dense lists."""

from datetime import timedelta

from django.template import Context, Template
from django.utils import timezone, translation


def test_top_bar_links_to_existing_sections(anna_client, conversation):
    """The top bar links to the inbox (current on a conversation page) and the user's profile."""
    html = anna_client.get(f"/conversations/{conversation.pk}/").content.decode()
    assert '<a href="/" aria-current="page">Входящие</a>' in html
    assert 'href="/profile/"' in html
    assert 'action="/logout/"' in html


def test_pages_load_htmx_and_the_stylesheet(anna_client, db):
    """Every staff page loads HTMX 2 from the installed package and the workspace stylesheet."""
    html = anna_client.get("/").content.decode()
    assert "django_htmx/htmx-2" in html
    assert "/static/ui/app.css" in html
    assert 'name="htmx-config"' in html


def _ago(moment) -> str:
    return Template("{% load ui_format %}{{ moment|ago }}").render(Context({"moment": moment}))


def test_relative_times_in_three_languages():
    """List times read 'now', minutes, hours and days in the user's language, then a date."""
    now = timezone.now()
    with translation.override("ru"):
        assert _ago(now) == "сейчас"
        assert _ago(now - timedelta(minutes=5)) == "5 мин"
        assert _ago(now - timedelta(hours=3)) == "3 ч"
        assert _ago(now - timedelta(days=2)) == "2 дня"
        assert _ago(now - timedelta(days=5)) == "5 дней"
    with translation.override("es"):
        assert _ago(now - timedelta(days=1)) == "1 día"
        assert _ago(now - timedelta(days=3)) == "3 días"
    with translation.override("en"):
        assert _ago(now - timedelta(days=3)) == "3 days"
        assert _ago(now - timedelta(days=40)) != ""
    assert _ago(None) == ""
