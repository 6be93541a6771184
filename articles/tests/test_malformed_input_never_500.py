"""Malformed input gets a 4xx (or an ordinary page), never a server error.

Walks every named URL as a visitor, a member and a moderator signed in with two
factors, and feeds it hostile values: in every query parameter the site's views
read, in every field of every form the pages show (one field at a time, the others
filled in sensibly, plus a stray `next`), and in the URL's own numeric parts. Each
request runs in a savepoint that is rolled back, so one form's effect (a deleted
post, a lock, a sign-out) never hides the next one's. Runs on SQLite and, with
DATABASE_URL, on PostgreSQL (which refuses NUL in text).

Lives in the top app because it needs every app's objects.
"""

import base64
import logging
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve

from community.tests.two_factor import sign_in_with_two_factor
from community.tests.urlwalk import page_urls
from conftest import make_member
from forum import actions, moderation
from forum.models import QueueItem

pytestmark = pytest.mark.django_db


def _cursor(text):
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


NUL = "a\x00b"  # PostgreSQL refuses NUL in text
LONG = "x" * 10_000
JAVASCRIPT = "javascript:alert(1)"
# For our views' query strings: the numbers, dates and cursors they parse.
HOSTILE_VALUES = [
    NUL,
    "-1",
    "abc",
    "9" * 30,  # past any integer column
    _cursor("0001-01-01T00:00:00+05:00|1"),  # a cursor whose date leaves the calendar
    _cursor("2026-01-01T00:00:00|1"),  # a cursor without a time zone
    JAVASCRIPT,
    LONG,
]
# For our forms' fields: free text, numbers, choices and `next`.
FORM_VALUES = [NUL, "-1", "abc", "9" * 30, LONG, JAVASCRIPT]
# For allauth's and the admin's pages, which parse their own input: what could
# reach our code through them (adapter, templates, redirects).
THIRD_PARTY_VALUES = [NUL, LONG, JAVASCRIPT]
# Every query parameter a view of ours reads (allauth's and the admin's get the
# same values through `next`, `page` and `q`).
QUERY_PARAMETERS = [
    "q",
    "page",
    "before",
    "after",
    "from",
    "conversation",
    "member",
    "actor",
    "action",
    "next",
]
OUR_APPS = {"community", "forum", "articles"}
# Fields a view reads from the POST body that no form on any page offers.
EXTRA_POST_FIELDS = ["next", "conversation"]
# Sensible values for form fields that arrive empty, so the rest of a form is valid.
FILL_IN = {"email": "someone@example.com", "number": "3", "password": "not-it-1234"}
ORDINARY_TEXT = "A calm, ordinary sentence."


class _Forms(HTMLParser):
    """POST forms on a page: their action and a sensible value for each field."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._form = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form":
            if attrs.get("method", "get").lower() == "post":
                self._form = {"action": attrs.get("action") or "", "fields": {}}
                self.forms.append(self._form)
            return
        if self._form is None or not name:
            return
        fields = self._form["fields"]
        if tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind == "file" or (kind in {"radio", "checkbox"} and name in fields):
                return
            value = attrs.get("value", "")
            if not value and kind not in {"hidden", "checkbox"}:
                value = FILL_IN.get(kind, ORDINARY_TEXT)
            fields[name] = value or "on"
        elif tag == "button":
            fields.setdefault(name, attrs.get("value", ""))
        elif tag == "textarea":
            self._textarea = name
            fields[name] = ""
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and attrs.get("value"):
            fields.setdefault(self._select, attrs["value"])

    def handle_data(self, data):
        if self._textarea is not None and self._form is not None:
            self._form["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._form is not None:
            fields = self._form["fields"]
            fields[self._textarea] = fields[self._textarea].strip() or ORDINARY_TEXT
            self._textarea = None
        elif tag == "select":
            self._select = None


class _Undo(Exception):
    pass


class Prober:
    """Sends requests that leave no trace and records every server error."""

    def __init__(self, client, role):
        self.client = client
        self.role = role
        self.failures = []
        self.sent = 0

    def send(self, method, url, data, what):
        self.sent += 1
        cookies = self.client.cookies
        self.client.cookies = type(cookies)(cookies)
        try:
            with transaction.atomic():
                response = getattr(self.client, method)(url, data)
                raise _Undo
        except _Undo:
            pass
        finally:
            self.client.cookies = cookies
        location = response.get("Location", "")
        if response.status_code >= 500 or urlsplit(location).netloc not in {
            "",
            "testserver",
        }:
            self.failures.append(
                f"{self.role} {method.upper()} {url[:80]} {what}: "
                f"{response.status_code} {location[:60]}"
            )
        return response


def _probe_parameters(prober, method, url, names, values, *, page_answers):
    """Every hostile value in all `names` at once. Where that is refused but the
    page itself answers, each name alone too: one parameter's refusal may hide
    another's failure."""
    for value in values:
        everything = dict.fromkeys(names, value)
        response = prober.send(method, url, everything, f"all={value[:20]!r}")
        if page_answers and 400 <= response.status_code < 500:
            for name in names:
                prober.send(method, url, {name: value}, f"{name}={value[:20]!r}")


def _probe_form(prober, action, fields, values):
    """Each field in turn takes each hostile value; the others stay sensible."""
    for name in [*fields, *(f for f in EXTRA_POST_FIELDS if f not in fields)]:
        if name == "csrfmiddlewaretoken":
            continue
        for value in values:
            data = {**fields, name: value}
            prober.send("post", action, data, f"{name}={value[:20]!r}")


def _form_kind(action):
    """Forms that post to the same view are probed once (the first one found)."""
    try:
        return resolve(urlsplit(action).path).view_name
    except Resolver404:
        return action


def _hostile_path(url):
    """The URL with its numeric parts replaced by hostile numbers."""
    match = resolve(url)
    if not any(isinstance(v, int) for v in match.kwargs.values()):
        return []
    return [
        url.replace(f"/{v}/", f"/{number}/")
        for number in ["0", "9" * 30]
        for v in match.kwargs.values()
        if isinstance(v, int)
    ]


@pytest.fixture
def samples(url_samples, member, moderator):
    """url_samples, with real objects for the moderators' pages."""
    held = actions.ask_question(
        author=None, body="A visitor asks", visitor_key="v"
    ).post
    sanctioned = make_member("sanctioned@example.com", "Sorrel")
    sanction = moderation.sanction_member(
        sanctioned,
        moderator=moderator,
        kind="warning",
        reason="Testing",
        member_message="Please keep to the guidelines.",
    )
    word = moderation.add_watched_word(
        moderator=moderator, phrase="watched phrase", action="hold", note=""
    )
    return {
        **url_samples,
        "forum:queue_item_close": {"pk": QueueItem.objects.get(post=held).pk},
        "forum:queue_action": {"pk": held.pk, "action": "approve"},
        "forum:sanction_lift": {"pk": sanction.pk},
        "forum:watched_word_delete": {"pk": word.pk},
    }


@pytest.fixture(autouse=True)
def _quiet_request_logs():
    # Hundreds of expected 4xx (and any 500 found) would flood the output; the
    # assertion lists the failures instead.
    loggers = [
        logging.getLogger(name) for name in ["django.request", "django.security"]
    ]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    yield
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


@pytest.fixture
def signed_in_as(member, moderator):
    def client_for(role):
        client = Client(raise_request_exception=False)
        if role == "member":
            client.force_login(member)
        elif role == "moderator":
            sign_in_with_two_factor(client, moderator)
        return client

    return client_for


@pytest.mark.parametrize("role", ["visitor", "member", "moderator"])
def test_hostile_values_never_get_a_server_error_or_leave_the_site(
    role, samples, signed_in_as
):
    prober = Prober(signed_in_as(role), role)
    forms = {}
    bare = []
    reached = {}
    for name, url in page_urls(samples):
        ours = _is_ours(name)
        page = prober.client.get(url)
        reached[name] = page.status_code
        _probe_parameters(
            prober,
            "get",
            url,
            QUERY_PARAMETERS,
            HOSTILE_VALUES if ours else THIRD_PARTY_VALUES,
            page_answers=page.status_code < 400,
        )
        for hostile_url in _hostile_path(url):
            prober.send("get", hostile_url, {}, "path")
        for form in _parse_forms(page.text if page.status_code == 200 else ""):
            action = urljoin(url, form["action"])
            if not urlsplit(action).netloc:
                forms.setdefault(_form_kind(action), (action, form["fields"]))
        if ours:
            bare.append((name, url))
    for name, url in bare:
        if name not in forms:  # views that take a POST no form on any page offers
            _probe_parameters(
                prober, "post", url, EXTRA_POST_FIELDS, FORM_VALUES, page_answers=False
            )
    for kind, (action, fields) in forms.items():
        values = FORM_VALUES if _is_ours(kind) else THIRD_PARTY_VALUES
        _probe_form(prober, action, fields, values)

    # The sweep means something only if each role really reached its own pages.
    assert reached["forum:notifications"] == (302 if role == "visitor" else 200)
    queue = {"visitor": 302, "member": 403, "moderator": 200}
    assert reached["forum:moderation_queue"] == queue[role]
    assert prober.failures == [], "\n".join(prober.failures)


def _is_ours(url_name):
    return url_name.split(":")[0] in OUR_APPS


def _parse_forms(html):
    parser = _Forms()
    parser.feed(html)
    return parser.forms
