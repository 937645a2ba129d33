"""What the live script needs from the server to resume the staff stream without gaps."""

from humandesk.accounts.models import User
from humandesk.conversations.models import ConversationEvent


def last_event_id(user: User) -> int:
    """The newest timeline id of the user's workspace when the page was rendered.

    The page's script connects with `?after=<this id>`, so whatever happens between rendering
    and connecting is replayed instead of lost.
    """
    if user.workspace_id is None:
        return 0
    newest = (
        ConversationEvent.objects.filter(workspace_id=user.workspace_id)
        .order_by("-id").values_list("id", flat=True).first()
    )
    return newest or 0
