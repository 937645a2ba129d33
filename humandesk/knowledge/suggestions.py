"""Articles for the agent's sidebar: what the customer's latest messages are asking about."""

from dataclasses import dataclass

from humandesk.conversations.models import Conversation, MessageKind
from humandesk.knowledge import presentation
from humandesk.knowledge.models import Article, UnansweredQuestion
from humandesk.knowledge.search import analysis, hybrid

SUGGESTIONS = 3
RECENT_MESSAGES = 3
MAX_QUESTION_CHARS = 1000


@dataclass
class Suggestion:
    article: Article
    excerpt: str
    steps: str


@dataclass
class SidebarState:
    question: str
    lang: str
    suggestions: list[Suggestion]
    marked_as_gap: bool


def customer_question(conversation: Conversation) -> str:
    """The customer's messages since staff last wrote (up to three), oldest first."""
    recent = list(
        conversation.messages.exclude(kind__in=[MessageKind.NOTE, MessageKind.SYSTEM])
        .order_by("-seq").values_list("kind", "body")[:RECENT_MESSAGES * 2]
    )
    asked = []
    for kind, body in recent:
        if kind != MessageKind.CUSTOMER:
            if asked:
                break
            continue  # the agent answered after the last question: still suggest for that one
        asked.append(body)
        if len(asked) >= RECENT_MESSAGES:
            break
    return " ".join(" ".join(reversed(asked)).split())[:MAX_QUESTION_CHARS]


def question_language(conversation: Conversation, text: str) -> str:
    """Cyrillic text is Russian; otherwise the conversation's, then the inbox's language."""
    if any(analysis.is_cyrillic(word) for word in analysis.tokens(text)):
        return "ru"
    for lang in (conversation.language, conversation.inbox.language):
        if lang in ("en", "es"):
            return lang
    return "en"


def sidebar_state(conversation: Conversation) -> SidebarState:
    """Top public and internal articles for the conversation's open question."""
    question = customer_question(conversation)
    lang = question_language(conversation, question)
    suggestions: list[Suggestion] = []
    if question:
        result = hybrid.rank(conversation.workspace_id, question, lang=lang, audience="operator", limit=SUGGESTIONS)
        by_id = Article.objects.filter(workspace_id=conversation.workspace_id).in_bulk(result.article_ids)
        suggestions = [
            Suggestion(article=by_id[pk], excerpt=presentation.excerpt(by_id[pk], 160), steps=presentation.steps_text(by_id[pk]))
            for pk in result.article_ids if pk in by_id
        ]
    marked = bool(question) and UnansweredQuestion.objects.filter(
        workspace_id=conversation.workspace_id, conversation=conversation, text=question
    ).exists()
    return SidebarState(question=question, lang=lang, suggestions=suggestions, marked_as_gap=marked)
