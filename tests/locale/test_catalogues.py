"""The ru/en/es catalogues: complete, well-formed, compiled, and what Django actually serves."""

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

from tests.locale.po_file import Entry, header_fields, read_po

LOCALE_DIR = Path(settings.BASE_DIR) / "humandesk" / "locale"
SOURCE_DIR = Path(settings.BASE_DIR) / "humandesk"
TRANSLATED = ["ru", "es"]
ALL = ["ru", "en", "es"]
# %(name)s, %(n)d, bare %s/%d, and {name} / {0} style placeholders
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
EXPECTED_NPLURALS = {"ru": 3, "es": 3, "en": 2}


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"


def messages_at(path: Path) -> list[Entry]:
    return [entry for entry in read_po(path) if not entry.is_header]


def messages(lang: str) -> list[Entry]:
    return messages_at(po_path(lang))


def describe(entries: list[Entry]) -> list[str]:
    return [f"line {entry.line}: {entry.msgid!r}" for entry in entries]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_entry_is_translated(lang):
    """Russian and Spanish agents never see an untranslated string (es would fall back to ru)."""
    entries = messages(lang)
    assert len(entries) > 100
    assert describe([entry for entry in entries if not entry.is_translated]) == []


@pytest.mark.parametrize("lang", ALL)
def test_no_entry_is_fuzzy(lang):
    """A fuzzy entry is a guess that gettext ignores; every one has been checked and unflagged."""
    assert describe([entry for entry in messages(lang) if entry.is_fuzzy]) == []


def test_english_relies_on_the_msgids():
    """The English catalogue is empty: msgids are the English copy, so nothing can drift."""
    assert describe([entry for entry in messages("en") if any(entry.msgstr.values())]) == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_every_placeholder(lang):
    """Each translation keeps exactly the placeholders of its msgid, so formatting cannot crash."""
    wrong = []
    for entry in messages(lang):
        expected = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for form, text in entry.msgstr.items():
            if sorted(PLACEHOLDER.findall(text)) != expected:
                wrong.append(f"line {entry.line} form {form}: {entry.msgid!r} -> {text!r}")
    assert wrong == []


@pytest.mark.parametrize("lang", ALL)
def test_plural_entries_have_every_form(lang):
    """The header declares the language's plural count and every plural entry fills that many forms."""
    entries = read_po(po_path(lang))
    plural_forms = header_fields(entries)["Plural-Forms"]
    nplurals = int(re.search(r"nplurals\s*=\s*(\d+)", plural_forms).group(1))
    assert nplurals == EXPECTED_NPLURALS[lang]
    plurals = [entry for entry in entries if entry.msgid_plural]
    assert plurals, "the catalogue should exercise plural forms"
    assert [e.msgid for e in plurals if sorted(e.msgstr) != list(range(nplurals))] == []


@pytest.mark.parametrize("lang", ALL)
def test_compiled_catalogue_holds_what_the_po_says(lang):
    """django.mo carries exactly the .po's translations (checked through Python's gettext reader)."""
    with open(po_path(lang).with_suffix(".mo"), "rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    expected = {}
    for entry in messages(lang):
        if not entry.is_translated or entry.is_fuzzy:
            continue
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural is None:
            expected[key] = entry.msgstr[0]
        else:
            expected.update({(key, form): text for form, text in entry.msgstr.items()})
    compiled.pop("", None)
    assert compiled == expected


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")
@pytest.mark.parametrize("lang", ALL)
def test_compiled_catalogue_is_up_to_date(lang, tmp_path):
    """Compiling the .po again gives the committed .mo byte for byte (git does not keep mtimes)."""
    fresh = tmp_path / "django.mo"
    # the same command `compilemessages` runs
    subprocess.run(
        ["msgfmt", "--check-format", "-o", fresh, po_path(lang)], check=True, capture_output=True
    )
    assert fresh.read_bytes() == po_path(lang).with_suffix(".mo").read_bytes()


@pytest.mark.skipif(
    shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed"
)
def test_catalogues_cover_every_string_in_the_source(tmp_path, monkeypatch):
    """makemessages over the current source finds no msgid the catalogues lack."""
    copy = tmp_path / "humandesk"
    shutil.copytree(
        SOURCE_DIR,
        copy,
        ignore=shutil.ignore_patterns("locale", "static", "__pycache__", "*.mo", "*.po"),
    )
    (copy / "locale").mkdir()
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[copy / "locale"]):
        call_command("makemessages", locale=["ru"], verbosity=0)
    in_source = {
        (e.msgctxt, e.msgid)
        for e in messages_at(copy / "locale" / "ru" / "LC_MESSAGES" / "django.po")
    }
    assert len(in_source) > 100
    for lang in ALL:
        catalogued = {(entry.msgctxt, entry.msgid) for entry in messages(lang)}
        assert sorted(in_source - catalogued, key=str) == [], lang


@pytest.mark.parametrize(
    ("lang", "reply", "days"),
    [
        ("ru", "Ответ", ["1 день", "3 дня", "5 дней", "11 дней", "21 день", "22 дня"]),
        ("es", "Respuesta", ["1 día", "3 días", "5 días", "11 días", "21 días", "22 días"]),
        ("en", "Reply", ["1 day", "3 days", "5 days", "11 days", "21 days", "22 days"]),
    ],
)
def test_django_serves_each_language(lang, reply, days):
    """With a language active, Django returns its strings and picks the right plural form."""
    with translation.override(lang):
        assert translation.gettext("Reply") == reply
        shown = [
            translation.ngettext("%(n)d day", "%(n)d days", n) % {"n": n}
            for n in (1, 3, 5, 11, 21, 22)
        ]
    assert shown == days
