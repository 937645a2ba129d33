"""`humandesk demo`: default load, --if-empty, --reset, and the logins it prints."""

from humandesk.accounts.models import User, Workspace
from humandesk.contacts.models import Contact
from humandesk.conversations.models import Conversation
from humandesk.demo import personas
from tests.demo.conftest import run_demo


def _counts() -> tuple[int, int, int, int]:
    return (Workspace.objects.filter(slug=personas.WORKSPACE_SLUG).count(), User.objects.count(),
            Contact.objects.count(), Conversation.objects.count())


def test_default_run_loads_everything_and_prints_logins(db):
    """A plain `humandesk demo` builds the workspace, loads conversations and prints the logins."""
    output = run_demo()
    assert "Loaded" in output
    assert personas.DEMO_PASSWORD in output
    for persona in personas.STAFF:
        assert persona.username in output
    assert Conversation.objects.filter(workspace__slug=personas.WORKSPACE_SLUG).count() >= 45


def test_running_twice_does_not_duplicate(demo):
    """A second plain run keeps one copy of every conversation and contact."""
    before = _counts()
    output = run_demo()
    assert _counts() == before
    assert "--reset" in output


def test_if_empty_skips_an_existing_workspace(demo):
    """--if-empty leaves a loaded demo untouched, even if someone changed it since."""
    Conversation.objects.filter(workspace=demo).first().delete()
    before = _counts()
    output = run_demo("--if-empty")
    assert "already loaded" in output
    assert _counts() == before


def test_if_empty_loads_into_an_empty_database(db):
    """--if-empty on a fresh database loads the full demo."""
    run_demo("--if-empty")
    assert Conversation.objects.filter(workspace__slug=personas.WORKSPACE_SLUG).count() >= 45


def test_reset_reloads_without_duplicates(demo):
    """--reset deletes the demo and loads it anew: same counts, fresh rows, edits gone."""
    before = _counts()
    old_ids = set(Conversation.objects.values_list("pk", flat=True))
    User.objects.filter(username="anna").update(display_name="renamed")
    run_demo("--reset")
    assert _counts() == before
    assert not old_ids & set(Conversation.objects.values_list("pk", flat=True))
    assert User.objects.get(username="anna").display_name == "Анна Смирнова"


def test_every_demo_login_works(demo, client):
    """Each persona logs in with the shared demo password, and only with it."""
    for persona in personas.STAFF:
        assert client.login(username=persona.username, password=personas.DEMO_PASSWORD), persona.username
        assert not client.login(username=persona.username, password="wrong-password")
