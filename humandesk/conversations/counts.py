"""Per-bucket conversation counters for the inbox navigation.

A bucket is (workspace, status, assignee, team). Services call `move` inside the same
transaction as the change, so the counters commit or roll back with it.
"""

from django.db import transaction
from django.db.models import Count, F, Q, Sum

from humandesk.conversations.models import Conversation, ConversationCount

Bucket = tuple[int, str, int | None, int | None]


def bucket_of(conversation: Conversation) -> Bucket:
    return (conversation.workspace_id, conversation.status, conversation.assignee_id, conversation.team_id)


def _add(bucket: Bucket, delta: int) -> None:
    workspace_id, status, assignee_id, team_id = bucket
    key = {"workspace_id": workspace_id, "status": status, "assignee_id": assignee_id, "team_id": team_id}
    row = ConversationCount.objects.filter(**key).values_list("pk", flat=True).first()
    if row is None:
        ConversationCount.objects.create(count=delta, **key)
    else:
        ConversationCount.objects.filter(pk=row).update(count=F("count") + delta)


def move(before: Bucket | None, after: Bucket | None) -> None:
    """Take one conversation out of `before` and put it into `after` (None: created/deleted)."""
    if before == after:
        return
    if before is not None:
        _add(before, -1)
    if after is not None:
        _add(after, +1)


def rebuild(workspace_id: int) -> None:
    """Recount a workspace from its conversations (after bulk imports)."""
    rows = (Conversation.objects.filter(workspace_id=workspace_id)
            .values("status", "assignee_id", "team_id").annotate(n=Count("pk")))
    with transaction.atomic():
        ConversationCount.objects.filter(workspace_id=workspace_id).delete()
        ConversationCount.objects.bulk_create(
            ConversationCount(workspace_id=workspace_id, status=r["status"], assignee_id=r["assignee_id"],
                              team_id=r["team_id"], count=r["n"])
            for r in rows
        )


def totals(workspace_id: int, **named_filters: Q) -> dict[str, int]:
    """Sum the buckets under each named filter, in one query over a few hundred rows."""
    aggregates = {name: Sum("count", filter=condition, default=0) for name, condition in named_filters.items()}
    return ConversationCount.objects.filter(workspace_id=workspace_id).aggregate(**aggregates)
