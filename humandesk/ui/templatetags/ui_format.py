"""Compact formatting for dense lists: relative times and initials."""

from datetime import datetime, timedelta

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def ago(moment: datetime | None) -> str:
    """'now', '5 min', '3 h', '2 d', then the date: short enough for a list column."""
    if moment is None:
        return ""
    elapsed = timezone.now() - moment
    if elapsed < timedelta(minutes=1):
        return _("now")
    if elapsed < timedelta(hours=1):
        minutes = int(elapsed.total_seconds() // 60)
        return ngettext("%(n)d min", "%(n)d min", minutes) % {"n": minutes}
    if elapsed < timedelta(days=1):
        hours = int(elapsed.total_seconds() // 3600)
        return ngettext("%(n)d h", "%(n)d h", hours) % {"n": hours}
    if elapsed < timedelta(days=7):
        return ngettext("%(n)d day", "%(n)d days", elapsed.days) % {"n": elapsed.days}
    return date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


@register.filter
def initials(name: str) -> str:
    parts = [part for part in (name or "").split() if part[:1].isalnum()]
    return "".join(part[0] for part in parts[:2]).upper() or "?"
