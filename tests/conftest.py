"""Shared fixtures: the named demo personas, in a small workspace built per test."""

import pytest

from humandesk.demo import personas


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 at production strength costs ~0.3 s per login; tests only need a real hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def workspace(db):
    from humandesk.accounts.models import Workspace

    return Workspace.objects.create(name=personas.WORKSPACE_NAME, slug=personas.WORKSPACE_SLUG)


def _staff(workspace, username: str):
    from humandesk.accounts.models import User

    persona = next(p for p in personas.STAFF if p.username == username)
    return User.objects.create_user(
        username=persona.username, password=personas.DEMO_PASSWORD, email=persona.email,
        workspace=workspace, role=persona.role, display_name=persona.display_name,
        language=persona.language, availability="online",
    )


@pytest.fixture
def anna(workspace):
    """Agent, Russian UI."""
    return _staff(workspace, "anna")


@pytest.fixture
def kate(workspace):
    """Agent, English UI."""
    return _staff(workspace, "kate")


@pytest.fixture
def olga(workspace):
    """Lead."""
    return _staff(workspace, "olga")


@pytest.fixture
def first_line(workspace, anna):
    from humandesk.accounts.models import Team

    team = Team.objects.create(workspace=workspace, name=personas.TEAM_FIRST_LINE)
    team.members.add(anna)
    return team


@pytest.fixture
def widget_inbox(workspace):
    from humandesk.inboxes.models import Inbox

    return Inbox.objects.create(
        workspace=workspace, name="Чат на сайте", channel_type="widget",
        public_key=personas.WIDGET_KEY, language="ru",
    )


@pytest.fixture
def ivan(workspace):
    """A customer who writes in Russian."""
    from humandesk.contacts.models import Contact

    return Contact.objects.create(workspace=workspace, name="Иван Петров", email="ivan@example.com", language="ru")


@pytest.fixture
def conversation(widget_inbox, ivan):
    from humandesk.conversations import services

    conv = services.start_conversation(widget_inbox, ivan)
    services.post_customer_message(conv, "Здравствуйте! Палатка пришла с порванным чехлом.")
    return conv


@pytest.fixture
def other_workspace(db):
    """A second, unrelated workspace: nothing of it may leak into the first."""
    from humandesk.accounts.models import User, Workspace
    from humandesk.contacts.models import Contact
    from humandesk.conversations import services
    from humandesk.inboxes.models import Inbox

    ws = Workspace.objects.create(name="Other Co", slug="other")
    intruder = User.objects.create_user(username="eve", password=personas.DEMO_PASSWORD, workspace=ws, role="agent")
    inbox = Inbox.objects.create(workspace=ws, name="Other chat", channel_type="widget")
    contact = Contact.objects.create(workspace=ws, name="Mallory")
    conv = services.start_conversation(inbox, contact)
    services.post_customer_message(conv, "secret of the other workspace")
    return {"workspace": ws, "user": intruder, "inbox": inbox, "contact": contact, "conversation": conv}


# One Playwright per test module, closed when the module ends: a sync Playwright that stays
# alive makes the next module's Playwright (and Django's ORM) think they run inside a loop.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def new_page(browser):
    """Open pages in separate contexts (separate cookies: a customer and an agent)."""
    contexts = []

    def open_page():
        context = browser.new_context(locale="ru-RU")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        context.close()

