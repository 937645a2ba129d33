"""A bot-enabled widget inbox with a few public articles (and one internal SOP) to answer from."""

import json
from pathlib import Path

import pytest

from tests.realtime.conftest import fresh_channel_layer  # noqa: F401 - socket tests need a layer per loop

ARTICLES = Path(__file__).resolve().parents[2] / "humandesk/knowledge/eval_data/articles.jsonl"
SUBSET = {"ru-tracking", "ru-tent-repair", "ru-returns", "ru-stores", "en-returns", "es-devoluciones",
          "ru-sop-aggressive"}


@pytest.fixture
def articles(workspace):
    from humandesk.knowledge.services import import_articles

    records = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return import_articles(workspace, [r for r in records if r["id"] in SUBSET])


@pytest.fixture
def bot_inbox(widget_inbox, first_line):
    widget_inbox.bot_enabled = True
    widget_inbox.default_team = first_line
    widget_inbox.save()
    return widget_inbox


@pytest.fixture
def chat(bot_inbox, ivan, articles):
    """Ivan's new conversation in the bot inbox, before his first message."""
    from humandesk.conversations import services

    return services.start_conversation(bot_inbox, ivan)
