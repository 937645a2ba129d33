"""Which optional panels other apps plug into the workspace (the reply coach, the mood sidebar).

Those apps are built separately; until their URL and script exist the workspace renders
without them instead of failing on a missing URL name or static file.
"""

from django.contrib.staticfiles import finders
from django.urls import NoReverseMatch, reverse

COACH_SCRIPT = "coach/composer.js"


def _reverses(name: str, *args) -> bool:
    try:
        reverse(name, args=args)
    except NoReverseMatch:
        return False
    return True


def coach_enabled() -> bool:
    """The composer gets the coach hooks when `coach:check` and its script exist."""
    return _reverses("coach:check") and finders.find(COACH_SCRIPT) is not None


def mood_sidebar_enabled(conversation_id: int) -> bool:
    """The conversation page loads the playbooks' mood sidebar when its URL exists."""
    return _reverses("playbooks:sidebar", conversation_id)


def hooks(conversation_id: int) -> dict[str, bool]:
    return {"coach_enabled": coach_enabled(), "mood_enabled": mood_sidebar_enabled(conversation_id)}
