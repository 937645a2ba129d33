"""Conversation actions: take, assign, transfer, status, priority, tags."""

import pytest

from humandesk.conversations import services
from humandesk.conversations.models import ConversationEvent
from tests.ui.conftest import HX


def _act(client, conversation, action, data=None, htmx=True):
    extra = HX if htmx else {}
    return client.post(f"/conversations/{conversation.pk}/actions/{action}", data or {}, **extra)


def test_take(anna_client, anna, conversation):
    """Take assigns the conversation to the agent and the header shows it."""
    response = _act(anna_client, conversation, "take")
    assert response.status_code == 200
    conversation.refresh_from_db()
    assert conversation.assignee == anna
    assert "Анна Смирнова" in response.content.decode()


def test_assign_and_unassign(anna_client, kate, conversation):
    """Assign gives the conversation to a colleague; an empty choice unassigns it."""
    _act(anna_client, conversation, "assign", {"assignee": kate.pk})
    conversation.refresh_from_db()
    assert conversation.assignee == kate
    _act(anna_client, conversation, "assign", {"assignee": ""})
    conversation.refresh_from_db()
    assert conversation.assignee is None


def test_assign_to_another_workspace_user_is_refused(anna_client, conversation, other_workspace):
    """An agent of another workspace is not a valid choice."""
    response = _act(anna_client, conversation, "assign", {"assignee": other_workspace["user"].pk})
    assert response.status_code == 422
    assert "Выберите сотрудника вашей команды." in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.assignee is None


def test_transfer_to_team(anna_client, anna, conversation, first_line, other_workspace):
    """Transfer moves the conversation to a team's queue and unassigns it; foreign teams are refused."""
    services.take_conversation(conversation, anna)
    _act(anna_client, conversation, "transfer", {"team": first_line.pk})
    conversation.refresh_from_db()
    assert (conversation.team, conversation.assignee) == (first_line, None)
    from humandesk.accounts.models import Team

    foreign = Team.objects.create(workspace=other_workspace["workspace"], name="Чужие")
    assert _act(anna_client, conversation, "transfer", {"team": foreign.pk}).status_code == 422


def test_status_change(anna_client, conversation):
    """An allowed status change is applied and recorded on the timeline."""
    response = _act(anna_client, conversation, "status", {"status": "resolved"})
    assert response.status_code == 200
    conversation.refresh_from_db()
    assert conversation.status == "resolved"
    assert ConversationEvent.objects.filter(conversation=conversation, kind="status_changed").exists()


def test_illegal_status_change_gives_a_clear_error(anna_client, anna, conversation):
    """A move the transition table forbids (closed → open) is refused with a clear message."""
    services.change_status(conversation, "closed", actor=anna)
    response = _act(anna_client, conversation, "status", {"status": "open"})
    assert response.status_code == 422
    assert "Диалог нельзя перевести из статуса «Закрыт» в «Открыт»." in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.status == "closed"


def test_unknown_status_value(anna_client, conversation):
    """A status that does not exist is refused by the form."""
    response = _act(anna_client, conversation, "status", {"status": "deleted"})
    assert response.status_code == 422
    assert "Неизвестный статус." in response.content.decode()


def test_priority(anna_client, conversation):
    """Priority changes; an unknown priority is refused."""
    _act(anna_client, conversation, "priority", {"priority": "urgent"})
    conversation.refresh_from_db()
    assert conversation.priority == "urgent"
    assert _act(anna_client, conversation, "priority", {"priority": "mega"}).status_code == 422


def test_tags(anna_client, conversation):
    """Tags are replaced by the comma-separated list; too many tags are refused."""
    response = _act(anna_client, conversation, "tags", {"tags": "Палатки, возврат ,, доставка"})
    assert response.status_code == 200
    assert sorted(conversation.tags.values_list("name", flat=True)) == ["возврат", "доставка", "палатки"]
    too_many = ",".join(f"t{n}" for n in range(30))
    assert _act(anna_client, conversation, "tags", {"tags": too_many}).status_code == 422
    assert conversation.tags.count() == 3


def test_plain_post_redirects_with_flash_error(anna_client, anna, conversation):
    """Without HTMX an action redirects back and the error appears on the page."""
    services.change_status(conversation, "closed", actor=anna)
    response = _act(anna_client, conversation, "status", {"status": "pending"}, htmx=False)
    assert response.status_code == 302
    page = anna_client.get(response["Location"]).content.decode()
    assert "Диалог нельзя перевести" in page


def test_unknown_action_and_get_requests(anna_client, conversation):
    """An unknown action is a 404; actions only accept POST."""
    assert _act(anna_client, conversation, "delete").status_code == 404
    assert anna_client.get(f"/conversations/{conversation.pk}/actions/take").status_code == 405


@pytest.mark.parametrize("action,data", [("take", {}), ("status", {"status": "resolved"}),
                                         ("tags", {"tags": "x"})])
def test_other_workspace_actions_are_404(anna_client, other_workspace, action, data):
    """Acting on another workspace's conversation is a 404 and changes nothing."""
    foreign = other_workspace["conversation"]
    assert _act(anna_client, foreign, action, data).status_code == 404
    foreign.refresh_from_db()
    assert (foreign.assignee, foreign.status) == (None, "open")
