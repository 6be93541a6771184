import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from community.formats import NAMED_FORMATS

TEMPLATES = Path(settings.BASE_DIR) / "templates"
DATE_FILTER = re.compile(r"""\|date:["']([^"']*)["']""")
# Machine-readable formats, for `datetime` attributes: the same in every language.
MACHINE_FORMATS = {"c", "Y-m-d", "U"}


def render(format_name, language, value=datetime.date(2026, 11, 30)):
    with translation.override(language):
        return Template(f'{{{{ value|date:"{format_name}" }}}}').render(
            Context({"value": value})
        )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "November 30, 2026"), ("es", "30 de noviembre de 2026")],
)
def test_a_date_reads_naturally_in_each_language(language, expected):
    assert render("DATE_FORMAT", language) == expected


def test_short_dates_name_the_month_in_spanish_too():
    assert render("SHORT_DATE_FORMAT", "en") == "Nov 30, 2026"
    assert render("SHORT_DATE_FORMAT", "es") == "30 nov 2026"


def test_templates_name_their_date_formats_instead_of_spelling_english_ones():
    spelled = [
        f"{path.relative_to(TEMPLATES)}: {found}"
        for path in TEMPLATES.rglob("*.*")
        if path.suffix in {".html", ".txt"}
        for found in DATE_FILTER.findall(path.read_text())
        if found not in NAMED_FORMATS | MACHINE_FORMATS
    ]
    assert not spelled, f"Use a named format (community/formats): {spelled}"
