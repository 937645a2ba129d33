"""Every environment variable humandesk reads, with its documented default.

Settings call these functions once when Django configures itself; application code reads
`django.conf.settings`, never `os.environ` directly.
"""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent.parent

VARIABLES = {
    "HUMANDESK_DATA_DIR": "Directory for the SQLite database and uploads (default: ./var)",
    "HUMANDESK_SECRET_KEY": "Signing key; a stable per-install key is generated in the data dir",
    "HUMANDESK_DEBUG": "1 to enable Django debug pages (default: 0)",
    "HUMANDESK_ALLOWED_HOSTS": "Comma-separated host names (default: localhost,127.0.0.1)",
    "DATABASE_URL": "postgres://user@host/db to use PostgreSQL (default: SQLite in data dir)",
    "REDIS_URL": "redis://host:port/0 to use the Redis channel layer (default: in-memory)",
    "HUMANDESK_MAX_MESSAGE_CHARS": "Longest accepted message body (default: 10000)",
}


def data_dir() -> Path:
    path = Path(os.environ.get("HUMANDESK_DATA_DIR") or REPO_ROOT / "var")
    path.mkdir(parents=True, exist_ok=True)
    return path


def secret_key() -> str:
    explicit = os.environ.get("HUMANDESK_SECRET_KEY")
    if explicit:
        return explicit
    key_file = data_dir() / "secret_key"
    if not key_file.exists():
        import secrets

        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def text(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def integer(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default
