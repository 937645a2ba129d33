"""analyze_message: what the customer feels (emotion) and what is going on (situation)."""

from dataclasses import dataclass, field

from humandesk.coach.mood import features, model, rules, text
from humandesk.coach.mood.errors import EmptyMessage, NotText, UnsupportedLanguage
from humandesk.coach.mood.labels import LANGUAGES, UNKNOWN_LANGUAGE

RULE_CONFIDENCE = 0.95
UNREADABLE_CONFIDENCE = 0.1


@dataclass(frozen=True)
class Mood:
    """The reading of one customer message, with the playbooks that fit it."""

    emotion: str
    situation: str | None
    emotion_confidence: float
    situation_confidence: float
    lang: str
    reasons: tuple[str, ...] = ()
    playbook: dict | None = field(default=None, compare=False)
    emotion_playbook: dict | None = field(default=None, compare=False)

    @property
    def confidence(self) -> float:
        """How sure we are of both readings together (the weaker of the two)."""
        return min(self.emotion_confidence, self.situation_confidence)

    def to_dict(self) -> dict:
        return {
            "emotion": self.emotion, "situation": self.situation,
            "confidence": round(self.confidence, 3),
            "emotion_confidence": round(self.emotion_confidence, 3),
            "situation_confidence": round(self.situation_confidence, 3),
            "lang": self.lang, "reasons": list(self.reasons),
            "playbook": self.playbook, "emotion_playbook": self.emotion_playbook,
        }


def decide(prepared, emotions: dict[str, float], situations: dict[str, float]) -> dict:
    """Combine model probabilities with the rules; rules win where they are certain."""
    emotion, emotion_conf = model.top(emotions)
    situation, situation_conf = model.top(situations)
    reasons = ["model"]
    if "cue_human" in prepared.cues:
        situation, situation_conf = "human_request", max(RULE_CONFIDENCE, situation_conf)
        reasons.append("rule:human_request")
    if "cue_aggression" in prepared.cues:
        emotion, emotion_conf = "aggression", max(RULE_CONFIDENCE, emotion_conf)
        reasons.append("rule:aggression")
    return {"emotion": emotion, "situation": situation, "emotion_confidence": emotion_conf,
            "situation_confidence": situation_conf, "reasons": tuple(reasons)}


def analyze_message(message: str, lang: str | None = None) -> Mood:
    """Read `message` for emotion and situation.

    Raises NotText, EmptyMessage or UnsupportedLanguage (all ValueError). A message in no
    language we read (emoji only, another script) gets a neutral, low-confidence result.
    """
    if not isinstance(message, str):
        raise NotText("message must be text")
    if not message.strip():
        raise EmptyMessage("message is empty")
    if lang is not None and lang not in LANGUAGES:
        raise UnsupportedLanguage(f"language {lang!r} is not one of {', '.join(LANGUAGES)}")
    lang = lang or text.detect_language(message[: features.MAX_ANALYZED_CHARS])
    if lang is None:
        return _unreadable(message)
    prepared = features.prepare(message, lang)
    emotions, situations = model.load().predict(prepared)
    return _with_playbooks(Mood(lang=lang, **decide(prepared, emotions, situations)))


def _unreadable(message: str) -> Mood:
    emotion = rules.emoji_emotion(message[: features.MAX_ANALYZED_CHARS])
    return Mood(
        emotion=emotion or "neutral", situation=None,
        emotion_confidence=0.5 if emotion else UNREADABLE_CONFIDENCE,
        situation_confidence=0.0, lang=UNKNOWN_LANGUAGE,
        reasons=("emoji",) if emotion else ("no_language",),
    )


def _with_playbooks(mood: Mood) -> Mood:
    from humandesk.playbooks.defaults import default_playbook

    return Mood(
        emotion=mood.emotion, situation=mood.situation, emotion_confidence=mood.emotion_confidence,
        situation_confidence=mood.situation_confidence, lang=mood.lang, reasons=mood.reasons,
        playbook=default_playbook(mood.situation, mood.lang),
        emotion_playbook=default_playbook(mood.emotion, mood.lang),
    )
