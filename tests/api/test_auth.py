"""Token authentication: who may call the API and what is recorded about the token."""

from datetime import timedelta

import pytest
from django.utils import timezone

from humandesk.accounts.models import ApiToken
from tests.api.conftest import ApiClient


def test_a_valid_token_authenticates_as_its_user(api, anna):
    """`Authorization: Bearer <secret>` is the token's user."""
    response = api.get("/me")
    assert response.status_code == 200
    assert response.json()["username"] == "anna"
    assert response.json()["name"] == anna.name


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer hd_wrong", "Basic YW5uYTpwdw==", "Bearer " + "x" * 5000])
def test_missing_or_bad_tokens_get_a_json_401(client, anna, header):
    """No token, a wrong one or another scheme: 401 JSON with a code, never a page."""
    headers = {"Authorization": header} if header else {}
    response = client.get("/api/v1/conversations", headers=headers)
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_is_refused(client, secret):
    """Deleting the token row ends access at once."""
    ApiToken.objects.all().delete()
    assert ApiClient(client, secret).get("/me").status_code == 401


def test_an_inactive_users_token_is_refused(api, anna):
    """Deactivating a staff member shuts their integrations out too."""
    anna.is_active = False
    anna.save()
    assert api.get("/me").status_code == 401


def test_only_the_digest_is_stored(secret):
    """The database never holds the secret itself."""
    token = ApiToken.objects.get()
    assert token.digest == ApiToken.hash(secret)
    assert secret not in {token.digest, token.prefix, token.name}


def test_last_used_is_written_at_most_once_a_minute(api, django_assert_num_queries):
    """The first call stamps last_used_at; calls within the minute do not write again."""
    api.get("/me")
    first = ApiToken.objects.get().last_used_at
    assert first is not None
    with django_assert_num_queries(1):  # the token lookup only
        api.get("/me")
    assert ApiToken.objects.get().last_used_at == first
    ApiToken.objects.update(last_used_at=timezone.now() - timedelta(minutes=2))
    api.get("/me")
    assert ApiToken.objects.get().last_used_at > first
