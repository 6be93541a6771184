"""Every page we serve is valid HTML by the Nu HTML Checker (issue 15)."""

import re
from datetime import UTC, datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from community.tests.htmlcheck import html_errors
from community.tests.urlwalk import html_pages
from community.timestamps import machine_readable
from conftest import make_member, set_up_authenticator

INVALID_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Bad</title></head>
<body><p><time datetime="2026-11-30T19:40:32.123456+00:00">now</time></p>
</body></html>"""
VALID_PAGE = INVALID_PAGE.replace(".123456", "")


def test_checker_reports_an_error_with_its_page_and_line():
    errors = html_errors({"/bad/ (visitor)": INVALID_PAGE, "/good/": VALID_PAGE})
    assert [(error.page, error.line) for error in errors] == [("/bad/ (visitor)", 3)]
    assert "fraction of a second" in errors[0].message
    assert "123456" in errors[0].extract


def test_time_stamps_are_written_to_the_whole_second():
    moment = datetime(2026, 11, 30, 19, 40, 32, 123456, tzinfo=UTC)
    with timezone.override("America/New_York"):
        assert machine_readable(moment) == "2026-11-30T14:40:32-05:00"
    assert machine_readable(moment.date()) == "2026-11-30"


def walk_as_everyone(client, samples, people):
    """{"name (url) as who": html} for every page, as each person and as a visitor."""
    pages = {}
    for who, person in [("visitor", None), *people.items()]:
        client.logout()
        if person is not None:
            client.force_login(person)
        for where, html in html_pages(client, samples):
            pages[f"{where} as {who}"] = html
    return pages


def django_admin_own(error):
    """Django's admin (not ours to change) points aria-describedby at help texts
    its JavaScript adds later, or that a tabular inline shows in its header."""
    return error.page.startswith("admin:") and "“aria-describedby”" in error.message


def h1_count(html):
    return len(re.findall(r"<h1[\s>]", html))


@pytest.mark.django_db
def test_every_page_is_valid_html_with_one_main_heading(
    client, member, moderator, editor, medical_reviewer, sample_activity
):
    staff = set_up_authenticator(make_member("staff@example.com", "Sable"))
    staff.is_staff = staff.is_superuser = True
    staff.save()
    pages = walk_as_everyone(
        client,
        sample_activity,
        {
            "member": member,
            "moderator": moderator,
            "editor": editor,
            "medical reviewer": medical_reviewer,
            "staff": staff,
        },
    )
    client.logout()
    pages["404 as visitor"] = client.get("/no-such-page/").content.decode()
    pages["500 as visitor"] = render_to_string("500.html")
    assert len(pages) >= 500
    errors = [error for error in html_errors(pages) if not django_admin_own(error)]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(map(str, errors))
    headings = {where: h1_count(html) for where, html in pages.items()}
    assert all(count == 1 for count in headings.values()), {
        where: count for where, count in headings.items() if count != 1
    }
