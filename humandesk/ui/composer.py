"""What the composer's send button does: a note, or a reply that passed the must-fix rules."""

from humandesk.accounts.models import User
from humandesk.coach.services import ensure_sendable
from humandesk.conversations import services
from humandesk.conversations.models import Conversation, Message
from humandesk.ui.forms import ComposerForm


def send_from_composer(conversation: Conversation, agent: User, mode: str, body: str,
                       client_id: str | None) -> Message:
    if mode == ComposerForm.NOTE:
        return services.add_note(conversation, agent, body, client_id=client_id)
    ensure_sendable(conversation, body)
    return services.post_reply(conversation, agent, body, client_id=client_id)
