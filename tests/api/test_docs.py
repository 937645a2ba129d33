"""The OpenAPI schema and the interactive docs page, served without any external asset."""

import re

from django.urls import reverse

from humandesk.api.v1 import api as v1

EXPECTED_PATHS = {
    "/api/v1/me", "/api/v1/users", "/api/v1/teams", "/api/v1/inboxes",
    "/api/v1/contacts", "/api/v1/contacts/{contact_id}",
    "/api/v1/conversations", "/api/v1/conversations/{conversation_id}",
    "/api/v1/conversations/{conversation_id}/status", "/api/v1/conversations/{conversation_id}/assignee",
    "/api/v1/conversations/{conversation_id}/team", "/api/v1/conversations/{conversation_id}/priority",
    "/api/v1/conversations/{conversation_id}/tags", "/api/v1/conversations/{conversation_id}/messages",
}


def test_openapi_schema_lists_every_endpoint_with_bearer_auth(client, db):
    """openapi.json is public, OpenAPI 3, names every path, its bearer scheme and error shape."""
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == EXPECTED_PATHS
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}
    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert all(op.get("summary") and op.get("description") for op in operations)
    assert all("401" in op["responses"] for op in operations)
    assert "list_conversations" in {op["operationId"] for op in operations}


def test_every_route_is_in_the_schema(db):
    """No endpoint is served without being documented (routes are read from the API itself)."""
    served = {"/api/v1" + path for _, router in v1._routers for path in router.path_operations}
    assert served == EXPECTED_PATHS


def test_docs_page_loads_swagger_from_this_server_only(client, db):
    """The docs page works offline: every script and stylesheet is served by humandesk."""
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "cdn" not in html.lower() and "https://" not in html
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert len(assets) >= 3
    for url in assets:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert b"".join(asset.streaming_content)
    assert client.get(reverse("api:docs-asset", args=["swagger-ui.css.map"])).status_code == 404
    assert client.get("/api/v1/docs/assets/..%2Fmain.py").status_code == 404


def test_the_api_root_points_to_the_docs(client, db):
    """/api/v1/ answers JSON with the schema and docs addresses."""
    body = client.get("/api/v1/").json()
    assert body["openapi"] == "/api/v1/openapi.json" and body["docs"] == "/api/v1/docs"
