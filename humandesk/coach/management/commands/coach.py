"""`humandesk coach <subcommand>`: reply checks (check, eval-replies) and the mood reader's
subcommands (analyze, eval-messages, train-mood) from humandesk.coach.mood.cli."""

import importlib

from django.core.management.base import BaseCommand, CommandError

from humandesk.coach import cli


def _registry() -> dict:
    commands = dict(cli.SUBCOMMANDS)
    try:
        mood = importlib.import_module("humandesk.coach.mood.cli")
    except ModuleNotFoundError:  # the mood reader is optional; reply checks work without it
        return commands
    commands.update(getattr(mood, "SUBCOMMANDS", {}))
    return commands


class Command(BaseCommand):
    help = "Reply coach: check drafts, evaluate on labelled replies, read customer mood."
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        subparsers = parser.add_subparsers(dest="subcommand", metavar="SUBCOMMAND", required=True)
        for name, (configure, run) in _registry().items():
            configure(subparsers.add_parser(name, help=(run.__doc__ or "").strip().splitlines()[0]))

    def handle(self, *args, **options):
        name = options["subcommand"]
        _configure, run = _registry()[name]
        code = run(options, self.stdout)
        if code:
            raise CommandError(f"coach {name} finished with errors", returncode=code)
