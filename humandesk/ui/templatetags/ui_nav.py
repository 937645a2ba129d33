"""The top bar's links to the other staff sections, shown only once those sections exist."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

register = template.Library()

SECTIONS = (
    ("ui:inbox", _("Inbox")),
    ("knowledge:manage", _("Knowledge base")),
    ("playbooks:list", _("Playbooks")),
    ("api:tokens", _("API tokens")),
)


@register.simple_tag(takes_context=True)
def staff_sections(context) -> list[dict]:
    request = context.get("request")
    path = request.path if request else ""
    links = []
    for name, label in SECTIONS:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        if name == "ui:inbox":
            active = path == url or path.startswith("/conversations/")
        else:
            active = path.startswith(url)
        links.append({"url": url, "label": label, "active": active})
    return links
