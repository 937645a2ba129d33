"""Keyset pagination: a page continues after the last row of the previous one.

A cursor is the sort key of that last row, base64-encoded JSON. Unlike OFFSET it costs the
same on page 1 and on page 40,000, and rows inserted meanwhile do not shift the pages.
"""

import base64
import binascii
import json
from datetime import datetime

from django.db.models import Q, QuerySet

from humandesk.api.errors import ApiError


def encode(*values) -> str:
    raw = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str, size: int) -> list:
    """The values packed into a cursor, or a 422 for anything that is not one of ours."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise _bad_cursor() from exc
    if not isinstance(values, list) or len(values) != size:
        raise _bad_cursor()
    return values


def _bad_cursor() -> ApiError:
    return ApiError(422, "bad_cursor", "The cursor is not valid: pass `next` from the previous page unchanged.")


def page_by_updated(queryset: QuerySet, *, order: str, cursor: str | None, limit: int) -> tuple[list, str | None]:
    """One page ordered by (updated_at, id), newest first when order starts with '-'."""
    descending = order.startswith("-")
    if cursor:
        stamp, pk, cursor_order = decode(cursor, 3)
        if cursor_order != order:
            raise ApiError(422, "bad_cursor", "The cursor belongs to another `order`.")
        try:
            when = datetime.fromisoformat(stamp)
            pk = int(pk)
        except (TypeError, ValueError) as exc:
            raise _bad_cursor() from exc
        if when.tzinfo is None:
            raise _bad_cursor()
        op = "lt" if descending else "gt"
        queryset = queryset.filter(
            Q(**{f"updated_at__{op}": when}) | Q(updated_at=when, **{f"id__{op}": pk})
        )
    sign = "-" if descending else ""
    rows = list(queryset.order_by(f"{sign}updated_at", f"{sign}id")[: limit + 1])
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    return rows, encode(last.updated_at.isoformat(), last.pk, order)


def page_by_id(queryset: QuerySet, *, cursor: str | None, limit: int) -> tuple[list, str | None]:
    """One page ordered by id, newest first."""
    if cursor:
        (pk,) = decode(cursor, 1)
        if not isinstance(pk, int):
            raise _bad_cursor()
        queryset = queryset.filter(id__lt=pk)
    rows = list(queryset.order_by("-id")[: limit + 1])
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode(rows[-1].pk)
