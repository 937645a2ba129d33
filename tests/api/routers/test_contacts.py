"""/api/v1/contacts: create, search, page, read, update, and refuse bad input."""

import pytest

from humandesk.contacts.models import Contact


def test_create_and_get_a_contact(api, workspace):
    """A created contact belongs to the token's workspace and reads back the same."""
    response = api.post("/contacts", {"name": "Мария Кузнецова", "email": "Maria@Example.com",
                                      "phone": "+7 (912) 000-11-22", "language": "ru"})
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "maria@example.com"
    assert Contact.objects.get(pk=body["id"]).workspace == workspace
    fetched = api.get(f"/contacts/{body['id']}").json()
    assert fetched == body
    assert fetched["created_at"].endswith("Z") or "+" in fetched["created_at"]


def test_update_changes_only_the_fields_given(api, ivan):
    """PATCH touches the fields in the body; null clears one; the rest stay."""
    response = api.patch(f"/contacts/{ivan.pk}", {"phone": "+34 600 000 000", "email": None})
    assert response.status_code == 200
    ivan.refresh_from_db()
    assert (ivan.name, ivan.email, ivan.phone) == ("Иван Петров", "", "+34 600 000 000")


@pytest.mark.parametrize("body,field", [
    ({"email": "not-an-email"}, "email"),
    ({"language": "klingon"}, "language"),
    ({"phone": "<script>"}, "phone"),
    ({"name": "x" * 201}, "name"),
])
def test_bad_contact_fields_are_a_422_naming_the_field(api, ivan, body, field):
    """Each invalid field is reported in ninja's format and nothing changes."""
    response = api.patch(f"/contacts/{ivan.pk}", body)
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"
    assert response.json()["detail"][0]["loc"][-1] == field
    ivan.refresh_from_db()
    assert ivan.email == "ivan@example.com" and ivan.language == "ru"


def test_search_finds_by_name_in_any_case_and_by_email(api, ivan, workspace):
    """`q` matches part of the name (Cyrillic, any capitalisation) or of the email."""
    Contact.objects.create(workspace=workspace, name="Pablo García", email="pablo@correo.es")
    names = lambda q: [c["name"] for c in api.get("/contacts", {"q": q}).json()["items"]]  # noqa: E731
    assert names("иван") == ["Иван Петров"]
    assert names("ПЕТРОВ") == ["Иван Петров"]
    assert names("correo") == ["Pablo García"]
    assert names("nobody") == []


def test_pages_cover_every_contact_once(api, workspace):
    """Following `next` walks all contacts, newest first, without repeats."""
    Contact.objects.bulk_create(Contact(workspace=workspace, name=f"Клиент {i}") for i in range(7))
    seen, cursor = [], None
    while True:
        page = api.get("/contacts", {"limit": 3, **({"cursor": cursor} if cursor else {})}).json()
        seen += [c["id"] for c in page["items"]]
        cursor = page["next"]
        if not cursor:
            break
    assert seen == sorted(Contact.objects.values_list("id", flat=True), reverse=True)


@pytest.mark.parametrize("params", [{"limit": 101}, {"limit": 0}, {"cursor": "garbage!"}, {"cursor": "WzFd"[:3]}])
def test_bad_paging_parameters_are_a_422(api, params):
    """Page size above 100 or a cursor we did not issue: a clear 422."""
    response = api.get("/contacts", params)
    assert response.status_code == 422
    assert response.json()["code"] in {"validation_error", "bad_cursor"}


def test_listing_costs_the_same_queries_for_any_number_of_contacts(api, workspace, django_assert_num_queries):
    """No per-row queries: 2 contacts and 30 contacts take the same count."""
    api.get("/me")  # stamp last_used_at so it is not written during the measured calls
    Contact.objects.bulk_create(Contact(workspace=workspace, name=f"A{i}") for i in range(2))
    with django_assert_num_queries(2):
        api.get("/contacts")
    Contact.objects.bulk_create(Contact(workspace=workspace, name=f"B{i}") for i in range(28))
    with django_assert_num_queries(2):
        assert len(api.get("/contacts", {"limit": 100}).json()["items"]) == 30
