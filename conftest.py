"""Shared fixtures: fast hashing, throwaway media, role holders and a real browser."""

import importlib
import os
import time

import pytest
from django.contrib.auth.hashers import make_password
from django.test import Client

# Playwright's sync API keeps an event loop in the test thread; the ORM calls our
# browser tests make there are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TEST_PASSWORD = "a-long-test-password"


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


GENEROUS_LIMITS = dict.fromkeys(
    [
        "post_gap",
        "update",
        "reply",
        "question",
        "visitor_question",
        "edit",
        "reaction",
        "report",
        "moderator_message",
        "search",
        "visitor_search",
        "visitor_vote",
        "member_relation",
        "new_private_conversation",
    ],
    (1000000, 1),
)


@pytest.fixture(autouse=True)
def _rate_limits_only_where_tested(request, settings):
    # Tests write many posts quickly; tests of the limits themselves opt back in.
    if request.node.get_closest_marker("rate_limits") is None:
        settings.FORUM_RATE_LIMITS = GENEROUS_LIMITS


@pytest.fixture(autouse=True)
def _first_posts_held_only_where_tested(request, settings):
    # Fixture members are brand new; tests of pre-moderation opt back in.
    if request.node.get_closest_marker("premoderation") is None:
        settings.FORUM_HOLD_FIRST_POSTS = 0


@pytest.fixture(autouse=True)
def _each_test_starts_in_english():
    # A request in Spanish leaves Spanish active in this thread; without this, a
    # later test's model messages (lazy) would come out in Spanish.
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits live in the cache; each test starts with none used.
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _roles_survive_flushes(request):
    # Transactional tests empty every table between tests, data-migration rows
    # included; put the roles and the seeded watched words back the same way the
    # migrations made them.
    if request.node.get_closest_marker("django_db") is None:
        return
    marker = request.node.get_closest_marker("django_db")
    if marker.kwargs.get("transaction"):
        from django.apps import apps

        roles = importlib.import_module("community.migrations.0002_roles")
        editorial = importlib.import_module(
            "articles.migrations.0002_editorial_permissions"
        )
        sourcing = importlib.import_module(
            "forum.migrations.0014_seed_sourcing_watched_words"
        )
        request.getfixturevalue("transactional_db")
        roles.create_roles(apps, schema_editor=None)
        editorial.grant(apps, schema_editor=None)
        sourcing.seed(apps, schema_editor=None)


def make_member(email, display_name, *, role=None, credentials="", verified=True):
    from allauth.account.models import EmailAddress

    from community.actions import start_membership
    from community.models import Profile, User
    from community.permissions import assign_role

    user = User(email=email, display_name=display_name)
    user.password = make_password(TEST_PASSWORD)
    user.full_clean()
    user.save()
    start_membership(user)
    if role:
        assign_role(user, role)
    if credentials:
        Profile.objects.filter(user=user).update(credentials=credentials)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


@pytest.fixture
def member(db):
    return make_member("member@example.com", "Wren")


@pytest.fixture
def other_member(db):
    return make_member("other@example.com", "Marlow")


MODERATOR_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret=MODERATOR_TOTP_SECRET):
    """The current six-digit code an authenticator app would show."""
    from allauth.mfa.totp.internal.auth import (
        format_hotp_value,
        hotp_value,
        yield_hotp_counters_from_time,
    )

    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def set_up_authenticator(user):
    """Staff powers need two-factor sign-in: give `user` an authenticator app."""
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(user, MODERATOR_TOTP_SECRET)
    return user


@pytest.fixture
def moderator(db):
    """A moderator with an authenticator app set up, as moderation pages require."""
    from community.permissions import Role

    return set_up_authenticator(
        make_member("moderator@example.com", "Keel", role=Role.MODERATOR)
    )


@pytest.fixture
def medical_reviewer(db):
    from community.permissions import Role

    return set_up_authenticator(
        make_member(
            "reviewer@example.com",
            "Avery Chen",
            role=Role.MEDICAL_REVIEWER,
            credentials="PharmD",
        )
    )


@pytest.fixture
def editor(db):
    from community.permissions import Role

    return set_up_authenticator(
        make_member("editor@example.com", "Rowan Page", role=Role.EDITOR)
    )


class SignInClient(Client):
    """Django's test client whose force_login signs in as the site's form does.

    The session records a password sign-in and, when the person has an
    authenticator app, the code too (allauth's authentication records), so staff
    get their powers. `second_factor=False` is a sign-in that skipped the code.
    """

    def force_login(self, user, backend=None, *, second_factor=True):
        from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
        from allauth.account.internal.flows.login import (
            _AUTHENTICATION_METHODS_USER_SESSION_KEY,
        )
        from allauth.mfa.models import Authenticator

        super().force_login(user, backend)
        now = time.time()
        records = [{"method": "password", "at": now, "email": user.email}]
        totp = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).first()
        if second_factor and totp is not None:
            records.append({"method": "mfa", "at": now, "id": totp.pk, "type": "totp"})
        session = self.session
        session[AUTHENTICATION_METHODS_SESSION_KEY] = records
        session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
        session.save()


@pytest.fixture
def client():
    return SignInClient()


# --- Browser -------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER_TESTS"):
            pytest.fail(f"{CHROMIUM} is missing; CI must run the browser tests.")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def open_page_as(browser, live_server):
    """Open a page in its own browser context (one person, one set of cookies),
    signed in through the real form as `user`, or signed out."""
    contexts = []

    def open_page(user=None, **context_options):
        context = browser.new_context(base_url=live_server.url, **context_options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        if user is not None:
            sign_in_through_the_form(page, user)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page_as):
    return open_page_as()


def post_card(page, post_pk):
    return page.locator(f"article#post-{post_pk}")


def sign_in_through_the_form(page, user, password=TEST_PASSWORD):
    """Sign in as a person would, entering the authenticator code when asked."""
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if "/accounts/2fa/authenticate/" in page.url:
        # allauth accepts only the current 30-second code: don't start near its end.
        if 30 - time.time() % 30 < 5:
            time.sleep(30 - time.time() % 30 + 0.5)
        page.get_by_label("Code").fill(totp_code())
        page.get_by_role("button", name="Sign In").click()
        page.wait_for_url(lambda url: "/2fa/authenticate/" not in url)


@pytest.fixture
def sign_in(page):
    """Sign a member in through the real login form."""

    def sign_in_as(user, password=TEST_PASSWORD):
        sign_in_through_the_form(page, user, password)

    return sign_in_as


def pytest_collection_modifyitems(items):
    # Browser tests are slow; run them last so quick failures surface first.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


def sample_private_conversation(member, other):
    """A private conversation between two members with a reported message, made
    directly (the samples' members are too new to start one)."""
    from forum.models import (
        MessageReview,
        Participant,
        PrivateConversation,
        PrivateMessage,
    )

    conversation = PrivateConversation.objects.create(started_by=member)
    for person in (member, other):
        Participant.objects.create(conversation=conversation, member=person)
    message = PrivateMessage.objects.create(
        conversation=conversation, author=other, body="A sample private message"
    )
    review = MessageReview.objects.create(
        message=message, kind=MessageReview.Kind.REPORTED, reporter=member
    )
    per_conversation = {"pk": conversation.pk}
    per_message = {"pk": message.pk}
    return {
        "forum:private_conversation": per_conversation,
        "forum:private_conversation_leave": per_conversation,
        "forum:private_conversation_delete": per_conversation,
        "forum:message_report": per_message,
        "forum:message_picture": per_message,
        "forum:message_thumbnail": per_message,
        "forum:message_review": {"pk": review.pk},
        "forum:message_review_decide": {"pk": review.pk, "action": "close"},
    }


@pytest.fixture
def url_samples(member, editor, medical_reviewer):
    """Arguments for every URL with parameters, pointing at real objects.

    Lives here, above the apps, because the whole-site tests need every app.
    """
    from articles.tests.factories import make_poll, make_published
    from community import account_deletion
    from community.email_unsubscribe import token_for
    from forum import actions, visitor_questions
    from forum.models import Conversation

    post = actions.post_update(author=member, body="A sample update").post
    visitor_question = actions.ask_question(
        author=None, body="A sample visitor question?", visitor_key="sample"
    ).post
    conversation = Conversation.objects.create(title="A sample conversation")
    article = make_published(editor, medical_reviewer, title="A sample article")
    make_poll(article)
    leaving = account_deletion.request_deletion(
        make_member("leaving@example.com", "Tamsin"),
        mode=account_deletion.ErasureMode.KEEP_WITHOUT_NAME,
    )
    per_post = {"pk": post.pk}
    per_article = {"pk": article.pk}
    private = sample_private_conversation(member, editor)
    return {
        "articles:article_detail": {"slug": article.slug},
        "articles:poll_vote": {"slug": article.slug},
        "articles:topic_detail": {
            "slug": article.topics.create(name="T", slug="t").slug
        },
        "articles:reviewer_detail": {"pk": medical_reviewer.pk},
        "articles:revision_detail": {"pk": article.live_revision_id},
        **{
            f"articles:{name}": per_article
            for name in [
                "article_submit",
                "article_publish",
                "article_approve",
                "article_request_changes",
                "article_review",
                "article_history",
                "article_correct",
                "article_translate",
            ]
        },
        "community:profile_detail": {"pk": editor.pk},
        "community:data_export_download": {"pk": 1},
        "community:account_delete_cancel": {
            "token": account_deletion.cancel_token(leaving)
        },
        "community:email_unsubscribe": {"token": token_for(member)},
        **{
            f"community:{name}": {"pk": editor.pk}
            for name in ["mute_member", "block_member", "let_back"]
        },
        **private,
        "forum:conversation_detail": {"pk": conversation.pk},
        "forum:conversation_print": {"pk": conversation.pk},
        "forum:comment_create": {"pk": conversation.pk},
        "forum:conversation_lock": {"pk": conversation.pk},
        "forum:queue_action": {"pk": post.pk, "action": "approve"},
        "forum:queue_item_close": {"pk": 1},
        "forum:crisis_match_false_alarm": {"pk": 1},
        "forum:member_sanction": {"pk": member.pk},
        "forum:sanction_lift": {"pk": 1},
        "forum:watched_word_delete": {"pk": 1},
        "forum:visitor_question": {
            "token": visitor_questions.private_token(visitor_question)
        },
        **{
            f"forum:{name}": per_post
            for name in [
                "post_detail",
                "post_reply",
                "post_edit",
                "post_delete",
                "post_react",
                "thread_follow",
                "post_picture",
                "post_thumbnail",
                "post_report",
                "post_history",
            ]
        },
    }


@pytest.fixture
def sample_activity(url_samples, member, editor):
    """A reply, an edit and a moderation decision on the sample post, so the
    notifications, edit history and moderation log pages have rows to show."""
    from community.relations import keep_away
    from forum import actions
    from forum.models import ModerationLog, Post
    from forum.moderation.states import log

    post = Post.objects.get(pk=url_samples["forum:post_detail"]["pk"])
    actions.reply_to_post(post, author=editor, body="A sample reply")
    actions.edit_post(post, editor=member, body="A sample update, edited")
    log(actor=None, action=ModerationLog.Action.APPROVE, post=post)
    # After the reply, so its notification stays: the member's pages show a
    # folded post and their list of muted members has a row.
    keep_away(member, editor, "mute")
    return url_samples
