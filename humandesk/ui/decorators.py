"""View decorators of the staff workspace."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import resolve_url


def staff_required(view):
    """Sign-in required; an HTMX fragment request with an expired session redirects the whole page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if getattr(request, "htmx", False):
            response = HttpResponse(status=401)
            response["HX-Redirect"] = resolve_url(settings.LOGIN_URL)
            return response
        return redirect_to_login(request.get_full_path())

    return wrapper
