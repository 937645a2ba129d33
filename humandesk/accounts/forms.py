"""Forms a staff member fills about themself."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from humandesk.accounts.models import Availability, User


class ProfileForm(forms.ModelForm):
    """UI language and availability: both persist on the user."""

    language = forms.ChoiceField(choices=settings.LANGUAGES, label=_("Interface language"))
    availability = forms.ChoiceField(
        choices=Availability.choices, label=_("Availability"),
        help_text=_("Automatic assignment only gives new conversations to agents who are online."),
    )

    class Meta:
        model = User
        fields = ["language", "availability"]
