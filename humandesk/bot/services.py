"""The first-line bot's state changes: start, answer a customer, take feedback, hand over.

The bot answers from public articles with the steps themselves and asks "did this help?".
It hands over at once when asked, when it has no confident answer, when the customer is
angry, after one unhelpful answer, or on the button; it never asks the same thing twice and,
once handed over, stays silent in that conversation. Its messages live in the thread, so the
person who takes over sees everything it said.
"""

import logging

from django.db import transaction

from humandesk.bot import reading, texts
from humandesk.bot.models import BotOutcome, BotSession, Outcome, Reason, SessionState
from humandesk.conversations import services as conversations
from humandesk.conversations.models import Conversation, Message, MessageKind, Priority, Status
from humandesk.knowledge import services as knowledge
from humandesk.knowledge.models import Article
from humandesk.knowledge.search import hybrid

logger = logging.getLogger(__name__)
HANDOVER_TAG = "bot-handover"


MAX_ANSWERS = 3  # answers without a "yes" before a person takes over: the bot never loops


def start(conversation: Conversation, lang: str | None = None) -> BotSession:
    """Open the bot's session in a conversation and greet the customer (the greeting invites the question)."""
    session, created = BotSession.objects.get_or_create(
        conversation=conversation,
        defaults={"lang": texts.language(lang or conversation.language)},
    )
    if created:
        greeting = conversation.inbox.bot_greeting.strip() or texts.say(
            session.lang, "greeting", company=conversation.workspace.name)
        conversations.post_bot_message(conversation, greeting)
    return session


def on_customer_message(conversation: Conversation, message: Message) -> BotSession | None:
    """Answer a customer's message, or hand over; silent when the bot is off or has handed over."""
    session = BotSession.objects.filter(conversation=conversation).first()
    if message.kind != MessageKind.CUSTOMER or (session is None and not conversation.inbox.bot_enabled):
        return session
    if session is not None and (session.state == SessionState.HANDED_OVER or message.seq <= session.last_seq):
        return session  # a person has it, or this message was answered already (a resend)
    heard = reading.read(message.body)
    if heard.wants_human or heard.angry:  # at once: not even a greeting stands in the way
        return hand_over(conversation, Reason.ASKED if heard.wants_human else Reason.ANGRY, lang=heard.lang)
    just_started = session is None
    session = session or start(conversation, heard.lang)
    session.last_seq, session.state = message.seq, SessionState.ACTIVE  # "it helped", then a new question
    session.save(update_fields=["last_seq", "state", "updated_at"])
    typed = reading.feedback_in_words(message.body) if session.awaiting_feedback else None
    if typed is not None:
        return on_feedback(conversation, typed)
    if reading.is_small_talk(message.body):
        return _small_talk(conversation, session, just_started)
    return _answer(conversation, session, message.body, heard.lang or session.lang)


def _small_talk(conversation: Conversation, session: BotSession, just_started: bool) -> BotSession:
    """The greeting already asked what happened; asking again would loop, so a person takes over."""
    if just_started:
        return session
    return hand_over(conversation, Reason.LOW_CONFIDENCE)


def _answer(conversation: Conversation, session: BotSession, text: str, lang: str) -> BotSession:
    """Reply with the best public article's steps and ask "did this help?"; abstain by handing over."""
    result = hybrid.search(conversation.workspace_id, text, lang=texts.language(lang), audience="customer")
    if result.answer is None:
        _note_unanswered(conversation, text, lang)
        return hand_over(conversation, Reason.LOW_CONFIDENCE)
    if result.answer in session.answered_articles or len(session.answered_articles) >= MAX_ANSWERS:
        return hand_over(conversation, Reason.UNHELPFUL)  # the same answer again would be a loop
    article = Article.objects.filter(pk=result.answer, workspace_id=conversation.workspace_id).first()
    if article is None or not article.is_public:
        return hand_over(conversation, Reason.LOW_CONFIDENCE)
    body = "\n\n".join([
        texts.say(session.lang, "answer_intro", title=article.title),
        texts.article_steps(article.body_markdown),
        texts.say(session.lang, "did_it_help"),
    ])
    conversations.post_bot_message(conversation, body)
    session.answered_articles = [*session.answered_articles, article.pk]
    session.awaiting_feedback = True
    session.save(update_fields=["answered_articles", "awaiting_feedback", "updated_at"])
    return session


def _note_unanswered(conversation: Conversation, text: str, lang: str) -> None:
    """Tell the knowledge base's gap detection about a question the bot could not answer."""
    knowledge.record_unanswered(conversation.workspace, text, texts.language(lang), "bot",
                                conversation=conversation)


def on_feedback(conversation: Conversation, helpful: bool) -> BotSession | None:
    """The customer's "did this help?": yes thanks and resolves, no hands over at once."""
    session = BotSession.objects.filter(conversation=conversation).first()
    if session is None or session.state != SessionState.ACTIVE or not session.awaiting_feedback:
        return session  # nothing was asked: a stale or repeated click changes nothing
    session.awaiting_feedback = False
    if not helpful:
        session.unhelpful_count += 1
        session.save(update_fields=["awaiting_feedback", "unhelpful_count", "updated_at"])
        return hand_over(conversation, Reason.UNHELPFUL)
    with transaction.atomic():
        session.state = SessionState.RESOLVED
        session.save(update_fields=["awaiting_feedback", "state", "updated_at"])
        _record_outcome(conversation, Outcome.RESOLVED_BY_BOT, Reason.HELPED)
        conversations.post_bot_message(conversation, texts.say(session.lang, "thanks"))
        if conversation.status == Status.OPEN:
            conversations.change_status(conversation, Status.RESOLVED, actor=None)
    return session


def _record_outcome(conversation: Conversation, outcome: str, reason: str) -> None:
    BotOutcome.objects.update_or_create(
        conversation=conversation,
        defaults={"workspace_id": conversation.workspace_id, "outcome": outcome, "reason": reason},
    )


def hand_over(conversation: Conversation, reason: str, *, lang: str | None = None) -> BotSession:
    """Put the conversation in the team's queue, say honestly who takes over and how soon; the bot goes quiet."""
    with transaction.atomic():
        session, _ = BotSession.objects.select_for_update().get_or_create(
            conversation=conversation, defaults={"lang": texts.language(lang or conversation.language)},
        )
        if session.state == SessionState.HANDED_OVER:
            return session  # a second click or word changes nothing: one handover, one line
        session.state, session.reason, session.awaiting_feedback = SessionState.HANDED_OVER, reason, False
        session.save(update_fields=["state", "reason", "awaiting_feedback", "updated_at"])
        _record_outcome(conversation, Outcome.HANDED_OVER, reason)
        conversations.post_system_message(conversation, handover_line(conversation, session.lang))
        _queue_for_people(conversation, reason)
    return session


def handover_line(conversation: Conversation, lang: str) -> str:
    """Who takes over and roughly how long it takes, plus the inbox's working-hours text."""
    team = conversation.inbox.default_team
    lead = texts.say(lang, "handover_team", team=team.name) if team else texts.say(lang, "handover_any")
    hours = conversation.inbox.bot_hours_text.strip()
    return lead + texts.say(lang, "handover_eta") + (f" {hours}" if hours else "")


def _queue_for_people(conversation: Conversation, reason: str) -> None:
    """Open, unassigned, in the inbox's default team, tagged; an angry customer goes first."""
    if conversation.status != Status.OPEN:
        conversations.change_status(conversation, Status.OPEN, actor=None)
    team = conversation.inbox.default_team
    if conversation.assignee_id is not None or conversation.team_id != (team.pk if team else None):
        conversations.transfer_to_team(conversation, team, actor=None)
    tags = list(conversation.tags.values_list("name", flat=True))
    if HANDOVER_TAG not in tags:
        conversations.set_tags(conversation, [*tags, HANDOVER_TAG], actor=None)
    if reason == Reason.ANGRY and conversation.priority in {Priority.LOW, Priority.NORMAL}:
        conversations.set_priority(conversation, Priority.HIGH, actor=None)
