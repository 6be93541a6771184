"""Staff powers (moderation, editorial, medical sign-off, the admin) need a session
whose sign-in used the second factor, tried from outside over HTTP."""

import pytest
from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
from django.contrib.auth.models import Group

from articles import publishing
from articles.models import Article
from articles.tests.factories import make_draft
from community.models import ModeratorMessage, Sanction, User
from community.permissions import Role, assign_role, can_moderate
from conftest import TEST_PASSWORD, SignInClient, set_up_authenticator, totp_code
from forum.models import ModerationLog, WatchedWord
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db

REAUTHENTICATE = "/accounts/2fa/reauthenticate/"
SET_UP = "/accounts/2fa/totp/activate/"
SESSION_ENGINES = [
    "community.sessions.db",
    "community.sessions.cached_db",
]


def signed_in_user(client):
    return client.get("/account/profile/").wsgi_request.user


def try_every_moderator_write(client, member):
    post = make_update(member)
    client.post(
        f"/moderation/members/{member.pk}/",
        {"kind": "silence", "days": 3, "reason": "r", "member_message": "m"},
    )
    client.post(
        "/moderation/watched-words/",
        {"phrase": "fentanyl", "action": "hold", "note": ""},
    )
    client.post(f"/moderation/posts/{post.pk}/hide/", {"reason": "because"})
    client.post(f"/moderation/posts/{post.pk}/remove/", {"reason": "because"})
    post.refresh_from_db()
    return post


def assert_no_staff_page(client, *, then):
    for path in [
        "/moderation/",
        "/moderation/log/",
        "/moderation/watched-words/",
        "/moderation/messages/",
        "/moderation/overview/",
    ]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(then), (path, response["Location"])


def test_moderator_signed_in_without_the_code_reaches_no_staff_page_and_changes_nothing(
    client, moderator, member
):
    ModeratorMessage.objects.create(member=member, body="Please look at my appeal.")
    seeded_words = list(WatchedWord.objects.values_list("pk", "phrase", "action"))
    client.force_login(moderator, second_factor=False)

    assert_no_staff_page(client, then=REAUTHENTICATE)
    appeals = client.get("/moderation/messages/", follow=True).content.decode()
    assert "Please look at my appeal." not in appeals
    post = try_every_moderator_write(client, member)

    assert post.status == "published"
    assert not Sanction.objects.exists()
    assert (
        list(WatchedWord.objects.values_list("pk", "phrase", "action")) == seeded_words
    )
    assert not ModerationLog.objects.exists()


def test_moderator_signed_in_with_the_code_reaches_the_queue(client, moderator):
    client.force_login(moderator)
    assert client.get("/moderation/").status_code == 200
    assert client.get("/moderation/messages/").status_code == 200


def test_the_site_form_without_the_code_signs_no_one_in(client, moderator, member):
    response = client.post(
        "/accounts/login/", {"login": moderator.email, "password": TEST_PASSWORD}
    )
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert not signed_in_user(client).is_authenticated
    assert client.get("/moderation/")["Location"].startswith("/accounts/login/")
    post = try_every_moderator_write(client, member)
    assert post.status == "published"
    assert not Sanction.objects.exists()
    assert not ModerationLog.objects.exists()


def test_the_admin_has_no_password_form_of_its_own(client, moderator):
    moderator.is_staff = True
    moderator.save()
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/"
    # A password sent to the admin's old form signs no one in.
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": moderator.email, "password": TEST_PASSWORD, "next": "/admin/"},
    )
    assert response["Location"] == "/accounts/login/?next=/admin/"
    assert not signed_in_user(client).is_authenticated
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_admin_login_has_no_way_around_the_sign_in_limits(client, moderator):
    moderator.is_staff = True
    moderator.save()
    for _ in range(30):
        client.post(
            "/admin/login/", {"username": moderator.email, "password": "wrong-guess"}
        )
    client.post(
        "/admin/login/", {"username": moderator.email, "password": TEST_PASSWORD}
    )
    assert not signed_in_user(client).is_authenticated
    assert client.get("/admin/").status_code == 302


@pytest.mark.rate_limits
def test_the_site_form_refuses_the_right_password_after_many_wrong_ones(client, member):
    for _ in range(10):
        client.post("/accounts/login/", {"login": member.email, "password": "nope"})
    response = client.post(
        "/accounts/login/", {"login": member.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.text
    assert not signed_in_user(client).is_authenticated


def test_staff_admin_session_without_the_code_is_sent_to_give_it(client, moderator):
    moderator.is_staff = moderator.is_superuser = True
    moderator.save()
    client.force_login(moderator, second_factor=False)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(REAUTHENTICATE)
    assert client.get("/admin/community/user/").status_code == 302
    response = client.get(f"/admin/community/user/{moderator.pk}/change/")
    assert response.status_code == 302


def test_a_session_from_before_the_authenticator_gives_no_staff_powers(client, member):
    newcomer = User.objects.get(pk=member.pk)
    assign_role(newcomer, Role.MODERATOR)
    other = make_update(newcomer, body="Someone else's post")
    client.force_login(newcomer)  # password only: no authenticator yet
    set_up_authenticator(newcomer)

    assert_no_staff_page(client, then=REAUTHENTICATE)
    client.post(f"/moderation/posts/{other.pk}/hide/", {"reason": "because"})
    other.refresh_from_db()
    assert other.status == "published"
    assert not ModerationLog.objects.exists()


def test_giving_the_code_again_brings_staff_powers_to_the_session(client, moderator):
    client.force_login(moderator, second_factor=False)
    response = client.get("/moderation/")
    assert response["Location"] == f"{REAUTHENTICATE}?next=%2Fmoderation%2F"
    response = client.post(
        REAUTHENTICATE, {"code": totp_code(), "next": "/moderation/"}
    )
    assert response["Location"] == "/moderation/"
    assert client.get("/moderation/").status_code == 200


def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, member):
    member.is_staff = True
    member.save()
    for role in [Role.MODERATOR, Role.EDITOR, Role.MEDICAL_REVIEWER]:
        assign_role(member, role)
    client.force_login(member)
    for path in ["/moderation/", "/editorial/"]:
        assert client.get(path)["Location"] == SET_UP, path
    response = client.get("/admin/", follow=True)
    chain = [url for url, _status in response.redirect_chain]
    # allauth asks for the password once more before it shows the set-up page.
    assert chain == [
        "/admin/login/?next=/admin/",
        SET_UP,
        "/accounts/reauthenticate/?next=%2Faccounts%2F2fa%2Ftotp%2Factivate%2F",
    ]


def test_editorial_pages_and_sign_off_need_the_code(client, editor, medical_reviewer):
    article = make_draft(editor, title="Naloxone at home")
    publishing.submit_for_review(article, editor=editor)
    client.force_login(medical_reviewer, second_factor=False)

    response = client.get("/editorial/")
    assert response["Location"].startswith(REAUTHENTICATE)
    client.post(f"/editorial/articles/{article.pk}/approve/", {"notes": "fine"})

    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW
    assert not article.reviews.exists()

    client.force_login(editor, second_factor=False)
    assert client.get("/editorial/")["Location"].startswith(REAUTHENTICATE)


@pytest.mark.parametrize("engine", SESSION_ENGINES)
def test_a_staff_session_ends_twelve_hours_after_its_sign_in(
    client, moderator, member, settings, engine
):
    settings.SESSION_ENGINE = engine
    staff = SignInClient()
    staff.force_login(moderator)
    client.force_login(member)
    for person in [staff, client]:
        session = person.session
        session[AUTHENTICATION_METHODS_SESSION_KEY] = [
            {**record, "at": record["at"] - 13 * 3600}
            for record in session[AUTHENTICATION_METHODS_SESSION_KEY]
        ]
        session.save()

    response = staff.get("/moderation/")
    assert response["Location"] == "/accounts/login/?next=/moderation/"
    assert not signed_in_user(staff).is_authenticated
    # Members stay signed in.
    assert signed_in_user(client) == member


@pytest.mark.parametrize("engine", SESSION_ENGINES)
def test_a_role_change_in_the_admin_signs_the_person_out_elsewhere(
    client, moderator, member, settings, engine
):
    settings.SESSION_ENGINE = engine
    administrator = User.objects.get(pk=member.pk)
    administrator.is_staff = administrator.is_superuser = True
    administrator.save()
    set_up_authenticator(administrator)
    client.force_login(administrator)
    elsewhere = SignInClient()
    elsewhere.force_login(moderator)
    assert elsewhere.get("/moderation/").status_code == 200

    url = f"/admin/community/user/{moderator.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if key in form.fields and value is not None
    }
    for field in ["password", "last_login", "date_joined"]:
        data.pop(field, None)
    data.update(
        groups=[Group.objects.get(name=Role.MEMBER).pk],
        **{
            "profile-TOTAL_FORMS": "1",
            "profile-INITIAL_FORMS": "1",
            "profile-0-id": moderator.profile.pk,
            "profile-0-user": moderator.pk,
            "profile-0-bio": "",
            "profile-0-credentials": "",
        },
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    assert not can_moderate(User.objects.get(pk=moderator.pk))
    assert not signed_in_user(elsewhere).is_authenticated
    assert elsewhere.get("/moderation/")["Location"].startswith("/accounts/login/")
    # The administrator's own session goes on.
    assert signed_in_user(client) == administrator


@pytest.mark.parametrize("engine", SESSION_ENGINES)
def test_a_new_role_signs_the_person_out_elsewhere(client, member, settings, engine):
    settings.SESSION_ENGINE = engine
    client.force_login(member)
    assign_role(User.objects.get(pk=member.pk), Role.MODERATOR)
    assert not signed_in_user(client).is_authenticated
