"""What the agent's sidebar shows for a conversation: the customer's mood and the playbooks
to follow, with the steps already ticked."""

from dataclasses import dataclass, field

from humandesk.coach.mood import LANGUAGES as MOOD_LANGUAGES
from humandesk.coach.mood import Mood, MoodError, analyze_message
from humandesk.conversations.models import Conversation, MessageKind
from humandesk.playbooks.labels import EMOTION_LABELS, SITUATION_LABELS
from humandesk.playbooks.models import PlaybookProgress
from humandesk.playbooks.services import PlaybookView, get_playbook


@dataclass(frozen=True)
class Step:
    index: int
    text: str
    checked: bool


@dataclass(frozen=True)
class GuidePlaybook:
    view: PlaybookView
    steps: tuple[Step, ...]


@dataclass
class Guide:
    mood: Mood | None = None
    playbooks: list[GuidePlaybook] = field(default_factory=list)

    @property
    def emotion_label(self) -> str:
        return EMOTION_LABELS.get(self.mood.emotion, self.mood.emotion) if self.mood else ""

    @property
    def situation_label(self) -> str:
        if self.mood is None or self.mood.situation is None:
            return ""
        return SITUATION_LABELS.get(self.mood.situation, self.mood.situation)

    @property
    def confidence_percent(self) -> int:
        return round(self.mood.confidence * 100) if self.mood else 0


def conversation_guide(conversation: Conversation, lang: str) -> Guide:
    """Read the latest customer message; playbooks come in the agent's language `lang`."""
    message = conversation.messages.filter(kind=MessageKind.CUSTOMER).order_by("-seq").first()
    if message is None:
        return Guide()
    customer_lang = conversation.language if conversation.language in MOOD_LANGUAGES else None
    try:
        mood = analyze_message(message.body, customer_lang)
    except MoodError:
        return Guide()
    keys = [k for k in (mood.situation, mood.emotion) if k]
    views = [v for k in keys if (v := get_playbook(conversation.workspace, k, lang)) is not None]
    ticked = set(
        PlaybookProgress.objects.filter(conversation=conversation, playbook__in=keys).values_list("playbook", "step")
    )
    playbooks = [
        GuidePlaybook(view, tuple(Step(i, text, (view.key, i) in ticked) for i, text in enumerate(view.steps)))
        for view in views
    ]
    return Guide(mood=mood, playbooks=playbooks)
