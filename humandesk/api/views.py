"""The staff page where a user manages their own API tokens."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from humandesk.accounts.models import ApiToken
from humandesk.api import services


class TokenForm(forms.Form):
    name = forms.CharField(label=_("Token name"), max_length=100,
                           help_text=_("Where the token is used, e.g. CRM or Zapier."))


@login_required
@require_http_methods(["GET", "POST"])
def tokens_page(request: HttpRequest) -> HttpResponse:
    """List the user's tokens; a valid POST creates one and shows its secret this once."""
    form = TokenForm(request.POST or None)
    secret = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            _, secret = services.issue_token(request.user, form.cleaned_data["name"])
            form = TokenForm()
        else:
            status = 422
    tokens = ApiToken.objects.filter(user=request.user).order_by("-created_at")
    response = render(request, "api/tokens.html", {"form": form, "tokens": tokens, "secret": secret},
                      status=status)
    # The page may hold a secret shown once: keep it out of every cache.
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    """Revoke one of the user's own tokens (someone else's is a 404)."""
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    services.revoke_token(token)
    return redirect("api:tokens")
