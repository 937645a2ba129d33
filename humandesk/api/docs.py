"""Interactive API docs that work offline.

ninja's default docs page loads Swagger UI from a CDN unless "ninja" is an installed app.
Here the page is our own template and its assets are served straight from the pinned
django-ninja package, so nothing is copied into the repo and nothing is fetched from outside.
"""

from pathlib import Path

import ninja
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.static import serve
from ninja.openapi.docs import DocsBase

ASSET_DIR = Path(ninja.__file__).resolve().parent / "static" / "ninja"
ASSETS = frozenset({"swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-init.js", "favicon.svg", "favicon.png"})


class OfflineSwagger(DocsBase):
    settings = {"layout": "BaseLayout", "deepLinking": True, "persistAuthorization": False}

    def render_page(self, request: HttpRequest, api, **kwargs) -> HttpResponse:
        context = {
            "api": api,
            "swagger_settings": {**self.settings, "url": reverse(f"{api.urls_namespace}:openapi-json")},
        }
        return render(request, "api/swagger.html", context)


@require_GET
def docs_asset(request: HttpRequest, name: str) -> HttpResponse:
    """One Swagger UI file from the installed django-ninja package."""
    if name not in ASSETS:
        raise Http404("No such asset.")
    response = serve(request, name, document_root=str(ASSET_DIR))
    response["Cache-Control"] = "public, max-age=86400"
    return response


def api_index(request: HttpRequest) -> JsonResponse:
    """/api/v1/ itself: where the schema and the docs are (instead of an HTML 404)."""
    return JsonResponse({
        "name": "humandesk API", "version": "1",
        "openapi": reverse("api:v1:openapi-json"), "docs": reverse("api:v1:openapi-view"),
    })
