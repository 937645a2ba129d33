"""Personal API tokens: `Authorization: Bearer <secret>` authenticates as the token's user."""

from django.http import HttpRequest
from ninja.security import HttpBearer

from humandesk.accounts.models import ApiToken, User
from humandesk.api import services

# Secrets are "hd_" + 43 characters; anything far longer is not worth hashing.
MAX_SECRET_LENGTH = 200


class TokenAuth(HttpBearer):
    """Looks the secret up by its SHA-256; inactive or workspace-less users are refused."""

    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        token = token.strip()
        if not token or len(token) > MAX_SECRET_LENGTH:
            return None
        api_token = (
            ApiToken.objects.select_related("user").filter(digest=ApiToken.hash(token)).first()
        )
        if api_token is None:
            return None
        user = api_token.user
        if not user.is_active or user.workspace_id is None:
            return None
        services.mark_token_used(api_token)
        request.user = user
        request.api_token = api_token
        return user
