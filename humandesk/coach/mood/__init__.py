"""Reading the customer's message: emotion, situation and the playbook that fits.

    from humandesk.coach.mood import analyze_message
    analyze_message("Позовите оператора!").situation  # "human_request"
"""

from humandesk.coach.mood.analyzer import Mood, analyze_message
from humandesk.coach.mood.errors import EmptyMessage, MoodError, NotText, UnsupportedLanguage
from humandesk.coach.mood.labels import EMOTIONS, LANGUAGES, SITUATIONS

__all__ = [
    "EMOTIONS", "LANGUAGES", "SITUATIONS", "EmptyMessage", "Mood", "MoodError", "NotText",
    "UnsupportedLanguage", "analyze_message",
]
