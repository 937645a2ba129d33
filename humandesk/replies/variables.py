"""Canned-reply variables: a fixed allow-list substituted as plain text.

User-written text never reaches the Django template engine: `{% load %}` or
`{{ settings.SECRET_KEY }}` stay literal, and a substituted value is never read again for
variables (a contact named "{{ agent.name }}" stays that name).
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*\}\}")

VARIABLES = {
    "contact.first_name": _("the customer's first name"),
    "contact.name": _("the customer's full name"),
    "agent.first_name": _("your first name"),
    "agent.name": _("your name as customers see it"),
    "conversation.id": _("the conversation number"),
}


@dataclass(frozen=True)
class Rendered:
    text: str
    unresolved: tuple[str, ...]  # allowed variables with no value here, left visible for the agent


def placeholders(text: str) -> list[str]:
    """Every variable name written in the text, in order, repeats included."""
    return [match.group(1) for match in PLACEHOLDER.finditer(text or "")]


def unknown_variables(text: str) -> list[str]:
    """Variables the text uses that are not on the allow-list, each once, in order."""
    return list(dict.fromkeys(name for name in placeholders(text) if name not in VARIABLES))


def values_for(contact=None, agent=None, conversation=None) -> dict[str, str]:
    """The allow-listed values available for this contact, agent and conversation."""
    values: dict[str, str] = {}
    if contact is not None:
        values["contact.name"] = (contact.name or "").strip()
        values["contact.first_name"] = (contact.first_name or "").strip()
    if agent is not None:
        name = (agent.name or "").strip()
        values["agent.name"] = name
        values["agent.first_name"] = (agent.first_name or "").strip() or name.split(" ")[0]
    if conversation is not None:
        values["conversation.id"] = str(conversation.pk)
    return {key: value for key, value in values.items() if value}


def render_reply(text: str, values: dict[str, str]) -> Rendered:
    """Substitute the allowed variables that have a value; leave everything else exactly as written."""
    unresolved: list[str] = []

    def substitute(match: re.Match) -> str:
        name = match.group(1)
        if name in VARIABLES and name in values:
            return values[name]
        if name in VARIABLES and name not in unresolved:
            unresolved.append(name)
        return match.group(0)

    return Rendered(PLACEHOLDER.sub(substitute, text or ""), tuple(unresolved))
