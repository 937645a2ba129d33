"""Fixtures for the sign-in and profile tests."""

import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Staff fixtures hash a password each; the production hasher would dominate these tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
