"""The project's URLs plus stand-ins for the coach and playbook hooks the workspace plugs in."""

from django.http import HttpResponse
from django.urls import include, path

from humandesk.config.urls import urlpatterns as project_urls


def _stub(request, *args, **kwargs):
    return HttpResponse("")


coach = ([path("check", _stub, name="check")], "coach")
playbooks = ([path("conversation/<int:conversation_id>/", _stub, name="sidebar")], "playbooks")

urlpatterns = [
    path("coach/", include(coach)),
    path("playbooks/", include(playbooks)),
    *[p for p in project_urls if getattr(p, "namespace", None) not in {"coach", "playbooks"}],
]
