"""How the API reports failures: always JSON `{"code", "detail"}`, never an HTML page.

Validation errors keep ninja's list of problems in `detail` and add `code: "validation_error"`,
so a client can branch on `code` for every error it receives.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from humandesk.conversations.services import ServiceError
from humandesk.core.text import MessageRejected

# ServiceError codes that describe the request rather than the conversation's state.
SERVICE_STATUS = {"foreign_user": 404, "foreign_team": 404, "bad_priority": 422, "bad_kind": 422}


class ErrorOut(Schema):
    code: str
    detail: str | list[dict]


class ApiError(Exception):
    """A refusal detected by the API layer itself (bad cursor, unknown filter value…)."""

    def __init__(self, status: int, code: str, detail: str):
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail


def errors(*statuses: int) -> dict[int, type[ErrorOut]]:
    """Error responses for an operation's OpenAPI entry (401 applies to every operation)."""
    return {status: ErrorOut for status in (401, *statuses)}


def _body(api: NinjaAPI, request: HttpRequest, status: int, code: str, detail) -> HttpResponse:
    return api.create_response(request, {"code": code, "detail": detail}, status=status)


def install(api: NinjaAPI) -> None:
    """Register the handlers that turn each failure into its JSON error."""

    @api.exception_handler(AuthenticationError)
    def unauthorized(request, exc):
        response = _body(api, request, 401, "unauthorized",
                         "Send a valid API token: 'Authorization: Bearer <secret>'.")
        response["WWW-Authenticate"] = 'Bearer realm="humandesk"'
        return response

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return _body(api, request, 404, "not_found", str(exc) or "Not found.")

    @api.exception_handler(ValidationError)
    def invalid(request, exc):
        return _body(api, request, 422, "validation_error", exc.errors)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        code = {400: "bad_request", 429: "throttled"}.get(exc.status_code, "http_error")
        return _body(api, request, exc.status_code, code, str(exc))

    @api.exception_handler(MessageRejected)
    def rejected(request, exc):
        return _body(api, request, 422, exc.code, str(exc.reason))

    @api.exception_handler(ServiceError)
    def refused(request, exc):
        return _body(api, request, SERVICE_STATUS.get(exc.code, 409), exc.code, exc.reason)

    @api.exception_handler(ApiError)
    def api_error(request, exc):
        return _body(api, request, exc.status, exc.code, exc.detail)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        return _body(api, request, 413, "too_large",
                     f"The request body is larger than the limit of {limit} bytes.")


def not_found_view(request: HttpRequest, path: str = "") -> JsonResponse:
    """Unknown paths under /api/ answer JSON too, so clients never parse an HTML page."""
    return JsonResponse({"code": "not_found", "detail": "No such API endpoint."}, status=404)
