"""/api/v1/contacts: the customers of the token's workspace."""

from django.db.models import Q
from ninja import Query, Router

from humandesk.api import access, cursors, services
from humandesk.api.errors import errors
from humandesk.api.schemas import (
    ContactFilters,
    ContactIn,
    ContactOut,
    ContactPage,
    ContactPatch,
    Id,
)
from humandesk.contacts.models import Contact

router = Router(tags=["contacts"])


def _search(q: str) -> Q:
    # SQLite's LIKE folds case for ASCII only, so "иван" would miss "Иван": try the usual
    # capitalisations too (PostgreSQL folds every alphabet and simply matches them all).
    variants = {q, q.lower(), q.capitalize(), q.title(), q.upper()}
    condition = Q()
    for variant in variants:
        condition |= Q(name__icontains=variant) | Q(email__icontains=variant)
    return condition


@router.get("/contacts", response={200: ContactPage, **errors(422)}, summary="List contacts")
def list_contacts(request, filters: Query[ContactFilters]):
    """Newest first; `q` matches part of the name or email address."""
    contacts = Contact.objects.filter(workspace_id=request.auth.workspace_id)
    if filters.q:
        contacts = contacts.filter(_search(filters.q))
    items, next_cursor = cursors.page_by_id(contacts, cursor=filters.cursor, limit=filters.limit)
    return {"items": items, "next": next_cursor}


@router.post("/contacts", response={201: ContactOut, **errors(422)}, summary="Create a contact")
def create_contact(request, payload: ContactIn):
    """Create a customer record in the token's workspace."""
    return 201, services.create_contact(request.auth, **payload.dict())


@router.get("/contacts/{contact_id}", response={200: ContactOut, **errors(404)}, summary="Get a contact")
def get_contact(request, contact_id: Id):
    """One contact of the workspace."""
    return access.contact_for(request.auth, contact_id)


@router.patch("/contacts/{contact_id}", response={200: ContactOut, **errors(404, 422)},
              summary="Update a contact")
def update_contact(request, contact_id: Id, payload: ContactPatch):
    """Change name, email, phone or language; fields left out of the body stay as they are."""
    contact = access.contact_for(request.auth, contact_id)
    return services.update_contact(contact, **payload.dict(exclude_unset=True))
