"""The Spanish catalogue is complete, compiled, and covers every marked string.

`make messages` refreshes locale/es/LC_MESSAGES/django.po from the code and compiles
django.mo; both are committed, so a clone without gettext serves Spanish. The
second catalogue, locale_overrides/, is written by hand: allauth's and Django's
own strings that our pages and emails show, said with "tú" as ours are.
"""

import gettext
import os
import re
import shutil
from pathlib import Path

import allauth
import django
import polib
import pytest
from django.conf import settings
from django.core.management import call_command

LOCALE = Path(settings.BASE_DIR) / "locale"
PO = LOCALE / "es" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
OVERRIDES = Path(settings.BASE_DIR) / "locale_overrides" / "es" / "LC_MESSAGES"
OVERRIDES_PO = OVERRIDES / "django.po"
CATALOGUES = [PO, OVERRIDES_PO]
THIRD_PARTY = [
    Path(allauth.__file__).parent / "locale",
    Path(django.__file__).parent / "contrib" / "auth" / "locale",
    Path(django.__file__).parent / "conf" / "locale",
]
# What `make messages` leaves out (the Makefile's --ignore list).
NOT_SCANNED = {".venv", "var", "node_modules", "benchmarks", "locale", ".git"}
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]*\}")


def catalogue(path=PO):
    return polib.pofile(str(path))


def key(entry):
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def translations(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


each_catalogue = pytest.mark.parametrize(
    "path", CATALOGUES, ids=lambda path: path.parents[2].name
)


@each_catalogue
def test_every_string_has_a_spanish_translation(path):
    po = catalogue(path)
    missing = [e.msgid for e in po if not e.obsolete and not all(translations(e))]
    assert not missing, f"Untranslated in {path}: {missing}"


@each_catalogue
def test_no_translation_is_marked_fuzzy(path):
    fuzzy = [e.msgid for e in catalogue(path).fuzzy_entries()]
    assert not fuzzy, f"Fuzzy (unchecked) entries in {path}: {fuzzy}"


def placeholders(text):
    return set(PLACEHOLDER.findall(text))


@each_catalogue
def test_translations_keep_every_placeholder(path):
    """A translation that drops or misspells %(name)s breaks the page at runtime."""
    wrong = []
    for entry in catalogue(path).translated_entries():
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


@each_catalogue
def test_the_compiled_catalogue_matches_the_translations(path):
    """Read django.mo with Python's gettext, so no gettext tools are needed."""
    with path.with_suffix(".mo").open("rb") as compiled:
        served = dict(gettext.GNUTranslations(compiled)._catalog)
    served.pop("", None)  # the header
    expected = {}
    for entry in catalogue(path).translated_entries():
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
    compiled = path.with_suffix(".mo")
    assert not stale, f"{compiled} is stale, run `make messages`: {stale}"


def test_each_override_replaces_an_allauth_or_django_string():
    """An override must copy the msgid exactly, or it silently changes nothing;
    and one our own catalogue also has would lose (the first LOCALE_PATHS wins)."""
    theirs = set()
    for locale in THIRD_PARTY:
        spanish = locale / "es" / "LC_MESSAGES" / "django.po"
        theirs |= {key(e) for e in catalogue(spanish)}
    overrides = {key(e) for e in catalogue(OVERRIDES_PO)}
    assert overrides, "The override catalogue is empty"
    assert not overrides - theirs, f"Not their msgids: {sorted(overrides - theirs)}"
    ours = {key(e) for e in catalogue()}
    assert not overrides & ours, f"Also in {PO}: {sorted(overrides & ours)}"


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
