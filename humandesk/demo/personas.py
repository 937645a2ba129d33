"""Named demo personas shared by the demo workspace and the tests.

Tundra («Тундра») is a fictional outdoor-gear shop that ships tents, stoves and sleeping
bags across Russia, Spain and the UK. Its support team answers in Russian, English and Spanish.
"""

from dataclasses import dataclass

WORKSPACE_SLUG = "tundra"
WORKSPACE_NAME = "Тундра — снаряжение для походов"
DEMO_PASSWORD = "tundra-demo-2026"  # noqa: S105 - public on purpose: printed for every demo login
WIDGET_KEY = "tundra-site"  # the public key the /demo/ shop page embeds


@dataclass(frozen=True)
class Persona:
    username: str
    display_name: str
    role: str
    language: str
    teams: tuple[str, ...]
    email: str


TEAM_FIRST_LINE = "Первая линия"
TEAM_SPANISH = "Soporte ES"
TEAM_ENGINEERING = "Инженеры поддержки"

STAFF = (
    Persona("anna", "Анна Смирнова", "agent", "ru", (TEAM_FIRST_LINE,), "anna@tundra.example"),
    Persona("kate", "Kate Wilson", "agent", "en", (TEAM_FIRST_LINE,), "kate@tundra.example"),
    Persona("miguel", "Miguel Ortega", "agent", "es", (TEAM_SPANISH,), "miguel@tundra.example"),
    Persona("dmitry", "Дмитрий Ковалёв", "engineer", "ru", (TEAM_ENGINEERING,), "dmitry@tundra.example"),
    Persona("olga", "Ольга Белова", "lead", "ru", (TEAM_FIRST_LINE, TEAM_SPANISH), "olga@tundra.example"),
    Persona("sergey", "Сергей Ильин", "admin", "ru", (), "sergey@tundra.example"),
)


def login_banner() -> str:
    """The demo logins, printed by `humandesk serve` when the demo workspace exists."""
    from humandesk.accounts.models import Workspace

    try:
        if not Workspace.objects.filter(slug=WORKSPACE_SLUG).exists():
            return ""
    except Exception:  # database not migrated yet
        return ""
    rows = [f"  {p.username:<8} {p.role:<9} {p.display_name}" for p in STAFF]
    return "\n".join([
        "Demo workspace «Тундра» — log in at http://127.0.0.1:8000/login/",
        f"  password for every demo login: {DEMO_PASSWORD}",
        *rows,
        "  customer side: http://127.0.0.1:8000/demo/ (the shop page with the chat widget)",
        "",
    ])
