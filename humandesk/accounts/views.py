"""Sign in, sign out, and the profile page (language and availability)."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from humandesk.accounts.forms import ProfileForm
from humandesk.ui.decorators import staff_required


class SignInView(auth_views.LoginView):
    template_name = "ui/accounts/login.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    """POST only (Django 5): a link or a prefetch cannot sign anyone out."""


@staff_required
def profile(request):
    """Choose the interface language and availability."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        # The middleware already activated the old language for this request; the new one
        # applies to the confirmation too.
        translation.activate(user.language)
        messages.success(request, _("Profile saved."))
        return redirect("ui:profile")
    return render(request, "ui/accounts/profile.html", {"form": form},
                  status=422 if form.errors else 200)
