"""Workspace-scoped lookups for ids that arrive in API requests: anything else is a 404.

Another workspace's id and an id that never existed give the same answer, so the API never
reveals what exists outside the caller's workspace.
"""

from django.http import Http404

from humandesk.accounts.models import Team, User
from humandesk.contacts.models import Contact
from humandesk.inboxes.models import Inbox


def contact_for(user: User, contact_id: int) -> Contact:
    return _get(Contact.objects.filter(workspace_id=user.workspace_id), contact_id, "contact")


def inbox_for(user: User, inbox_id: int) -> Inbox:
    return _get(Inbox.objects.filter(workspace_id=user.workspace_id), inbox_id, "inbox")


def team_for(user: User, team_id: int) -> Team:
    return _get(Team.objects.filter(workspace_id=user.workspace_id), team_id, "team")


def staff_for(user: User, staff_id: int) -> User:
    """A staff member of the caller's workspace (deactivated users cannot take work)."""
    staff = User.objects.filter(workspace_id=user.workspace_id, is_active=True)
    return _get(staff, staff_id, "user")


def member_for(user: User, member_id: int) -> User:
    """Any user of the caller's workspace, deactivated ones included (for filters)."""
    return _get(User.objects.filter(workspace_id=user.workspace_id), member_id, "user")


def _get(queryset, pk: int, noun: str):
    try:
        return queryset.get(pk=int(pk))
    except (queryset.model.DoesNotExist, TypeError, ValueError, OverflowError) as exc:
        raise Http404(f"No such {noun}.") from exc
