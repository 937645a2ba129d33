"""Finding canned replies: by shortcut ("/deliv") or by words of the title and text."""

from django.db.models.functions import Length

from humandesk.accounts.models import Workspace
from humandesk.replies.models import LANGUAGES, CannedReply

MAX_WORDS = 6
CANDIDATES = 50


def fold(text: str) -> str:
    """Case- and ё-insensitive form used for both the stored search text and the query."""
    return (text or "").casefold().replace("ё", "е")


def language_of(conversation) -> str | None:
    """The reply language that fits a conversation: its own, else its contact's; None when unknown."""
    for value in (conversation.language, conversation.contact.language):
        code = (value or "").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return None


def search_replies(workspace: Workspace, query: str, *, lang: str | None = None, limit: int = 8) -> list[CannedReply]:
    """Replies of the workspace matching the query, best first; an empty query lists them all."""
    replies = CannedReply.objects.filter(workspace=workspace)
    if lang:
        replies = replies.filter(lang=lang)
    query = (query or "").strip()[:200]
    if query.startswith("/"):
        words = fold(query[1:]).split()
        prefix = words[0] if words else ""
        return list(replies.filter(shortcut__startswith=prefix).order_by(Length("shortcut"), "shortcut", "lang")[:limit])
    words = fold(query).split()[:MAX_WORDS]
    for word in words:
        replies = replies.filter(search_text__contains=word)
    if not words:
        return list(replies.order_by("shortcut", "lang")[:limit])
    candidates = list(replies.order_by("shortcut", "lang")[:max(CANDIDATES, limit)])
    first = words[0]
    # A shortcut or title hit says more than a word somewhere in the text.
    candidates.sort(key=lambda r: (not r.shortcut.startswith(first), first not in fold(r.title)))
    return candidates[:limit]
