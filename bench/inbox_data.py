"""Bulk synthetic conversations for the inbox benchmark."""

import random
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

STATUSES = ["open"] * 5 + ["pending", "snoozed", "resolved", "resolved", "closed"]
PREVIEWS = [
    "Где мой заказ? Жду уже неделю", "The tent arrived without poles", "¿Cuándo llega mi pedido?",
    "Горелка не зажигается с первого раза", "Can I change the delivery address?",
    "Quiero devolver el saco de dormir", "Промокод не работает на рюкзак",
]
BATCH = 5_000


def generate(count: int, seed: int = 7):
    """Create the demo staff plus `count` conversations with two messages each."""
    from humandesk.accounts.models import User
    from humandesk.contacts.models import Contact
    from humandesk.conversations import counts
    from humandesk.demo.workspace import build_workspace
    from humandesk.inboxes.models import Inbox

    rng = random.Random(seed)
    workspace = build_workspace()
    agents = list(User.objects.filter(workspace=workspace, role="agent"))
    inbox = Inbox.objects.filter(workspace=workspace, channel_type="widget").first()
    now = timezone.now()
    ids: list[int] = []
    for start in range(0, count, BATCH):
        size = min(BATCH, count - start)
        with transaction.atomic():
            contacts = Contact.objects.bulk_create(
                Contact(workspace=workspace, name=f"Клиент {start + i}", email=f"c{start + i}@example.com")
                for i in range(size)
            )
            ids.extend(_conversations(workspace, inbox, contacts, agents, rng, now))
    counts.rebuild(workspace.pk)  # bulk rows bypass the services that keep the counters
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return workspace, agents[0], ids


def _conversations(workspace, inbox, contacts, agents, rng, now) -> list[int]:
    from humandesk.conversations.models import Conversation, Message

    rows = []
    for contact in contacts:
        at = now - timedelta(minutes=rng.randint(0, 60 * 24 * 90))
        rows.append(Conversation(
            workspace=workspace, inbox=inbox, contact=contact, status=rng.choice(STATUSES),
            assignee=rng.choice(agents + [None, None]), last_message_at=at,
            last_message_preview=rng.choice(PREVIEWS), last_message_kind="customer", message_count=2,
        ))
    created = Conversation.objects.bulk_create(rows)
    Message.objects.bulk_create(
        Message(conversation=conv, seq=seq, kind=kind, body=body)
        for conv in created
        for seq, kind, body in ((1, "customer", conv.last_message_preview), (2, "reply", "Здравствуйте! Сейчас проверю."))
    )
    return [c.pk for c in created]
