"""What a customer's message means for the bot: a request for a person, anger, small talk,
a yes or a no. Words first (certain and cheap), then the coach's mood reading."""

import re
from dataclasses import dataclass

from humandesk.coach.mood import MoodError, analyze_message

# Asking for a person in so many words hands over at once, whatever the model thinks.
HUMAN_WORDS = re.compile(
    r"\b(оператор\w*|жив(ой|ого|ым|ому|ым)\s+(человек\w*|сотрудник\w*)|(с|позовите|позвать)\s+человеком?|"
    r"менеджер\w*|human|operator|(real|a)\s+person|someone\s+real|agente|persona\s+real|humano|"
    r"operador\w*|una\s+persona)\b",
    re.IGNORECASE,
)
GREETING_WORDS = frozenset(["здравствуйте", "здравствуй", "привет", "добрый", "доброе", "добрый", "день", "вечер", "утро", "утра", "дня", "вечера", "здрасте", "hello", "hi", "hey", "good", "morning", "afternoon", "evening", "there", "hola", "buenas", "buenos", "dias", "días", "tardes", "noches"])
YES_WORDS = frozenset(["да", "помогло", "помогла", "спасибо", "yes", "thanks", "thank", "you", "helped", "sí", "si", "gracias", "sirvió", "ok", "ок"])
NO_WORDS = frozenset(["нет", "не", "помогло", "no", "not", "didn't", "didnt", "helped", "sirvió", "ha", "servido"])
NEGATIONS = frozenset({"нет", "не", "no", "not", "didn't", "didnt"})
ANGER_CONFIDENCE = 0.6
HUMAN_REQUEST_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Reading:
    wants_human: bool = False
    angry: bool = False
    lang: str | None = None


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.lower())


def read(text: str) -> Reading:
    """Whether the message asks for a person or is angry/aggressive, and its language."""
    try:
        mood = analyze_message(text)
    except MoodError:
        return Reading(wants_human=bool(HUMAN_WORDS.search(text)))
    asked = bool(HUMAN_WORDS.search(text)) or (
        mood.situation == "human_request" and mood.situation_confidence >= HUMAN_REQUEST_CONFIDENCE
    )
    angry = mood.emotion == "aggression" or (
        mood.emotion == "anger" and mood.emotion_confidence >= ANGER_CONFIDENCE
    )
    return Reading(wants_human=asked, angry=angry, lang=mood.lang)


def is_small_talk(text: str) -> bool:
    """Only a greeting ("Здравствуйте!", "hola"): nothing to search for yet."""
    words = _words(text)
    return bool(words) and all(w in GREETING_WORDS for w in words)


def feedback_in_words(text: str) -> bool | None:
    """A typed answer to "did this help?": True, False, or None when it is something else."""
    words = _words(text)
    if not words or len(words) > 4 or not all(w in YES_WORDS | NO_WORDS for w in words):
        return None
    return not any(w in NEGATIONS for w in words)
