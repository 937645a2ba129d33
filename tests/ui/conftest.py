"""Fixtures for the agent workspace: signed-in clients and a busy inbox."""

import pytest

from humandesk.conversations import counts

HX = {"HTTP_HX_REQUEST": "true"}



@pytest.fixture
def anna_client(client, anna):
    client.force_login(anna)
    return client


@pytest.fixture
def busy_inbox(workspace, widget_inbox, anna, kate, first_line):
    """Fifty open conversations, one minute apart: tagged, a third anna's, a third kate's, half in
    the first line. Written in bulk so that the fixture stays cheap."""
    from datetime import timedelta

    from django.utils import timezone

    from humandesk.contacts.models import Contact
    from humandesk.conversations.models import Conversation, Tag

    contacts = Contact.objects.bulk_create(
        Contact(workspace=workspace, name=f"Клиент {n}", email=f"client{n}@example.com") for n in range(50)
    )
    start = timezone.now() - timedelta(hours=2)
    conversations = Conversation.objects.bulk_create(
        Conversation(
            workspace=workspace, inbox=widget_inbox, contact=contact, message_count=1,
            last_message_at=start + timedelta(minutes=n), last_message_kind="customer",
            last_message_preview=f"Вопрос про палатку номер {n}",
            assignee=(anna, kate, None)[n % 3], team=first_line if n % 2 == 0 else None,
        )
        for n, contact in enumerate(contacts)
    )
    tags = Tag.objects.bulk_create(Tag(workspace=workspace, name=name)
                                   for name in ["палатки", *(f"заказ-{k}" for k in range(5))])
    through = Conversation.tags.through
    through.objects.bulk_create(
        [through(conversation=conv, tag=tags[0]) for conv in conversations]
        + [through(conversation=conv, tag=tags[1 + n % 5]) for n, conv in enumerate(conversations)]
    )
    counts.rebuild(workspace.pk)  # bulk rows bypass the services that keep the counters
    return conversations
