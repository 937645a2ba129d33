"""The top bar's links to the staff sections."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

register = template.Library()

SECTIONS = (
    ("ui:inbox", _("Inbox")),
    ("knowledge:manage", _("Knowledge base")),
    ("replies:list", _("Canned replies")),
    ("playbooks:list", _("Playbooks")),
    ("coach:settings", _("Reply coach")),
    ("api:tokens", _("API tokens")),
)


@register.simple_tag(takes_context=True)
def staff_sections(context) -> list[dict]:
    request = context.get("request")
    path = request.path if request else ""
    links = []
    for name, label in SECTIONS:
        url = reverse(name)
        if name == "ui:inbox":
            active = path == url or path.startswith("/conversations/")
        else:
            active = path.startswith(url)
        links.append({"url": url, "label": label, "active": active})
    return links
