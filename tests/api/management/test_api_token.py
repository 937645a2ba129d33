"""`humandesk api_token create|list|revoke`: the shell side of token management."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from humandesk.accounts.models import ApiToken
from tests.api.conftest import ApiClient


def run(*args) -> str:
    out = StringIO()
    call_command("api_token", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_create_prints_a_working_secret_once(client, anna):
    """stdout is exactly the secret; it authenticates; only its digest is stored."""
    secret = run("create", "--user", "anna", "--name", "CRM").strip()
    assert secret.startswith("hd_")
    assert ApiClient(client, secret).get("/me").json()["username"] == "anna"
    assert secret not in run("list", "--user", "anna")


def test_list_shows_prefix_name_and_last_use(anna, kate):
    """Each token line has its prefix, owner, name and when it was last used."""
    token, _ = ApiToken.issue(anna, "CRM")
    ApiToken.issue(kate, "Zapier")
    lines = run("list", "--user", "anna").splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{token.prefix}\tanna\tCRM") and "never" in lines[0]


def test_revoke_by_prefix_ends_access(client, anna):
    """A revoked token is refused at once."""
    token, secret = ApiToken.issue(anna, "CRM")
    assert "Revoked" in run("revoke", "--prefix", token.prefix)
    assert ApiClient(client, secret).get("/me").status_code == 401


@pytest.mark.parametrize("args,message", [
    (("create", "--user", "nobody", "--name", "x"), "No user"),
    (("revoke", "--prefix", "hd_missing"), "No token"),
])
def test_mistakes_are_clear_errors(anna, args, message):
    """Unknown users and prefixes are reported, nothing is created or deleted."""
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_an_inactive_user_gets_no_token(anna):
    """A token that would be refused is not issued."""
    anna.is_active = False
    anna.save()
    with pytest.raises(CommandError, match="inactive"):
        run("create", "--user", "anna", "--name", "CRM")
    assert not ApiToken.objects.exists()
