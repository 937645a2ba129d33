"""Names of emotions and situations in the agent's UI language."""

from django.utils.translation import gettext_lazy as _

EMOTION_LABELS = {
    "anger": _("Anger"),
    "anxiety": _("Anxiety"),
    "greed": _("Looking for a deal"),
    "joy": _("Joy"),
    "curiosity": _("Curiosity"),
    "sociability": _("Wants to chat"),
    "aggression": _("Aggression"),
    "neutral": _("Neutral"),
}
SITUATION_LABELS = {
    "service_failure": _("Complaint about the service"),
    "price_question": _("Question about price"),
    "public_criticism": _("Public criticism"),
    "trolling": _("Conflict for its own sake"),
    "idea": _("Idea"),
    "out_of_scope": _("Outside what we do"),
    "refund_return": _("Refund or return"),
    "how_to": _("How to"),
    "compliment": _("Compliment"),
    "human_request": _("Asks for a person"),
}
