"""Human wording of service errors, in the agent's language."""

from django.utils.translation import gettext as _

from humandesk.coach.services import MustFixFindings
from humandesk.conversations.models import Status
from humandesk.conversations.services import ServiceError
from humandesk.core.text import MessageRejected


def _status_label(value: str) -> str:
    return str(Status(value).label) if value in Status.values else value


def error_text(exc: ServiceError | MessageRejected | MustFixFindings, *, current: str = "", target: str = "") -> str:
    """The message to show next to the control that failed."""
    if isinstance(exc, MessageRejected | MustFixFindings):
        return exc.reason
    if exc.code == "bad_transition":
        return _("A conversation cannot move from “%(current)s” to “%(target)s”.") % {
            "current": _status_label(current), "target": _status_label(target),
        }
    texts = {
        "closed": _("This conversation is closed: the customer can no longer receive replies here. "
                    "Leave an internal note or start a new conversation."),
        "foreign_user": _("Choose an agent of your workspace."),
        "foreign_team": _("Choose a team of your workspace."),
        "bad_priority": _("Unknown priority."),
    }
    return texts.get(exc.code, exc.reason)
