"""/api/v1/conversations: open, read, filter, page, and change through the services."""

from datetime import UTC, datetime, timedelta

import pytest

from humandesk.conversations import services
from humandesk.conversations.models import Conversation, ConversationEvent, EventKind, Message
from humandesk.inboxes.models import Inbox


@pytest.fixture
def many(widget_inbox, ivan):
    """Five more conversations whose updated_at ties in pairs, to test the id tie-break."""
    base = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    made = []
    for i in range(5):
        conversation = services.start_conversation(widget_inbox, ivan, subject=f"Заказ {i}")
        Conversation.objects.filter(pk=conversation.pk).update(updated_at=base + timedelta(minutes=i // 2))
        made.append(conversation.pk)
    return made


def walk(api, **params) -> list[int]:
    seen, cursor = [], None
    while True:
        page = api.get("/conversations", {**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.json()
        seen += [c["id"] for c in page.json()["items"]]
        cursor = page.json()["next"]
        if not cursor:
            return seen


def test_open_a_conversation_with_the_first_customer_message(api, widget_inbox, ivan):
    """201 with the conversation; the message is stored and the timeline has both events."""
    response = api.post("/conversations", {"inbox": widget_inbox.pk, "contact": ivan.pk, "subject": "Чехол",
                                           "message": {"body": "Палатка пришла без колышков", "client_id": "crm-1"}})
    assert response.status_code == 201
    body = response.json()
    assert body["contact"] == {"id": ivan.pk, "name": "Иван Петров", "email": "ivan@example.com"}
    assert body["inbox"]["id"] == widget_inbox.pk and body["status"] == "open"
    assert body["message_count"] == 1 and body["last_message_preview"] == "Палатка пришла без колышков"
    kinds = set(ConversationEvent.objects.filter(conversation_id=body["id"]).values_list("kind", flat=True))
    assert kinds == {EventKind.CONVERSATION_CREATED, EventKind.MESSAGE_CREATED}


def test_a_rejected_first_message_leaves_no_conversation(api, widget_inbox, ivan):
    """An empty first message is a 422 `empty` and no half-made conversation remains."""
    response = api.post("/conversations", {"inbox": widget_inbox.pk, "contact": ivan.pk, "message": {"body": "  "}})
    assert response.status_code == 422
    assert response.json()["code"] == "empty"
    assert not Conversation.objects.exists()


def test_get_a_conversation(api, conversation):
    """Every documented field is present, timestamps carry a timezone."""
    body = api.get(f"/conversations/{conversation.pk}").json()
    assert body["id"] == conversation.pk and body["tags"] == [] and body["assignee"] is None
    assert datetime.fromisoformat(body["updated_at"]).tzinfo is not None


def test_filters_by_status_assignee_team_and_inbox(api, conversation, many, anna, kate, first_line, workspace):
    """Each filter narrows the list; `me` is the token's user and `none` is unassigned."""
    mine, kates, resolved = many[0], many[1], many[2]
    services.assign_conversation(Conversation.objects.get(pk=mine), anna, actor=anna)
    services.assign_conversation(Conversation.objects.get(pk=kates), kate, actor=anna)
    services.change_status(Conversation.objects.get(pk=resolved), "resolved", actor=anna)
    services.transfer_to_team(Conversation.objects.get(pk=many[3]), first_line, actor=anna)
    email = Inbox.objects.create(workspace=workspace, name="Почта", channel_type="email")
    emailed = services.start_conversation(email, conversation.contact)
    assert walk(api, assignee="me") == [mine]
    assert walk(api, assignee=str(kate.pk)) == [kates]
    assert set(walk(api, assignee="none")) == {conversation.pk, resolved, many[3], many[4], emailed.pk}
    assert walk(api, status="resolved") == [resolved]
    assert walk(api, team=first_line.pk) == [many[3]]
    assert walk(api, inbox=email.pk) == [emailed.pk]


def test_updated_since_needs_a_timezone(api, many):
    """Aware timestamps filter (an unencoded '+' is repaired); a naive one is a clear 422."""
    assert set(walk(api, updated_since="2026-03-01T09:01:00Z")) >= set(many[2:])
    assert many[0] not in walk(api, updated_since="2026-03-01T12:01:00 03:00")
    response = api.get("/conversations", {"updated_since": "2026-03-01T09:01:00"})
    assert response.status_code == 422
    problem = response.json()["detail"][0]
    assert problem["loc"][-1] == "updated_since" and "timezone" in problem["msg"]


def test_pages_newest_first_cover_every_conversation_once(api, conversation, many):
    """Following `next` (limit 2, with tied updated_at) returns each row exactly once, in order."""
    expected = list(Conversation.objects.order_by("-updated_at", "-id").values_list("id", flat=True))
    assert walk(api, limit=2) == expected


def test_sync_order_sees_a_conversation_updated_while_paging_again(api, many):
    """With order=updated_at, a row changed mid-walk moves to the end instead of being missed."""
    first = api.get("/conversations", {"order": "updated_at", "limit": 2}).json()
    assert [c["id"] for c in first["items"]] == many[:2]
    services.set_priority(Conversation.objects.get(pk=many[0]), "high", actor=None)
    rest = walk(api, order="updated_at", limit=2, cursor=first["next"])
    assert rest == [*many[2:], many[0]]


def test_a_cursor_of_another_order_is_refused(api, many):
    """A newest-first cursor cannot continue an oldest-first walk."""
    cursor = api.get("/conversations", {"limit": 1}).json()["next"]
    response = api.get("/conversations", {"order": "updated_at", "cursor": cursor})
    assert response.status_code == 422 and response.json()["code"] == "bad_cursor"


def test_status_changes_follow_the_transition_table(api, conversation):
    """open → resolved is fine; a closed conversation cannot reopen: 409 with the reason."""
    response = api.put(f"/conversations/{conversation.pk}/status", {"status": "resolved"})
    assert response.status_code == 200 and response.json()["resolved_at"]
    api.put(f"/conversations/{conversation.pk}/status", {"status": "closed"})
    refused = api.put(f"/conversations/{conversation.pk}/status", {"status": "open"})
    assert refused.status_code == 409
    assert refused.json()["code"] == "bad_transition" and "closed" in refused.json()["detail"]
    assert api.put(f"/conversations/{conversation.pk}/status", {"status": "lost"}).status_code == 422


def test_assign_unassign_transfer_prioritise_and_tag(api, conversation, kate, first_line):
    """Each setter answers with the updated conversation and writes its timeline event."""
    url = f"/conversations/{conversation.pk}"
    assert api.put(url + "/assignee", {"assignee": kate.pk}).json()["assignee"] == {"id": kate.pk, "name": kate.name}
    assert api.put(url + "/assignee", {"assignee": None}).json()["assignee"] is None
    assert api.put(url + "/team", {"team": first_line.pk}).json()["team"]["name"] == first_line.name
    assert api.put(url + "/priority", {"priority": "urgent"}).json()["priority"] == "urgent"
    assert api.put(url + "/tags", {"tags": ["Возврат", " брак ", "возврат"]}).json()["tags"] == ["брак", "возврат"]
    kinds = list(conversation.events.values_list("kind", flat=True))
    for kind in (EventKind.ASSIGNED, EventKind.TEAM_CHANGED, EventKind.PRIORITY_CHANGED, EventKind.TAGS_CHANGED):
        assert kind in kinds
    assert api.put(url + "/priority", {"priority": "asap"}).status_code == 422


def test_an_unknown_id_is_a_json_404(api):
    """Ids that do not exist answer 404 JSON, as do paths that do not exist."""
    for path in ("/conversations/999999", "/conversations/999999/messages", "/no-such-thing"):
        response = api.get(path)
        assert response.status_code == 404 and response.json()["code"] == "not_found"


def test_listing_costs_the_same_queries_for_any_number_of_rows(api, widget_inbox, ivan, kate, first_line,
                                                               django_assert_num_queries):
    """Contact, assignee, team, inbox and tags load in a fixed number of queries."""
    api.get("/me")

    def add(count):
        for i in range(count):
            conversation = services.start_conversation(widget_inbox, ivan, subject=str(i))
            services.assign_conversation(conversation, kate, actor=None)
            services.transfer_to_team(conversation, first_line, actor=None)
            services.set_tags(conversation, ["доставка", f"t{i}"], actor=None)

    add(2)
    with django_assert_num_queries(3):  # token, conversations (+joins), tags
        api.get("/conversations")
    add(10)
    with django_assert_num_queries(3):
        assert len(api.get("/conversations", {"limit": 100}).json()["items"]) == 12
    assert Message.objects.count() == 0
