"""Build (and tear down) the demo workspace: company, staff personas, teams and inboxes."""

from django.contrib.auth.hashers import make_password
from django.db import transaction

from humandesk.accounts.models import Team, User, Workspace
from humandesk.conversations.models import Conversation
from humandesk.demo import personas
from humandesk.inboxes.models import Inbox
from humandesk.replies.services import seed_defaults


@transaction.atomic
def build_workspace() -> Workspace:
    """Create «Тундра» with its staff, teams and inboxes (idempotent per slug)."""
    workspace, _ = Workspace.objects.get_or_create(
        slug=personas.WORKSPACE_SLUG, defaults={"name": personas.WORKSPACE_NAME}
    )
    teams = {
        name: Team.objects.get_or_create(workspace=workspace, name=name)[0]
        for name in (personas.TEAM_FIRST_LINE, personas.TEAM_SPANISH, personas.TEAM_ENGINEERING)
    }
    # One hash for every persona: the password is public anyway, and each PBKDF2 run costs
    # a noticeable fraction of a second that `humandesk demo` would pay six times.
    password = make_password(personas.DEMO_PASSWORD)
    for persona in personas.STAFF:
        user = User.objects.filter(username=persona.username).first() or User(username=persona.username)
        user.workspace = workspace
        user.email = persona.email
        user.role = persona.role
        user.display_name = persona.display_name
        user.first_name, _, user.last_name = persona.display_name.partition(" ")
        user.language = persona.language
        user.availability = "online"
        user.is_staff = persona.role == "admin"
        user.is_superuser = persona.role == "admin"
        user.password = password
        user.save()
        for team_name in persona.teams:
            teams[team_name].members.add(user)
    Inbox.objects.get_or_create(
        public_key=personas.WIDGET_KEY,
        defaults={
            "workspace": workspace, "name": "Чат на сайте", "channel_type": "widget",
            "language": "ru", "default_team": teams[personas.TEAM_FIRST_LINE],
            "widget_title": "Тундра · поддержка",
            "greeting": "Здравствуйте! Я Анна из «Тундры». Спросите про заказ, доставку или снаряжение — отвечу здесь.",
        },
    )
    Inbox.objects.get_or_create(
        workspace=workspace, name="Почта support@tundra.example",
        defaults={"channel_type": "email", "language": "ru", "default_team": teams[personas.TEAM_FIRST_LINE]},
    )
    Inbox.objects.get_or_create(
        workspace=workspace, name="API", defaults={"channel_type": "api", "language": "ru"},
    )
    seed_defaults(workspace)
    return workspace


@transaction.atomic
def delete_workspace() -> None:
    """Delete the demo workspace with its staff, contacts and conversations."""
    # Conversations go first: their inbox is PROTECTed, so a cascade from the workspace
    # would refuse to delete the inboxes while conversations still point at them.
    Conversation.objects.filter(workspace__slug=personas.WORKSPACE_SLUG).delete()
    User.objects.filter(workspace__slug=personas.WORKSPACE_SLUG).delete()
    Workspace.objects.filter(slug=personas.WORKSPACE_SLUG).delete()
