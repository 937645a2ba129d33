"""/api/tokens/: a staff member manages their own tokens in the browser."""

import re

from humandesk.accounts.models import ApiToken
from tests.api.conftest import ApiClient


def test_the_page_requires_login(client, db):
    """Anonymous visitors are sent to the login page."""
    response = client.get("/api/tokens/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_create_shows_the_secret_once_and_it_works(client, anna):
    """The POST response shows the secret; the next visit shows only its prefix."""
    client.force_login(anna)
    response = client.post("/api/tokens/", {"name": "CRM"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    secret = re.search(r'data-testid="secret">(hd_[^<]+)<', response.content.decode()).group(1)
    assert ApiClient(client, secret).get("/me").json()["username"] == "anna"
    again = client.get("/api/tokens/").content.decode()
    assert secret not in again and ApiToken.objects.get().prefix in again


def test_a_name_is_required(client, anna):
    """An empty name is refused with the form error; no token is made."""
    client.force_login(anna)
    assert client.post("/api/tokens/", {"name": ""}).status_code == 422
    assert not ApiToken.objects.exists()


def test_token_names_are_escaped(client, anna):
    """A token name with markup is shown as text."""
    ApiToken.issue(anna, "<script>alert(1)</script>")
    client.force_login(anna)
    html = client.get("/api/tokens/").content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_revoke_own_token_only(client, anna, kate):
    """Revoking your token deletes it; someone else's token id is a 404."""
    mine, _ = ApiToken.issue(anna, "CRM")
    theirs, _ = ApiToken.issue(kate, "Zapier")
    client.force_login(anna)
    assert client.post(f"/api/tokens/{theirs.pk}/revoke/").status_code == 404
    assert client.post(f"/api/tokens/{mine.pk}/revoke/").status_code == 302
    assert list(ApiToken.objects.values_list("name", flat=True)) == ["Zapier"]
