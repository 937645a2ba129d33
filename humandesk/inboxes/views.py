"""Widget HTTP endpoints: the embeddable script, visitor sessions and a conversation's history.

The widget runs on customers' own sites, so these answer cross-origin requests (CORS) for the
origins an inbox allows. They are token-based, never cookie-based: CSRF does not apply.
"""

import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from humandesk.inboxes.adapters import widget

STATIC_DIR = Path(__file__).resolve().parent / "static" / "inboxes"
# No version in the script's URL (site owners paste it once), so caches revalidate often.
SCRIPT_CACHE = "public, max-age=300, stale-while-revalidate=86400"
PREFLIGHT_MAX_AGE = "86400"
MAX_BODY_BYTES = 8 * 1024


@lru_cache(maxsize=1)
def _bundle(stamp: tuple[float, float]) -> str:
    script = (STATIC_DIR / "widget.js").read_text(encoding="utf-8")
    css = (STATIC_DIR / "widget.css").read_text(encoding="utf-8")
    # The stylesheet travels inside the script: one request, no flash of unstyled widget.
    return script.replace('"__HUMANDESK_WIDGET_CSS__"', json.dumps(css))


def widget_script() -> str:
    stamp = tuple((STATIC_DIR / name).stat().st_mtime for name in ("widget.js", "widget.css"))
    return _bundle(stamp)


@require_http_methods(["GET", "HEAD"])
def widget_js(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(widget_script(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache" if settings.DEBUG else SCRIPT_CACHE
    # Pages that isolate themselves (COEP) may still load the script.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def _cors(response: HttpResponse, request: HttpRequest, inbox=None) -> HttpResponse:
    origin = request.headers.get("Origin")
    response["Vary"] = "Origin"
    if origin and (inbox is None or widget.origin_allowed(inbox, origin)):
        response["Access-Control-Allow-Origin"] = origin
    return response


def _preflight(request: HttpRequest, methods: str) -> HttpResponse:
    # The inbox is unknown before the real request; that request is checked against it.
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = methods
    response["Access-Control-Allow-Headers"] = "Content-Type"
    response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    return _cors(response, request)


def _error(request: HttpRequest, status: int, code: str, reason: str, inbox=None) -> HttpResponse:
    return _cors(JsonResponse({"error": code, "reason": reason}, status=status), request, inbox)


def _json_body(request: HttpRequest) -> dict | None:
    if len(request.body) > MAX_BODY_BYTES:
        return None
    try:
        data = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


@csrf_exempt
@require_http_methods(["POST", "OPTIONS"])
def widget_session(request: HttpRequest) -> HttpResponse:
    """Start or resume a visitor: `{"inbox", "token"?}` → token and widget settings."""
    if request.method == "OPTIONS":
        return _preflight(request, "POST, OPTIONS")
    data = _json_body(request)
    if data is None:
        return _error(request, 400, "bad_request", _("Send a JSON object."))
    inbox = widget.find_inbox(data.get("inbox"))
    if inbox is None:
        return _error(request, 404, "unknown_inbox", _("No chat inbox has this key."))
    if not widget.origin_allowed(inbox, request.headers.get("Origin")):
        return _error(request, 403, "origin_not_allowed", _("This site may not embed this chat."))
    with translation.override(inbox.language):
        payload = widget.open_session(inbox, data.get("token"))
    return _cors(JsonResponse(payload), request, inbox)


@csrf_exempt
@require_http_methods(["GET", "OPTIONS"])
def widget_history(request: HttpRequest) -> HttpResponse:
    """The public messages of the visitor's current (or named own) conversation."""
    if request.method == "OPTIONS":
        return _preflight(request, "GET, OPTIONS")
    try:
        visitor = widget.read_token(request.GET.get("token"))
    except widget.InvalidToken:
        return _error(request, 401, "invalid_token", _("The chat session has expired; reload the page."))
    if not widget.origin_allowed(visitor.inbox, request.headers.get("Origin")):
        return _error(request, 403, "origin_not_allowed", _("This site may not embed this chat."))
    try:
        payload = widget.history(visitor, request.GET.get("conversation"))
    except Http404:
        return _error(request, 404, "not_found", _("No such conversation."), visitor.inbox)
    response = _cors(JsonResponse(payload), request, visitor.inbox)
    response["Cache-Control"] = "no-store"
    return response
