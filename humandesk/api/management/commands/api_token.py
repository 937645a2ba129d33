"""`humandesk api_token create|list|revoke`: manage personal API tokens from the shell."""

from django.core.management.base import BaseCommand, CommandError

from humandesk.accounts.models import ApiToken, User
from humandesk.api import services


class Command(BaseCommand):
    help = "Create, list or revoke personal API tokens."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="issue a token and print its secret once")
        create.add_argument("--user", required=True, help="username the token acts as")
        create.add_argument("--name", required=True, help="what the token is for, e.g. CRM")
        listing = actions.add_parser("list", help="list tokens (never their secrets)")
        listing.add_argument("--user", help="only this user's tokens")
        revoke = actions.add_parser("revoke", help="revoke the token whose secret starts with --prefix")
        revoke.add_argument("--prefix", required=True, help="the first 10 characters, e.g. hd_AbC1234")
        revoke.add_argument("--user", help="disambiguate when two tokens share a prefix")

    def handle(self, *args, action: str, **options):
        getattr(self, f"_{action}")(**options)

    def _user(self, username: str) -> User:
        try:
            return User.objects.get(username=username)
        except User.DoesNotExist as exc:
            raise CommandError(f"No user named {username!r}.") from exc

    def _create(self, *, user: str, name: str, **options) -> None:
        owner = self._user(user)
        if not owner.is_active or owner.workspace_id is None:
            raise CommandError(f"{user!r} is inactive or belongs to no workspace: its token would be refused.")
        token, secret = services.issue_token(owner, name)
        self.stderr.write(f"Token {token.name!r} for {owner.username}. Copy the secret now, it is not stored:")
        self.stdout.write(secret)

    def _list(self, *, user: str | None, **options) -> None:
        tokens = ApiToken.objects.select_related("user").order_by("user__username", "created_at")
        if user:
            tokens = tokens.filter(user=self._user(user))
        for token in tokens:
            used = token.last_used_at.isoformat(timespec="seconds") if token.last_used_at else "never"
            self.stdout.write(
                f"{token.prefix}\t{token.user.username}\t{token.name}\t"
                f"created {token.created_at.isoformat(timespec='seconds')}\tlast used {used}"
            )

    def _revoke(self, *, prefix: str, user: str | None, **options) -> None:
        tokens = ApiToken.objects.filter(prefix=prefix.strip().rstrip("…"))
        if user:
            tokens = tokens.filter(user=self._user(user))
        found = list(tokens.select_related("user")[:2])
        if not found:
            raise CommandError(f"No token starts with {prefix!r}.")
        if len(found) > 1:
            raise CommandError(f"Several tokens start with {prefix!r}: add --user.")
        services.revoke_token(found[0])
        self.stdout.write(f"Revoked {found[0].prefix} ({found[0].name}) of {found[0].user.username}.")
