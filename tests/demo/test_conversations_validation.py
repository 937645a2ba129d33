"""Broken demo data files are refused with a clear reason, and nothing half-loaded stays behind."""

import json

import pytest

from humandesk.conversations.models import Conversation
from humandesk.demo import conversations as demo_conversations
from humandesk.demo.conversations import DemoDataError, load_conversations
from humandesk.demo.workspace import build_workspace


@pytest.mark.parametrize("bad_step,reason", [
    ({"kind": "reply", "author": "nobody", "minutes_ago": 1, "body": "Hi"}, "unknown staff login"),
    ({"kind": "customer", "minutes_ago": 20, "body": "later but older"}, "minutes_ago"),
    ({"kind": "shout", "author": "anna", "minutes_ago": 1, "body": "Hi"}, "known kind"),
])
def test_bad_demo_data_is_refused_and_leaves_nothing(db, tmp_path, monkeypatch, bad_step, reason):
    """A data file naming an unknown agent or running time backwards fails clearly, atomically."""
    data = {
        "contacts": [{"key": "c", "name": "Тест", "language": "ru", "identities": {"widget": "v-1"}}],
        "conversations": [{"key": "broken", "contact": "c", "inbox": "widget", "status": "open",
                           "messages": [{"kind": "customer", "minutes_ago": 10, "body": "Привет"}, bad_step]}],
    }
    (tmp_path / "conversations.xx.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(demo_conversations, "DATA_DIR", tmp_path)
    workspace = build_workspace()
    with pytest.raises(DemoDataError, match=reason):
        load_conversations(workspace)
    assert not Conversation.objects.filter(workspace=workspace).exists()
    assert not workspace.contacts.exists()
