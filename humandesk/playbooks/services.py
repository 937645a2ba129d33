"""Playbooks: the one read every caller uses (workspace override, else shipped default) and
the state changes (lead edits, agent ticks a step)."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from humandesk.accounts.models import User, Workspace
from humandesk.conversations.models import Conversation
from humandesk.playbooks.defaults import KEYS, LANGUAGES, default_playbook
from humandesk.playbooks.models import Playbook, PlaybookProgress

MAX_STEPS = 30
MAX_STEP_CHARS = 500


class PlaybookError(ValueError):
    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class PlaybookView:
    """What an agent sees: title and ordered steps, and whether the workspace edited them."""

    key: str
    lang: str
    title: str
    steps: tuple[str, ...]
    customized: bool
    pk: int | None = None


def get_playbook(workspace: Workspace, key: str | None, lang: str) -> PlaybookView | None:
    """The workspace's playbook for a situation/emotion and language, else the shipped one."""
    if key not in KEYS or lang not in LANGUAGES:
        return None
    own = Playbook.objects.filter(workspace=workspace, situation=key, lang=lang).first()
    if own is not None:
        return PlaybookView(key, lang, own.title, tuple(own.steps), True, own.pk)
    shipped = default_playbook(key, lang)
    if shipped is None:
        return None
    return PlaybookView(key, lang, shipped["title"], tuple(shipped["steps"]), False)


def list_playbooks(workspace: Workspace) -> list[PlaybookView]:
    """Every playbook key in every language, overrides in place of defaults (2 queries max)."""
    own = {(p.situation, p.lang): p for p in Playbook.objects.filter(workspace=workspace)}
    views = []
    for lang in LANGUAGES:
        for key in KEYS:
            if (key, lang) in own:
                p = own[(key, lang)]
                views.append(PlaybookView(key, lang, p.title, tuple(p.steps), True, p.pk))
            elif (shipped := default_playbook(key, lang)) is not None:
                views.append(PlaybookView(key, lang, shipped["title"], tuple(shipped["steps"]), False))
    return views


def customize_playbook(workspace: Workspace, key: str, lang: str, *, editor: User) -> Playbook:
    """Start a workspace override as a copy of the shipped playbook (or return the existing one)."""
    shipped = default_playbook(key, lang)
    if shipped is None:
        raise PlaybookError("unknown", "No such playbook")
    playbook, _ = Playbook.objects.get_or_create(
        workspace=workspace, situation=key, lang=lang,
        defaults={"title": shipped["title"], "steps": shipped["steps"], "updated_by": editor},
    )
    return playbook


def clean_steps(steps: list[str]) -> list[str]:
    """Strip blank steps; refuse an empty list, too many steps or a too-long step."""
    cleaned = [s.strip() for s in steps if s and s.strip()]
    if not cleaned:
        raise PlaybookError("empty", "A playbook needs at least one step")
    if len(cleaned) > MAX_STEPS:
        raise PlaybookError("too_many", f"At most {MAX_STEPS} steps")
    if any(len(s) > MAX_STEP_CHARS for s in cleaned):
        raise PlaybookError("too_long", f"A step may have at most {MAX_STEP_CHARS} characters")
    return cleaned


def update_playbook(playbook: Playbook, *, title: str, steps: list[str], editor: User) -> Playbook:
    """Save a lead's edit of the title and the ordered steps."""
    playbook.title = title.strip() or playbook.title
    playbook.steps = clean_steps(steps)
    playbook.updated_by = editor
    playbook.save(update_fields=["title", "steps", "updated_by", "updated_at"])
    return playbook


def reset_playbook(playbook: Playbook) -> None:
    """Drop the workspace override: the shipped playbook applies again."""
    playbook.delete()


def toggle_step(conversation: Conversation, key: str, step: int, *, user: User, steps_count: int) -> bool:
    """Tick or untick one step for a conversation; returns whether it is now ticked."""
    if key not in KEYS or not 0 <= step < steps_count:
        raise PlaybookError("invalid", "No such step")
    with transaction.atomic():
        deleted, _ = PlaybookProgress.objects.filter(conversation=conversation, playbook=key, step=step).delete()
        if deleted:
            return False
        try:
            with transaction.atomic():
                PlaybookProgress.objects.create(conversation=conversation, playbook=key, step=step, checked_by=user)
        except IntegrityError:  # a double click raced us; the step is ticked either way
            pass
    return True
