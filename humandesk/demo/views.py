"""The fictional «Тундра» shop page: what a customer sees, with the chat widget on it."""

import json
from functools import lru_cache

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from humandesk.demo import personas
from humandesk.demo.conversations import DATA_DIR

SHOP_LANGUAGES = ("ru", "en", "es")


@lru_cache(maxsize=1)
def shop_copy() -> dict:
    """The shop's texts per language.

    They are the fictional company's own website copy, like the demo conversations, not
    humandesk's interface, so they live in demo data rather than in the translation catalogue.
    """
    return json.loads((DATA_DIR / "shop.json").read_text(encoding="utf-8"))


@require_GET
def shop(request):
    lang = request.GET.get("lang", "ru")
    if lang not in SHOP_LANGUAGES:
        lang = "ru"
    copy = shop_copy()
    return render(request, "demo/shop.html", {
        "lang": lang,
        "copy": copy[lang],
        "languages": [(code, copy[code]["language_name"]) for code in SHOP_LANGUAGES],
        "widget_src": reverse("inboxes:widget_js"),
        "widget_key": personas.WIDGET_KEY,
        "login_url": reverse("ui:login"),
    })
