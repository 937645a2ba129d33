"""The `humandesk` command: product commands (serve, demo, coach, kb) and every Django
management command (`humandesk migrate`, `humandesk createsuperuser`, …)."""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "manage":  # `humandesk manage migrate` == `humandesk migrate`
        args = args[1:]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humandesk.config.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["humandesk", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
