"""The demo shop page: renders in three languages with exactly one widget script tag."""

import re

import pytest
from django.urls import reverse

from humandesk.demo import personas

WIDGET_TAG = re.compile(
    r'<script src="(?P<src>[^"]*widget\.js)" data-inbox="(?P<key>[^"]+)" async></script>'
)


def test_shop_url_name():
    """The page is reachable as demo:shop at /demo/."""
    assert reverse("demo:shop") == "/demo/"


@pytest.mark.django_db
def test_shop_renders_with_the_widget_tag(client):
    """/demo/ shows the shop in Russian with one widget <script> for the demo inbox."""
    response = client.get("/demo/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ru">' in html
    tags = WIDGET_TAG.findall(html)
    assert len(tags) == 1
    assert tags[0][1] == personas.WIDGET_KEY
    assert html.count("<script") == 1
    assert html.count("₽") >= 4
    assert "Палатка «Ямал 3»" in html


@pytest.mark.django_db
@pytest.mark.parametrize("lang,phrase", [("en", "Yamal 3 tent"), ("es", "Tienda Yamal 3")])
def test_shop_switches_language(client, lang, phrase):
    """?lang=en and ?lang=es show the shop in that language."""
    html = client.get("/demo/", {"lang": lang}).content.decode()
    assert f'<html lang="{lang}">' in html
    assert phrase in html


@pytest.mark.django_db
def test_unknown_language_falls_back_to_russian(client):
    """An unsupported or hostile ?lang value shows the Russian page and is never echoed."""
    response = client.get("/demo/", {"lang": '"><script>alert(1)</script>'})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ru">' in html
    assert "alert(1)" not in html


@pytest.mark.django_db
def test_shop_loads_no_external_assets(client):
    """Styles and images are inline: no stylesheet links and no off-site src/href."""
    html = client.get("/demo/").content.decode()
    assert "<link" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html)
