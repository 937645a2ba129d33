"""Forms of the agent workspace: the composer and the conversation actions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from humandesk.accounts.models import Team, User
from humandesk.conversations.models import Priority, Status

MAX_TAGS = 20


class ComposerForm(forms.Form):
    """Reply or internal note. The body is validated by the service (one rule for every channel)."""

    REPLY = "reply"
    NOTE = "note"

    mode = forms.ChoiceField(choices=[(REPLY, _("Reply")), (NOTE, _("Internal note"))], initial=REPLY)
    body = forms.CharField(required=False, strip=False, widget=forms.Textarea)

    def mode_or_default(self) -> str:
        value = self.data.get("mode")
        return value if value in (self.REPLY, self.NOTE) else self.REPLY


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        queryset=User.objects.none(), required=False, label=_("Assignee"),
        empty_label=_("Nobody"),
        error_messages={"invalid_choice": _("Choose an agent of your workspace.")},
    )

    def __init__(self, *args, workspace_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = User.objects.filter(workspace_id=workspace_id, is_active=True)


class TeamForm(forms.Form):
    team = forms.ModelChoiceField(
        queryset=Team.objects.none(), required=False, label=_("Team"), empty_label=_("No team"),
        error_messages={"invalid_choice": _("Choose a team of your workspace.")},
    )

    def __init__(self, *args, workspace_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(workspace_id=workspace_id)


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=Status.choices, label=_("Status"),
        error_messages={"invalid_choice": _("Unknown status.")},
    )


class PriorityForm(forms.Form):
    priority = forms.ChoiceField(
        choices=Priority.choices, label=_("Priority"),
        error_messages={"invalid_choice": _("Unknown priority.")},
    )


class TagsForm(forms.Form):
    tags = forms.CharField(
        required=False, max_length=1000, label=_("Tags"),
        help_text=_("Separate tags with commas."),
    )

    def clean_tags(self) -> list[str]:
        names = [name.strip() for name in self.cleaned_data["tags"].split(",") if name.strip()]
        if len(names) > MAX_TAGS:
            raise forms.ValidationError(_("At most %(count)d tags.") % {"count": MAX_TAGS})
        if any(len(name) > 50 for name in names):
            raise forms.ValidationError(_("A tag is at most 50 characters long."))
        return names


class EmptyForm(forms.Form):
    """Actions without input (take)."""


def first_error(form: forms.Form) -> str:
    for errors in form.errors.values():
        return str(errors[0])
    return ""
