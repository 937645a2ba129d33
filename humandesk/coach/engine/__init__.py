"""The reply coach engine: pure Python, no Django needed.

    from humandesk.coach.engine import Context, check_reply
    report = check_reply("Ваш заказ был отправлен.", Context(lang="ru", first_message=True))
"""

from humandesk.coach.engine.checker import check_reply
from humandesk.coach.engine.report import (
    LANGUAGES,
    RULES,
    UNKNOWN,
    CoachInputError,
    Context,
    Finding,
    GlossaryItem,
    Report,
)

__all__ = ["LANGUAGES", "RULES", "UNKNOWN", "CoachInputError", "Context", "Finding", "GlossaryItem",
           "Report", "check_reply"]
