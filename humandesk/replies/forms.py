from django import forms
from django.utils.translation import gettext_lazy as _

from humandesk.replies.models import LANGUAGE_CHOICES, CannedReply
from humandesk.replies.services import MAX_BODY


class ReplyForm(forms.Form):
    """What a lead types; the service cleans the shortcut, checks variables and runs the coach."""

    lang = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_CHOICES)
    shortcut = forms.CharField(label=_("Shortcut"), max_length=41,
                               help_text=_("Type it after a slash in the composer, like /delivery."))
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Text"), max_length=MAX_BODY, widget=forms.Textarea(attrs={"rows": 10}))

    @classmethod
    def for_reply(cls, reply: CannedReply) -> "ReplyForm":
        return cls(initial={"lang": reply.lang, "shortcut": reply.shortcut, "title": reply.title, "body": reply.body})
