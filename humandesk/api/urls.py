from django.urls import path, re_path

from humandesk.api import docs, errors, views
from humandesk.api.v1 import api

app_name = "api"
urlpatterns = [
    # Before api.urls, whose own root view answers an HTML 404.
    path("v1/", docs.api_index, name="index"),
    path("v1/", api.urls),
    path("v1/docs/assets/<str:name>", docs.docs_asset, name="docs-asset"),
    path("tokens/", views.tokens_page, name="tokens"),
    path("tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke-token"),
    re_path(r"^(?P<path>v1/.*)$", errors.not_found_view),
]
