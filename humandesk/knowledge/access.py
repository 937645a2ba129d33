"""The one gate to articles: anything outside the caller's reach is a 404."""

from django.db.models import QuerySet
from django.http import Http404

from humandesk.accounts.models import User, Workspace
from humandesk.knowledge.models import Article, ArticleStatus, Visibility


def articles_for(user: User) -> QuerySet[Article]:
    """Articles a staff member may see and edit: every article of their own workspace."""
    if not user.is_authenticated or user.workspace_id is None:
        return Article.objects.none()
    return Article.objects.filter(workspace_id=user.workspace_id)


def get_article_for(user: User, article_id) -> Article:
    try:
        return articles_for(user).select_related("category", "author", "workspace").get(pk=int(article_id))
    except (Article.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404("No such article") from exc


def public_articles(workspace: Workspace) -> QuerySet[Article]:
    """What customers and the bot may read: published public articles of one workspace."""
    return Article.objects.filter(
        workspace=workspace, status=ArticleStatus.PUBLISHED, visibility=Visibility.PUBLIC
    )


def get_public_article(workspace: Workspace, article_id) -> Article:
    try:
        return public_articles(workspace).select_related("category").get(pk=int(article_id))
    except (Article.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404("No such article") from exc


def help_workspace(slug: str | None) -> Workspace:
    """The help centre's workspace: `?ws=<slug>`, or the first workspace when none is given."""
    workspaces = Workspace.objects.order_by("pk")
    workspace = workspaces.filter(slug=slug).first() if slug else workspaces.first()
    if workspace is None:
        raise Http404("No such help centre")
    return workspace
