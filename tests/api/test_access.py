"""Workspace isolation: another workspace's ids are 404 everywhere, and nothing leaks."""

import pytest

from humandesk.conversations.models import Message


@pytest.fixture
def foreign(other_workspace):
    return {key: getattr(value, "pk", None) for key, value in other_workspace.items()}


def test_foreign_objects_cannot_be_read(api, foreign):
    """GET on the other workspace's contact, conversation and thread: 404, as if absent."""
    for path in (f"/contacts/{foreign['contact']}", f"/conversations/{foreign['conversation']}",
                 f"/conversations/{foreign['conversation']}/messages"):
        response = api.get(path)
        assert response.status_code == 404, path
        assert "other" not in response.content.decode().lower()


def test_foreign_objects_cannot_be_changed(api, foreign, other_workspace):
    """Every write on a foreign id is a 404 and changes nothing."""
    conversation = f"/conversations/{foreign['conversation']}"
    calls = [
        ("patch", f"/contacts/{foreign['contact']}", {"name": "pwned"}),
        ("put", conversation + "/status", {"status": "closed"}),
        ("put", conversation + "/assignee", {"assignee": None}),
        ("put", conversation + "/priority", {"priority": "urgent"}),
        ("put", conversation + "/tags", {"tags": ["pwned"]}),
        ("post", conversation + "/messages", {"kind": "customer", "body": "pwned"}),
        ("post", conversation + "/messages", {"kind": "reply", "body": "pwned"}),
    ]
    for method, path, body in calls:
        assert api.send(method, path, body).status_code == 404, path
    foreign_conversation = other_workspace["conversation"]
    foreign_conversation.refresh_from_db()
    assert (foreign_conversation.status, foreign_conversation.priority) == ("open", "normal")
    assert not Message.objects.filter(body="pwned").exists()
    other_workspace["contact"].refresh_from_db()
    assert other_workspace["contact"].name == "Mallory"


def test_foreign_ids_in_bodies_are_404(api, conversation, widget_inbox, ivan, foreign):
    """Opening in a foreign inbox or for a foreign contact, or assigning a foreign user: 404."""
    assert api.post("/conversations", {"inbox": foreign["inbox"], "contact": ivan.pk}).status_code == 404
    assert api.post("/conversations", {"inbox": widget_inbox.pk, "contact": foreign["contact"]}).status_code == 404
    response = api.put(f"/conversations/{conversation.pk}/assignee", {"assignee": foreign["user"]})
    assert response.status_code == 404
    conversation.refresh_from_db()
    assert conversation.assignee_id is None


def test_list_filters_with_foreign_ids_are_404(api, conversation, foreign, other_workspace):
    """Filtering by a foreign inbox, team or assignee does not reveal whether it exists."""
    from humandesk.accounts.models import Team

    team = Team.objects.create(workspace=other_workspace["workspace"], name="Their team")
    for params in ({"inbox": foreign["inbox"]}, {"team": team.pk}, {"assignee": str(foreign["user"])}):
        response = api.get("/conversations", params)
        assert response.status_code == 404, params
        assert response.json()["code"] == "not_found"


def test_lists_hold_only_the_tokens_workspace(api, intruder_api, conversation, other_workspace):
    """Each token sees its own workspace's contacts, conversations, users, inboxes."""
    theirs = intruder_api.get("/conversations").json()["items"]
    assert [c["id"] for c in theirs] == [other_workspace["conversation"].pk]
    ours = api.get("/conversations").json()["items"]
    assert [c["id"] for c in ours] == [conversation.pk]
    assert "Mallory" not in str(api.get("/contacts").json())
    assert "eve" not in [u["username"] for u in api.get("/users").json()]
    assert other_workspace["inbox"].pk not in [i["id"] for i in api.get("/inboxes").json()]
