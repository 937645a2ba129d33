"""API v1: the NinjaAPI object, its token auth, error handlers and routers."""

from ninja import NinjaAPI

from humandesk.api import errors
from humandesk.api.auth import TokenAuth
from humandesk.api.docs import OfflineSwagger
from humandesk.api.routers import contacts, conversations, directory, messages

DESCRIPTION = """\
The humandesk REST API: contacts, conversations and their messages in the workspace of
the token's user.

Authenticate every request with a personal token: `Authorization: Bearer hd_…`. Create one
at `/api/tokens/` or with `humandesk api_token create --user <username> --name <label>`.

Every error is JSON `{"code": …, "detail": …}`. Ids outside your workspace answer 404.
Lists are paged with cursors: pass `next` back as `cursor` until it is null.
"""


class HumandeskAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # Stable, readable ids (e.g. `list_conversations`) for generated clients.
        return operation.view_func.__name__


def build() -> NinjaAPI:
    api = HumandeskAPI(
        title="humandesk API", version="1", description=DESCRIPTION,
        urls_namespace="api:v1", auth=TokenAuth(), docs=OfflineSwagger(),
        openapi_url="/openapi.json", docs_url="/docs",
    )
    errors.install(api)
    for module in (directory, contacts, conversations, messages):
        api.add_router("", module.router)
    return api


api = build()
