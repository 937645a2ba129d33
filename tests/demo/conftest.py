"""Fixtures for the demo workspace tests: the whole demo, loaded through the CLI."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    # PBKDF2 is deliberately slow; these tests check that logins work, not hash strength.
    settings.PASSWORD_HASHERS = FAST_HASHERS


def run_demo(*flags: str) -> str:
    out = StringIO()
    call_command("demo", *flags, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db):
    """The demo workspace «Тундра» as `humandesk demo` loads it."""
    from humandesk.accounts.models import Workspace
    from humandesk.demo import personas

    run_demo()
    return Workspace.objects.get(slug=personas.WORKSPACE_SLUG)


@pytest.fixture(scope="module")
def shared_demo(django_db_setup, django_db_blocker):
    """The demo loaded once per module for read-only tests, rolled back when the module ends."""
    from django.test import override_settings

    from humandesk.accounts.models import Workspace
    from humandesk.demo import personas

    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS), transaction.atomic():
        run_demo()
        yield Workspace.objects.get(slug=personas.WORKSPACE_SLUG)
        transaction.set_rollback(True)
