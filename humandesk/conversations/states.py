"""Which status changes are allowed, and the one function that changes status."""

from django.utils import timezone

from humandesk.conversations.models import Conversation, Status

# status -> statuses it may move to
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.OPEN: frozenset({Status.PENDING, Status.SNOOZED, Status.RESOLVED, Status.CLOSED}),
    Status.PENDING: frozenset({Status.OPEN, Status.SNOOZED, Status.RESOLVED, Status.CLOSED}),
    Status.SNOOZED: frozenset({Status.OPEN, Status.PENDING, Status.RESOLVED, Status.CLOSED}),
    Status.RESOLVED: frozenset({Status.OPEN, Status.CLOSED}),
    # A closed conversation is final; a customer writing again starts a new one.
    Status.CLOSED: frozenset(),
}


class TransitionError(ValueError):
    def __init__(self, current: str, target: str):
        super().__init__(f"cannot move a conversation from {current!r} to {target!r}")
        self.current = current
        self.target = target


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def transition(conversation: Conversation, target: str, *, snoozed_until=None) -> str:
    """Change status in memory (caller saves); returns the previous status."""
    if target not in Status.values:
        raise TransitionError(conversation.status, target)
    previous = conversation.status
    if previous == target:
        return previous
    if not can_transition(previous, target):
        raise TransitionError(previous, target)
    conversation.status = target
    conversation.snoozed_until = snoozed_until if target == Status.SNOOZED else None
    if target == Status.RESOLVED:
        conversation.resolved_at = timezone.now()
    elif target == Status.OPEN:
        conversation.resolved_at = None
    return previous
