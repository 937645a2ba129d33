"""The inbox list: which conversations a folder shows, the navigation counts, keyset pages.

Pages are keyset-paginated on (last_message_at, id) so that page 40 costs what page 1 costs
and no page runs COUNT(*) over the table. Navigation counts come from one conditional
aggregate over the active statuses (open, pending, snoozed): resolved and closed are the
archive, which grows forever, so they get no count.
"""

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Q, QuerySet

from humandesk.accounts.models import Team, User
from humandesk.conversations import counts
from humandesk.conversations.access import conversations_for
from humandesk.conversations.models import Conversation, Status

PAGE_SIZE = 50
FOLDERS = ("mine", "unassigned", "all")
ACTIVE_STATUSES = (Status.OPEN, Status.PENDING, Status.SNOOZED)
_STAMP = "%Y%m%dT%H%M%S%f"


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: the last row shown (its activity time may be None)."""

    last_message_at: datetime | None
    pk: int

    def encode(self) -> str:
        stamp = self.last_message_at.astimezone(UTC).strftime(_STAMP) if self.last_message_at else ""
        return f"{stamp}~{self.pk}"

    @classmethod
    def decode(cls, raw: str) -> "Cursor | None":
        stamp, sep, pk = (raw or "").partition("~")
        if not sep or not pk.isdigit() or len(raw) > 60:
            return None
        try:
            moment = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC) if stamp else None
        except ValueError:
            return None
        return cls(moment, int(pk))


@dataclass(frozen=True)
class Filters:
    """One inbox view: a folder (mine, unassigned, all or a team), a status and a search."""

    folder: str = "all"
    team_id: int | None = None
    status: str = Status.OPEN
    query: str = ""
    cursor: Cursor | None = field(default=None, compare=False)

    @classmethod
    def from_params(cls, params, team_ids: set[int]) -> "Filters":
        """Read the query string; anything unknown falls back to the default view."""
        team = params.get("team", "")
        team_id = int(team) if team.isdigit() and int(team) in team_ids else None
        folder = "team" if team_id else params.get("view", "all")
        status = params.get("status", Status.OPEN)
        return cls(
            folder=folder if folder in (*FOLDERS, "team") else "all",
            team_id=team_id,
            status=status if status in Status.values else Status.OPEN,
            query=" ".join(params.get("q", "").split())[:100],
            cursor=Cursor.decode(params.get("cursor", "")),
        )

    def querystring(self, **changes) -> str:
        """The query string of this view with some fields changed (cursor dropped unless given)."""
        changes.setdefault("cursor", None)
        target = replace(self, **changes)
        params = {"status": target.status}
        if target.folder == "team" and target.team_id:
            params["team"] = target.team_id
        else:
            params["view"] = target.folder
        if target.query:
            params["q"] = target.query
        if target.cursor:
            params["cursor"] = target.cursor.encode()
        return urlencode(params)


@dataclass
class Page:
    rows: list[Conversation]
    next_cursor: Cursor | None


def folder_filter(user: User, folder: str, team_id: int | None) -> Q:
    if folder == "mine":
        return Q(assignee_id=user.pk)
    if folder == "unassigned":
        return Q(assignee__isnull=True)
    if folder == "team":
        return Q(team_id=team_id)
    return Q()


def _after(cursor: Cursor) -> Q:
    """Rows strictly after the cursor in the order (-last_message_at, -id), nulls as the DB sorts them."""
    nulls_first = connection.features.nulls_order_largest  # PostgreSQL: NULL sorts first in DESC
    if cursor.last_message_at is None:
        tail = Q(last_message_at__isnull=True, pk__lt=cursor.pk)
        return tail | Q(last_message_at__isnull=False) if nulls_first else tail
    moment = cursor.last_message_at
    # The redundant range lets the planner seek in the index instead of filtering from the top.
    before = Q(last_message_at__lte=moment) & (Q(last_message_at__lt=moment) | Q(pk__lt=cursor.pk))
    return before if nulls_first else before | Q(last_message_at__isnull=True)


def search_filter(query: str) -> Q:
    """Contact name or email; `#123` or `123` also finds conversation 123."""
    found = Q(contact__name__icontains=query) | Q(contact__email__icontains=query)
    number = query.removeprefix("#")
    if number.isdigit() and len(number) < 19:
        found |= Q(pk=int(number))
    return found


def list_queryset(user: User, filters: Filters) -> QuerySet[Conversation]:
    qs = conversations_for(user).filter(folder_filter(user, filters.folder, filters.team_id),
                                        status=filters.status)
    if filters.query:
        qs = qs.filter(search_filter(filters.query))
    return qs


def page_of(user: User, filters: Filters) -> Page:
    """One page of the list, newest activity first; two queries (rows, then their tags)."""
    qs = list_queryset(user, filters)
    if filters.cursor:
        qs = qs.filter(_after(filters.cursor))
    qs = (
        qs.select_related("contact", "inbox", "assignee", "team")
        .prefetch_related("tags")
        .order_by("-last_message_at", "-pk")
    )
    rows = list(qs[: PAGE_SIZE + 1])
    next_cursor = None
    if len(rows) > PAGE_SIZE:
        rows = rows[:PAGE_SIZE]
        next_cursor = Cursor(rows[-1].last_message_at, rows[-1].pk)
    return Page(rows, next_cursor)


def nav_counts(user: User, filters: Filters, teams: list[Team]) -> dict[str, int]:
    """Open conversations per folder and team, and active statuses in the current folder.

    Read from the per-bucket counters (`conversations.counts`): a few hundred rows, whatever
    the number of conversations.
    """
    is_open = Q(status=Status.OPEN)
    in_folder = folder_filter(user, filters.folder, filters.team_id)
    return counts.totals(
        user.workspace_id,
        mine=is_open & Q(assignee_id=user.pk),
        unassigned=is_open & Q(assignee__isnull=True),
        all=is_open,
        **{f"team_{team.pk}": is_open & Q(team_id=team.pk) for team in teams},
        **{f"status_{status}": Q(status=status) & in_folder for status in ACTIVE_STATUSES},
    )


def workspace_teams(user: User) -> list[Team]:
    if user.workspace_id is None:
        return []
    return list(Team.objects.filter(workspace_id=user.workspace_id).order_by("name"))
