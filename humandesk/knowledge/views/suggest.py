"""The agent sidebar fragment: suggested articles for the customer's question, and the
"should be in the knowledge base" mark."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from humandesk.conversations.access import get_conversation_for
from humandesk.knowledge import services, suggestions
from humandesk.knowledge.models import QuestionSource


@login_required
@require_GET
def sidebar(request, conversation_id: int):
    """HTMX fragment: top 3 articles (public and internal) for the latest customer messages."""
    conversation = get_conversation_for(request.user, conversation_id)
    state = suggestions.sidebar_state(conversation)
    return render(request, "knowledge/suggest.html", {"conversation": conversation, "state": state})


@login_required
@require_POST
def mark_gap(request, conversation_id: int):
    """Record the customer's question as a missing article; returns the updated fragment."""
    conversation = get_conversation_for(request.user, conversation_id)
    question = suggestions.customer_question(conversation)
    lang = suggestions.question_language(conversation, question)
    services.record_unanswered(
        conversation.workspace, question, lang, QuestionSource.AGENT, conversation=conversation, user=request.user
    )
    state = suggestions.sidebar_state(conversation)
    return render(request, "knowledge/suggest.html", {"conversation": conversation, "state": state})
