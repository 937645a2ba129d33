"""/api/v1/me, /users, /teams, /inboxes: who and what the token's workspace holds."""

from ninja import Router

from humandesk.accounts.models import Team, User
from humandesk.api.errors import errors
from humandesk.api.schemas import InboxOut, TeamOut, UserOut
from humandesk.inboxes.models import Inbox

router = Router(tags=["workspace"])


@router.get("/me", response={200: UserOut, **errors()}, summary="The token's user")
def get_me(request):
    """Who the token authenticates as."""
    return request.auth


@router.get("/users", response={200: list[UserOut], **errors()}, summary="List staff")
def list_users(request):
    """Active staff members of the workspace, by username."""
    return User.objects.filter(workspace_id=request.auth.workspace_id, is_active=True).order_by("username")


@router.get("/teams", response={200: list[TeamOut], **errors()}, summary="List teams")
def list_teams(request):
    """Teams of the workspace with their members' ids."""
    return Team.objects.filter(workspace_id=request.auth.workspace_id).prefetch_related("members")


@router.get("/inboxes", response={200: list[InboxOut], **errors()}, summary="List inboxes")
def list_inboxes(request):
    """Inboxes of the workspace: where conversations can be opened."""
    return Inbox.objects.filter(workspace_id=request.auth.workspace_id)
