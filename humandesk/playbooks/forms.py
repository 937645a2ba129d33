from django import forms
from django.utils.translation import gettext_lazy as _

from humandesk.playbooks.services import PlaybookError, clean_steps


class PlaybookForm(forms.Form):
    """A lead edits the title and the steps, one step per line, in order."""

    title = forms.CharField(label=_("Title"), max_length=200)
    steps = forms.CharField(
        label=_("Steps, one per line"), widget=forms.Textarea(attrs={"rows": 12}), max_length=20_000
    )

    def clean_steps(self) -> list[str]:
        try:
            return clean_steps(self.cleaned_data["steps"].splitlines())
        except PlaybookError as exc:
            raise forms.ValidationError(exc.reason, code=exc.code) from exc
