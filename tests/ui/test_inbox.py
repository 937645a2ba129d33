"""The inbox page: folders, counts, filters, keyset pages, live fragment, query budget."""

import re

import pytest

from humandesk.conversations import services
from humandesk.conversations.models import Conversation
from tests.ui.conftest import HX


def _row_ids(response) -> list[int]:
    return [int(n) for n in re.findall(r'href="/conversations/(\d+)/"', response.content.decode())]


def _count(response, label: str) -> int:
    """The number shown next to a navigation link."""
    match = re.search(rf"<span>{re.escape(label)}</span><span class=\"count\"[^>]*>(\d+)</span>",
                      response.content.decode())
    assert match, f"no count for {label}"
    return int(match.group(1))


def test_inbox_requires_sign_in(client, db):
    """An anonymous visitor is sent to the sign-in page and sees nothing of the inbox."""
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=/")


def test_fragment_with_expired_session_redirects_the_page(client, db):
    """An HTMX fragment request without a session asks htmx to load the sign-in page."""
    response = client.get("/inbox/list", **HX)
    assert response.status_code == 401
    assert response["HX-Redirect"] == "/login/"


def test_all_view_lists_open_conversations_newest_first(anna_client, busy_inbox):
    """The default view lists every open conversation of the workspace by last activity."""
    services.post_customer_message(busy_inbox[3], "Ещё вопрос")
    ids = _row_ids(anna_client.get("/"))
    assert ids[0] == busy_inbox[3].pk
    assert ids[1] == busy_inbox[-1].pk
    assert len(ids) == 50


def test_folders_filter_by_assignee_and_team(anna_client, anna, busy_inbox, first_line):
    """Mine, unassigned and team views show exactly the matching conversations."""
    qs = Conversation.objects.filter(status="open")
    mine = set(_row_ids(anna_client.get("/?view=mine")))
    assert mine == set(qs.filter(assignee=anna).values_list("pk", flat=True))
    unassigned = set(_row_ids(anna_client.get("/?view=unassigned")))
    assert unassigned == set(qs.filter(assignee__isnull=True).values_list("pk", flat=True))
    team = set(_row_ids(anna_client.get(f"/?team={first_line.pk}")))
    assert team == set(qs.filter(team=first_line).values_list("pk", flat=True))
    assert mine and unassigned and team


def test_status_views_filter(anna_client, anna, busy_inbox):
    """Each status view lists only conversations in that status."""
    services.change_status(busy_inbox[0], "resolved", actor=anna)
    services.change_status(busy_inbox[1], "pending", actor=anna)
    services.change_status(busy_inbox[2], "closed", actor=anna)
    assert _row_ids(anna_client.get("/?status=resolved")) == [busy_inbox[0].pk]
    assert _row_ids(anna_client.get("/?status=pending")) == [busy_inbox[1].pk]
    assert _row_ids(anna_client.get("/?status=closed")) == [busy_inbox[2].pk]
    assert busy_inbox[0].pk not in _row_ids(anna_client.get("/?status=open"))


def test_navigation_counts(anna_client, anna, kate, busy_inbox, first_line):
    """Counts next to each view equal the open conversations that view holds."""
    services.change_status(busy_inbox[0], "pending", actor=anna)
    services.change_status(busy_inbox[1], "snoozed", actor=anna)
    anna_client.force_login(anna)
    response = anna_client.get("/")
    open_qs = Conversation.objects.filter(status="open")
    assert _count(response, "Мои") == open_qs.filter(assignee=anna).count()
    assert _count(response, "Без исполнителя") == open_qs.filter(assignee__isnull=True).count()
    assert _count(response, "Все") == 48
    assert _count(response, first_line.name) == open_qs.filter(team=first_line).count()
    html = response.content.decode()
    assert re.search(r'status-dot--pending"[^>]*></span>[^<]*</span>\s*<span class="count">1<', html)
    assert re.search(r'status-dot--snoozed"[^>]*></span>[^<]*</span>\s*<span class="count">1<', html)


def test_unknown_parameters_fall_back_to_the_default_view(anna_client, busy_inbox, other_workspace):
    """A foreign team id, a bogus status or cursor shows the default view instead of failing."""
    foreign_team_id = 999999
    response = anna_client.get(f"/?team={foreign_team_id}&status=nope&cursor=garbage&view=x")
    assert response.status_code == 200
    assert len(_row_ids(response)) == 50


def test_other_workspace_never_listed(anna_client, busy_inbox, other_workspace):
    """Conversations of another workspace never appear, whatever the view."""
    foreign = other_workspace["conversation"].pk
    for query in ("", "?view=unassigned", "?q=Mallory", f"?q=%23{foreign}"):
        assert foreign not in _row_ids(anna_client.get("/" + query))


def test_search_by_contact_name_email_and_number(anna_client, busy_inbox):
    """The search box finds a contact by name, by email and a conversation by #number."""
    target = busy_inbox[7]
    assert _row_ids(anna_client.get("/?q=Клиент 7")) == [target.pk]
    assert _row_ids(anna_client.get("/?q=client7@example")) == [target.pk]
    assert _row_ids(anna_client.get(f"/?q=%23{target.pk}")) == [target.pk]
    assert "ничего не нашлось" in anna_client.get("/?q=nobody-here").content.decode().lower()


def test_keyset_pages_cover_everything_once(anna_client, busy_inbox, widget_inbox, ivan, settings):
    """Older pages continue exactly where the previous one ended: no gaps, no repeats."""
    from humandesk.ui import conversation_list

    conversation_list.PAGE_SIZE, saved = 7, conversation_list.PAGE_SIZE
    try:
        empty = services.start_conversation(widget_inbox, ivan)  # no message yet: no activity time
        seen, url = [], "/"
        while url:
            response = anna_client.get(url)
            seen += _row_ids(response)
            match = re.search(r'href="\?([^"]+)" rel="next"', response.content.decode())
            url = "/?" + match.group(1).replace("&amp;", "&") if match else ""
    finally:
        conversation_list.PAGE_SIZE = saved
    expected = list(Conversation.objects.filter(status="open").order_by("-last_message_at", "-pk")
                    .values_list("pk", flat=True))
    assert seen == expected
    assert empty.pk in seen


def test_list_fragment_carries_navigation_out_of_band(anna_client, busy_inbox):
    """The fragment the live script fetches holds the list and the counts, not the page."""
    response = anna_client.get("/inbox/list?view=mine&status=open", **HX)
    html = response.content.decode()
    assert '<div id="inbox-list"' in html
    assert 'id="inbox-nav"' in html and 'hx-swap-oob="true"' in html
    assert "<html" not in html


@pytest.mark.parametrize("rows", [5, 50])
def test_inbox_query_count_does_not_grow_with_rows(anna_client, busy_inbox, rows,
                                                   django_assert_max_num_queries):
    """Rendering the inbox costs a fixed number of queries, however many rows are shown."""
    for conv in busy_inbox[rows:]:
        Conversation.objects.filter(pk=conv.pk).update(status="closed")
    with django_assert_max_num_queries(8):
        response = anna_client.get("/")
    assert len(_row_ids(response)) == rows
