"""The composer refuses replies with must-fix findings and lets advice-only findings through."""

from humandesk.coach.services import set_must_fix_rules
from humandesk.conversations.models import MessageKind

HX = {"HTTP_HX_REQUEST": "true"}
OFFICIALESE = "Уважаемый клиент! Ваше обращение было рассмотрено."


def _send(client, conversation, body, mode="reply"):
    return client.post(f"/conversations/{conversation.pk}/messages",
                       {"body": body, "mode": mode, "client_id": f"t-{mode}-{len(body)}"}, **HX)


def test_must_fix_rule_blocks_the_reply_and_keeps_the_text(anna_client, conversation, olga):
    """A reply with a rule the lead marked must-fix is not sent; the draft stays in the box."""
    set_must_fix_rules(conversation.workspace, {"bureaucratese"}, actor=olga)
    response = _send(anna_client, conversation, OFFICIALESE)
    assert response.status_code == 422
    assert "Уважаемый клиент!" in response.content.decode()
    assert not conversation.messages.filter(kind=MessageKind.REPLY).exists()


def test_advice_only_findings_do_not_block(anna_client, conversation):
    """Without must-fix rules the same reply is sent: the coach advises, never blocks."""
    response = _send(anna_client, conversation, OFFICIALESE)
    assert response.status_code == 200
    assert conversation.messages.filter(kind=MessageKind.REPLY, body=OFFICIALESE).exists()


def test_notes_are_never_blocked(anna_client, conversation, olga):
    """Internal notes are for colleagues; must-fix rules apply to customer-facing replies only."""
    set_must_fix_rules(conversation.workspace, {"bureaucratese"}, actor=olga)
    response = _send(anna_client, conversation, OFFICIALESE, mode="note")
    assert response.status_code == 200
    assert conversation.messages.filter(kind=MessageKind.NOTE).exists()
