"""The Spanish catalogue is complete, compiled, and covers every marked string.

`make messages` refreshes locale/es/LC_MESSAGES/django.po from the code and compiles
django.mo; both are committed, so a clone without gettext serves Spanish.
"""

import gettext
import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

LOCALE = Path(settings.BASE_DIR) / "locale"
PO = LOCALE / "es" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
# What `make messages` leaves out (the Makefile's --ignore list).
NOT_SCANNED = {".venv", "var", "node_modules", "benchmarks", "locale", ".git"}
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]*\}")


def catalogue():
    return polib.pofile(str(PO))


def key(entry):
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def translations(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


def test_every_string_has_a_spanish_translation():
    po = catalogue()
    missing = [e.msgid for e in po if not e.obsolete and not all(translations(e))]
    assert not missing, f"Untranslated in {PO.name}: {missing}"


def test_no_translation_is_marked_fuzzy():
    fuzzy = [e.msgid for e in catalogue().fuzzy_entries()]
    assert not fuzzy, f"Fuzzy (unchecked) entries in {PO.name}: {fuzzy}"


def placeholders(text):
    return set(PLACEHOLDER.findall(text))


def test_translations_keep_every_placeholder():
    """A translation that drops or misspells %(name)s breaks the page at runtime."""
    wrong = []
    for entry in catalogue().translated_entries():
        source = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
        for text in translations(entry):
            # A plural form may leave out the count ("one reply"), never invent one.
            fits = (
                placeholders(text) <= source
                if entry.msgid_plural
                else (placeholders(text) == source)
            )
            if not fits:
                wrong.append((entry.msgid, text))
    assert not wrong, f"Placeholders differ: {wrong}"


def test_the_compiled_catalogue_matches_the_translations():
    """Read django.mo with Python's gettext, so no gettext tools are needed."""
    with MO.open("rb") as compiled:
        served = dict(gettext.GNUTranslations(compiled)._catalog)
    served.pop("", None)  # the header
    expected = {}
    for entry in catalogue().translated_entries():
        msgid = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                expected[(msgid, int(index))] = text
        else:
            expected[msgid] = entry.msgstr
    stale = sorted(
        str(msgid)
        for msgid in expected.keys() | served.keys()
        if expected.get(msgid) != served.get(msgid)
    )
    assert not stale, f"django.mo is stale, run `make messages`: {stale}"


def test_every_marked_string_is_in_the_catalogue(tmp_path, settings, monkeypatch):
    """Runs Django's makemessages on the code into an empty temporary catalogue.

    The source tree is linked (not copied) into a temporary directory without a
    `locale/`, so makemessages writes nowhere in the repository (it would pick the
    repository's locale/ for any file under it). About a second. Needs xgettext
    (Debian's `gettext`), which CI installs; without it the test is skipped
    locally and fails in CI (REQUIRE_GETTEXT).
    """
    if shutil.which("xgettext") is None:
        if os.environ.get("REQUIRE_GETTEXT"):
            pytest.fail("xgettext is missing; CI must check the catalogue.")
        pytest.skip("xgettext is missing (apt-get install gettext)")
    source = tmp_path / "source"
    source.mkdir()
    for entry in Path(settings.BASE_DIR).iterdir():
        if entry.name not in NOT_SCANNED:
            (source / entry.name).symlink_to(entry)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(source)
    call_command(
        "makemessages", locale=["es"], symlinks=True, no_location=True, verbosity=0
    )
    fresh = polib.pofile(str(tmp_path / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    marked = {key(e) for e in fresh}
    committed = {key(e) for e in catalogue() if not e.obsolete}
    missing = sorted(marked - committed)
    assert not missing, f"Marked but not in {PO.name}, run `make messages`: {missing}"
    assert not committed - marked, (
        f"In {PO.name} but no longer marked, run `make messages`: "
        f"{sorted(committed - marked)}"
    )
