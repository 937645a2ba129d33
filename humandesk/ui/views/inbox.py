"""The inbox: folders with counts on the left, the conversation list on the right."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from humandesk.conversations.models import Status
from humandesk.ui import conversation_list
from humandesk.ui.conversation_list import ACTIVE_STATUSES, Filters
from humandesk.ui.decorators import staff_required
from humandesk.ui.live import last_event_id

FOLDER_LABELS = {"mine": _("Mine"), "unassigned": _("Unassigned"), "all": _("All")}


def _nav(filters: Filters, counts: dict[str, int], teams) -> dict[str, list[dict]]:
    """Links of the left navigation, each with its count and whether it is the current view."""
    in_team = filters.folder == "team"
    folders = [
        {"label": FOLDER_LABELS[name], "count": counts[name], "active": filters.folder == name,
         "query": filters.querystring(folder=name, team_id=None)}
        for name in conversation_list.FOLDERS
    ]
    team_links = [
        {"label": team.name, "count": counts[f"team_{team.pk}"],
         "active": in_team and filters.team_id == team.pk,
         "query": filters.querystring(folder="team", team_id=team.pk)}
        for team in teams
    ]
    statuses = [
        {"label": label, "value": value, "count": counts.get(f"status_{value}"),
         "active": filters.status == value, "query": filters.querystring(status=value)}
        for value, label in Status.choices
    ]
    return {"folders": folders, "teams": team_links, "statuses": statuses}


def _context(request) -> dict:
    teams = conversation_list.workspace_teams(request.user)
    filters = Filters.from_params(request.GET, {team.pk for team in teams})
    counts = conversation_list.nav_counts(request.user, filters, teams)
    page = conversation_list.page_of(request.user, filters)
    team_name = next((t.name for t in teams if t.pk == filters.team_id), "")
    return {
        "filters": filters,
        "nav": _nav(filters, counts, teams),
        "page": page,
        "view_title": team_name or FOLDER_LABELS.get(filters.folder, ""),
        "status_label": Status(filters.status).label,
        "next_query": filters.querystring(cursor=page.next_cursor) if page.next_cursor else "",
        "first_query": filters.querystring() if filters.cursor else "",
        "current_query": filters.querystring(cursor=filters.cursor),
        "active_statuses": ACTIVE_STATUSES,
    }


@staff_required
def inbox(request):
    """The full inbox page."""
    context = _context(request)
    context["last_event_id"] = last_event_id(request.user)
    return render(request, "ui/inbox.html", context)


@staff_required
def inbox_list(request):
    """The list with the navigation swapped out of band: what the live script refreshes."""
    return render(request, "ui/inbox/_refresh.html", _context(request))
