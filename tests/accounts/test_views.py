"""Sign in, sign out, and the profile: language and availability persist and change the UI."""

from humandesk.demo import personas


def test_login_page_shows_only_the_form(client, conversation):
    """The sign-in page has the form and nothing from inside the desk."""
    html = client.get("/login/").content.decode()
    for selector in ('name="username"', 'name="password"', 'type="submit"'):
        assert selector in html
    assert "Иван Петров" not in html and 'class="topbar"' not in html


def test_login_redirects_to_inbox(client, anna):
    """Valid credentials lead to the inbox."""
    response = client.post("/login/", {"username": "anna", "password": personas.DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200


def test_login_follows_next(client, anna, conversation):
    """After signing in the agent lands on the page they asked for."""
    target = f"/conversations/{conversation.pk}/"
    response = client.post("/login/", {"username": "anna", "password": personas.DEMO_PASSWORD,
                                       "next": target})
    assert response["Location"] == target


def test_wrong_password_is_refused(client, anna):
    """A wrong password keeps the visitor on the form with an error."""
    response = client.post("/login/", {"username": "anna", "password": "wrong-password"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert client.get("/").status_code == 302


def test_logout_needs_post(client, anna):
    """Sign-out is a POST; a GET cannot sign anyone out."""
    client.force_login(anna)
    assert client.get("/logout/").status_code == 405
    assert client.get("/").status_code == 200
    response = client.post("/logout/")
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert client.get("/").status_code == 302


def test_profile_requires_sign_in(client, db):
    """The profile is for signed-in staff only."""
    assert client.get("/profile/").status_code == 302


def test_language_switch_changes_the_interface(client, anna):
    """Choosing Spanish persists on the user and the next pages speak Spanish; Russian again after."""
    client.force_login(anna)
    assert "Входящие" in client.get("/").content.decode()
    response = client.post("/profile/", {"language": "es", "availability": "away"})
    assert response.status_code == 302
    anna.refresh_from_db()
    assert (anna.language, anna.availability) == ("es", "away")
    page = client.get("/profile/").content.decode()
    assert "Perfil guardado." in page
    html = client.get("/").content.decode()
    assert "Bandeja de entrada" in html and '<html lang="es">' in html
    client.post("/profile/", {"language": "ru", "availability": "online"})
    assert "Входящие" in client.get("/").content.decode()


def test_english_user_sees_english(client, kate):
    """An English-speaking agent sees the English interface."""
    client.force_login(kate)
    html = client.get("/").content.decode()
    assert "Inbox" in html and "Входящие" not in html


def test_unknown_language_is_refused(client, anna):
    """A language the product does not ship is refused and nothing changes."""
    client.force_login(anna)
    response = client.post("/profile/", {"language": "de", "availability": "online"})
    assert response.status_code == 422
    anna.refresh_from_db()
    assert anna.language == "ru"
