"""The canned-reply pages: everyone on the staff reads them, leads edit them, the coach reads every save."""

import re

import pytest

from humandesk.coach.services import set_must_fix_rules
from humandesk.replies import services
from humandesk.replies.models import CannedReply

OFFICIALESE = "Уважаемый клиент! Напишите номер заказа, и я проверю доставку."


def _form(**fields):
    return {"lang": "ru", "shortcut": "/order", "title": "Номер заказа", "body": "Подскажите номер заказа?", **fields}


def test_agents_see_the_list_and_search_it(anna_client, delivery, workspace, olga):
    """The list shows the workspace's replies to an agent, filtered by words and language, without edit links."""
    services.create_reply(workspace, actor=olga, lang="en", shortcut="hello", title="Greeting", body="Hi there!")
    html = anna_client.get("/replies/", {"q": "ДОСТАВКИ"}).content.decode()
    assert "<code>/delivery</code>" in html and "<code>/hello</code>" not in html
    assert "/replies/new/" not in html and f"/replies/{delivery.pk}/edit/" not in html
    html = anna_client.get("/replies/", {"lang": "en"}).content.decode()
    assert "<code>/hello</code>" in html and "<code>/delivery</code>" not in html


def test_the_list_is_the_workspace_own(anna_client, delivery, other_workspace):
    """Replies of another workspace never show up in ours."""
    CannedReply.objects.create(workspace=other_workspace["workspace"], lang="ru", shortcut="secret",
                               title="Чужой ответ", body="Чужой текст", search_text="/secret чужой ответ")
    html = anna_client.get("/replies/").content.decode()
    assert "<code>/delivery</code>" in html and "secret" not in html.lower()


def test_agents_get_403_on_every_edit(anna_client, delivery):
    """An agent cannot open the editor, save, or delete."""
    assert anna_client.get("/replies/new/").status_code == 403
    assert anna_client.post("/replies/new/", _form()).status_code == 403
    assert anna_client.post(f"/replies/{delivery.pk}/edit/", _form()).status_code == 403
    assert anna_client.post(f"/replies/{delivery.pk}/delete/").status_code == 403
    assert CannedReply.objects.count() == 1


def test_another_workspaces_reply_is_404(olga_client, other_workspace):
    """A lead reaching for another workspace's reply finds nothing there."""
    theirs = CannedReply.objects.create(workspace=other_workspace["workspace"], lang="ru", shortcut="x",
                                        title="t", body="b")
    assert olga_client.get(f"/replies/{theirs.pk}/edit/").status_code == 404
    assert olga_client.post(f"/replies/{theirs.pk}/delete/").status_code == 404
    assert CannedReply.objects.filter(pk=theirs.pk).exists()


def test_signed_out_visitors_are_sent_to_sign_in(client, delivery):
    """No session, no replies."""
    response = client.get("/replies/")
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_clean_reply_is_saved_and_listed(olga_client):
    """A lead saves a reply the coach is happy with and goes back to the list."""
    response = olga_client.post("/replies/new/", _form())
    assert response.status_code == 302 and response["Location"] == "/replies/"
    assert CannedReply.objects.get().shortcut == "order"


def test_coach_warnings_are_shown_after_saving(olga_client):
    """A reply with advice is saved, and the editor shows the coach's notes about it."""
    response = olga_client.post("/replies/new/", _form(body=OFFICIALESE), follow=True)
    reply = CannedReply.objects.get()
    assert response.redirect_chain[-1][0] == f"/replies/{reply.pk}/edit/"
    html = response.content.decode()
    assert 'data-rule="bureaucratese"' in html and "Уважаемый клиент" in html
    assert "data-must-fix" not in html


def test_must_fix_findings_block_the_save_and_keep_the_text(olga_client, workspace, olga):
    """With a must-fix rule the save is refused with the reason; the form keeps what the lead typed."""
    set_must_fix_rules(workspace, {"bureaucratese"}, actor=olga)
    response = olga_client.post("/replies/new/", _form(body=OFFICIALESE))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "data-must-fix" in html
    assert "Уважаемый клиент! Напишите номер заказа" in html
    assert not CannedReply.objects.exists()


def test_unknown_variable_is_refused_with_the_list_of_allowed_ones(olga_client):
    """A typo in a variable is caught on save and the allowed variables are named."""
    response = olga_client.post("/replies/new/", _form(body="Здравствуйте, {{ contact.firstname }}!"))
    assert response.status_code == 400
    alert = re.search(r'role="alert">([^<]*)<', response.content.decode()).group(1)
    assert "contact.firstname" in alert and "contact.first_name" in alert
    assert not CannedReply.objects.exists()


def test_edit_page_shows_the_current_advice_and_edits_save(olga_client, delivery):
    """The editor reads the stored text with the coach; a change is saved."""
    html = olga_client.get(f"/replies/{delivery.pk}/edit/").content.decode()
    assert 'id="replies-coach"' in html and "data-rule=" not in html
    response = olga_client.post(f"/replies/{delivery.pk}/edit/", _form(shortcut="delivery", body="Привезём за 3 дня."))
    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.body == "Привезём за 3 дня."


def test_a_lead_deletes_a_reply(olga_client, delivery):
    """Delete removes the reply and returns to the list."""
    response = olga_client.post(f"/replies/{delivery.pk}/delete/")
    assert response.status_code == 302 and not CannedReply.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_delete_is_post_only(olga_client, delivery, method):
    """A GET never deletes."""
    response = getattr(olga_client, method)(f"/replies/{delivery.pk}/delete/")
    assert response.status_code == (405 if method == "get" else 302)
    assert CannedReply.objects.exists() is (method == "get")
