"""Read-only maintenance: reading works, writes get "back soon", nothing is written.

Walks every named page (community/tests/urlwalk.py) as a visitor, a member and staff,
then sends every method that writes to every one of them, counting the rows of
every table before and after and recording every statement the database is sent.
"""

import time
from contextlib import ExitStack, contextmanager
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.db import connection, connections, transaction
from django.urls import resolve

from community import read_only
from community.models import Profile
from community.tests.htmlcheck import html_errors
from community.tests.test_crisis_banner_on_every_page import assert_has_banner
from community.tests.urlwalk import page_urls
from conftest import SignInClient

pytestmark = pytest.mark.django_db

BACK_SOON = "We're doing some maintenance: back soon"
BACK_SOON_ES = "Estamos haciendo mantenimiento: volvemos pronto"
WRITING_METHODS = ["post", "put", "patch", "delete"]


def row_counts():
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


@contextmanager
def writes_recorded():
    """Every INSERT, UPDATE or DELETE any connection is asked to run, refused or not."""
    writes = []

    def record(execute, sql, params, many, context):
        if read_only.is_write(sql):
            writes.append(sql)
        return execute(sql, params, many, context)

    with ExitStack() as stack:
        for each in connections.all():
            stack.enter_context(each.execute_wrapper(record))
        yield writes


def waits_during_maintenance(url):
    """Pages that are only read when the reading is recorded (see read_only)."""
    view = resolve(urlsplit(url).path).func
    return getattr(view, "waits_during_maintenance", False)


def statuses(client, urls):
    return {name: client.get(url).status_code for name, url in urls}


@pytest.fixture
def people(member, moderator):
    visitor = SignInClient()
    signed_in = SignInClient()
    signed_in.force_login(member)
    staff = SignInClient()
    moderator.is_staff = moderator.is_superuser = True
    moderator.save()
    staff.force_login(moderator)
    return {"visitor": visitor, "member": signed_in, "staff": staff}


def assert_back_soon(response, where):
    html = response.content.decode()
    assert response.status_code == 503, where
    assert response["Retry-After"] == "600", where
    assert BACK_SOON in html, where
    assert_has_banner(html, where)


def test_reading_works_and_every_write_waits_and_nothing_is_written(
    people, url_samples, settings
):
    urls = page_urls(url_samples)
    readers = people  # visitor, member, and staff signed in with two factors
    before = {who: statuses(client, urls) for who, client in readers.items()}
    settings.READ_ONLY = True
    counts = row_counts()

    with writes_recorded() as writes:
        for who, client in readers.items():
            during = statuses(client, urls)
            waiting = {name for name, url in urls if waits_during_maintenance(url)}
            expected = {
                name: 503 if name in waiting and status == 200 else status
                for name, status in before[who].items()
            }
            assert during == expected, who
            assert all(during[name] != 503 for name in set(during) - waiting)
        for who, client in people.items():
            for name, url in urls:
                if name in read_only.WRITES_THAT_STILL_WORK:
                    continue
                for method in WRITING_METHODS:
                    data = {"body": "Words I wrote before the pause.", "x": "1"}
                    if method != "post":
                        data = "body=Words+I+wrote"
                    response = getattr(client, method)(url, data)
                    assert_back_soon(response, f"{who} {method} {name}")
                    if method == "post":
                        assert "Words I wrote before the pause." in (
                            response.content.decode()
                        )

    assert writes == []
    assert row_counts() == counts
    assert len(urls) >= 60


def test_the_back_soon_page_speaks_spanish(client, settings):
    settings.READ_ONLY = True
    client.cookies["django_language"] = "es"
    response = client.post("/accounts/signup/", {"email": "new@example.com"})
    html = response.content.decode()
    assert response.status_code == 503
    assert BACK_SOON_ES in html
    assert BACK_SOON not in html
    assert "data-crisis-banner" in html
    assert 'href="tel:988"' in html


def test_signing_in_waits_but_signed_in_members_keep_reading(client, member, settings):
    client.force_login(member)
    client.get("/community/")  # the feed is made on its first visit, a write
    settings.READ_ONLY = True
    visitor = SignInClient()
    with writes_recorded() as writes:
        refused = visitor.post(
            "/accounts/login/",
            {"login": member.email, "password": "a-long-test-password"},
        )
        feed = client.get("/community/")
    assert_back_soon(refused, "sign-in")
    assert feed.status_code == 200
    assert "Wren" in feed.content.decode()
    assert writes == []


def test_signing_out_drops_the_cookie_and_writes_nothing(client, member, settings):
    client.force_login(member)
    settings.READ_ONLY = True
    sessions = Session.objects.count()
    with writes_recorded() as writes:
        response = client.post("/accounts/logout/")
        after = client.get("/account/profile/")
    assert response.status_code == 302
    assert response.cookies["sessionid"].value == ""
    assert after.status_code == 302  # signed out: sent to sign in
    assert writes == []
    assert Session.objects.count() == sessions


def test_switching_language_sets_the_cookie_only(client, member, settings):
    client.force_login(member)
    settings.READ_ONLY = True
    with writes_recorded() as writes:
        response = client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "es"
    assert writes == []
    assert Profile.objects.get(user=member).language != "es"


def test_a_missed_write_is_refused_and_answered_with_the_page(rf, member, settings):
    settings.READ_ONLY = True

    def view_that_writes(request):
        with transaction.atomic():  # as the actions write
            Profile.objects.filter(user=member).update(bio="changed")

    middleware = read_only.ReadOnlyMiddleware(view_that_writes)
    request = rf.get("/")
    request.user = member
    with pytest.raises(read_only.WriteRefused):
        middleware(request)
    response = middleware.process_exception(request, read_only.WriteRefused("x"))
    assert response.status_code == 503
    assert Profile.objects.get(user=member).bio != "changed"


def test_the_flag_file_switches_without_a_restart(client, settings, tmp_path):
    flag = tmp_path / "read-only"
    settings.READ_ONLY_FLAG_FILE = str(flag)
    assert client.post("/accounts/login/", {}).status_code == 200
    flag.touch()
    time.sleep(1.1)  # each process looks at the file at most once a second
    assert_back_soon(client.post("/accounts/login/", {}), "flag file")
    flag.unlink()
    time.sleep(1.1)
    assert client.post("/accounts/login/", {}).status_code == 200


def test_the_database_guard_refuses_writes_and_only_writes(member):
    with (
        connection.execute_wrapper(read_only.refuse_writes),
        pytest.raises(read_only.WriteRefused),
    ):
        Profile.objects.update(bio="x")
    assert read_only.is_write("  insert into x values (1)")
    assert read_only.is_write("WITH a AS (SELECT 1) DELETE FROM x")
    assert not read_only.is_write('SELECT "last_update" FROM x')


def test_the_back_soon_page_and_the_notice_are_valid_html(client, member, settings):
    client.force_login(member)
    settings.READ_ONLY = True
    back_soon = client.post("/community/", {"body": "A sentence I wrote."})
    home = client.get("/")
    assert "posting and signing in are back soon" in home.content.decode()
    pages = {
        "back soon": back_soon.content.decode(),
        "home with the notice": home.content.decode(),
    }
    assert [str(error) for error in html_errors(pages)] == []
