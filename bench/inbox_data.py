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
    if connection.vendor == "postgresql":
        ids = _generate_in_postgres(workspace, inbox, agents, count)
        counts.rebuild(workspace.pk)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        return workspace, agents[0], ids
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


PG_SQL = [
    """INSERT INTO contacts_contact (workspace_id, name, email, phone, language, created_at, updated_at)
       SELECT %(ws)s, 'Клиент ' || n, 'c' || n || '@example.com', '', 'ru', now(), now()
       FROM generate_series(1, %(count)s) AS n""",
    """INSERT INTO conversations_conversation (workspace_id, inbox_id, contact_id, subject, status, priority,
           assignee_id, language, last_message_at, last_message_preview, last_message_kind, message_count,
           created_at, updated_at)
       SELECT %(ws)s, %(inbox)s, c.id, '',
              (ARRAY['open','open','open','open','open','pending','snoozed','resolved','resolved','closed'])[1 + c.id %% 10],
              'normal', (%(agents)s::bigint[])[1 + c.id %% (array_length(%(agents)s::bigint[], 1) + 2)], 'ru',
              now() - (c.id %% 129600) * interval '1 minute', %(preview)s, 'customer', 2, now(), now()
       FROM contacts_contact c WHERE c.workspace_id = %(ws)s""",
    """INSERT INTO conversations_message (conversation_id, seq, kind, body, created_at)
       SELECT v.id, s.seq, CASE s.seq WHEN 1 THEN 'customer' ELSE 'reply' END,
              CASE s.seq WHEN 1 THEN v.last_message_preview ELSE 'Здравствуйте! Сейчас проверю.' END, now()
       FROM conversations_conversation v CROSS JOIN (VALUES (1), (2)) AS s(seq)
       WHERE v.workspace_id = %(ws)s""",
]


def _generate_in_postgres(workspace, inbox, agents, count: int) -> list[int]:
    """The same shape of data, generated inside PostgreSQL (a million rows in about a minute)."""
    params = {"ws": workspace.pk, "inbox": inbox.pk, "count": count,
              "agents": [a.pk for a in agents], "preview": PREVIEWS[0]}
    with transaction.atomic(), connection.cursor() as cursor:
        for sql in PG_SQL:
            cursor.execute(sql, params)
        cursor.execute("SELECT id FROM conversations_conversation WHERE workspace_id = %s ORDER BY id LIMIT 1000",
                       [workspace.pk])
        return [row[0] for row in cursor.fetchall()]
