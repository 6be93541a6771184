"""Asking to delete an account: who may, what the grace period does, and the ways
back (the email's link, signing in). What the deletion erases is tested from the
top layer (articles/tests/test_leaving_for_good.py)."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from community import account_deletion
from community.models import AccountDeletion, Profile, User
from community.names import FORMER_MEMBER_NAME
from community.personal_data import ErasureMode
from conftest import TEST_PASSWORD, set_up_authenticator, totp_code

DELETE_URL = "/account/delete/"


def ask(client, **fields):
    data = {"mode": ErasureMode.KEEP_WITHOUT_NAME, "password": TEST_PASSWORD}
    return client.post(DELETE_URL, {**data, **fields})


def sign_in_through_allauth(client, user):
    return client.post(
        reverse("account_login"),
        {"login": user.email, "password": TEST_PASSWORD},
        follow=True,
    )


@pytest.mark.django_db
def test_the_account_page_links_to_deleting_the_account(client, member):
    client.force_login(member)
    page = client.get(reverse("community:profile_edit")).content.decode()
    assert f'href="{DELETE_URL}"' in page
    assert "Delete my account" in page


@pytest.mark.django_db
def test_asking_signs_out_everywhere_and_emails_a_discreet_cancel_link(
    client, member, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, mode=ErasureMode.REMOVE_EVERYTHING)

    assert response.status_code == 302
    assert response["Location"] == reverse("community:account_delete_requested")
    deletion = AccountDeletion.objects.get(member=member)
    assert deletion.mode == ErasureMode.REMOVE_EVERYTHING
    assert deletion.due_at - deletion.requested_at == timedelta(days=7)
    assert client.get(reverse("community:profile_edit")).status_code == 302
    member.refresh_from_db()
    assert member.session_epoch > 0
    assert member.is_active
    (email,) = mail.outbox
    assert email.to == [member.email]
    assert email.subject == "A change to your account"
    assert "recovery" not in email.subject.lower()
    # The link names this deletion (its token is signed with the second it was
    # made, so the test reads it from the email rather than signing one again).
    prefix = reverse("community:account_delete_cancel", args=["TOKEN"]).split("TOKEN")[
        0
    ]
    token = email.body.split(prefix, 1)[1].split("/", 1)[0]
    assert account_deletion.deletion_for_token(token) == deletion


@pytest.mark.django_db
def test_a_wrong_password_keeps_the_choices_and_says_so(client, member):
    client.force_login(member)
    response = ask(
        client,
        mode=ErasureMode.KEEP_WITHOUT_NAME,
        keep_pictures="on",
        password="not-my-password",
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "That password isn&#x27;t right." in page
    assert 'value="keep_without_name" id="id_mode_0" required checked' in page
    assert 'id="id_keep_pictures" checked' in page
    assert not AccountDeletion.objects.exists()


@pytest.mark.django_db
def test_no_choice_gets_a_clear_message(client, member):
    client.force_login(member)
    response = ask(client, mode="")
    assert response.status_code == 400
    assert "Please choose what happens to your posts." in response.content.decode()
    assert not AccountDeletion.objects.exists()


@pytest.mark.django_db
def test_a_two_factor_member_needs_the_code(client, member):
    set_up_authenticator(member)
    client.force_login(member)

    without = ask(client)
    wrong = ask(client, code="000000")
    assert without.status_code == wrong.status_code == 400
    assert "Please enter the code from your authenticator app." in (
        without.content.decode()
    )
    assert "That code isn&#x27;t right." in wrong.content.decode()
    assert not AccountDeletion.objects.exists()

    assert ask(client, code=totp_code()).status_code == 302
    assert AccountDeletion.objects.filter(member=member).exists()


@pytest.mark.django_db
def test_a_member_without_two_factor_is_not_asked_for_a_code(client, member):
    client.force_login(member)
    assert 'name="code"' not in client.get(DELETE_URL).content.decode()


@pytest.mark.django_db
def test_the_cancel_link_cancels_with_one_button(client, member):
    deletion = account_deletion.request_deletion(
        member, mode=ErasureMode.REMOVE_EVERYTHING
    )
    url = reverse(
        "community:account_delete_cancel",
        args=[account_deletion.cancel_token(deletion)],
    )
    assert client.get(url).status_code == 200  # opening it (a mail scanner) does not
    assert account_deletion.pending_deletion(member) is not None

    client.post(url)

    deletion.refresh_from_db()
    assert deletion.cancelled_at is not None
    assert account_deletion.finish_due_deletions(now=deletion.due_at) == []
    assert client.get(url).status_code == 404  # used up


@pytest.mark.django_db
def test_a_cancel_link_is_no_good_once_due_or_tampered_with(client, member):
    deletion = account_deletion.request_deletion(
        member, mode=ErasureMode.KEEP_WITHOUT_NAME
    )
    token = account_deletion.cancel_token(deletion)
    AccountDeletion.objects.filter(pk=deletion.pk).update(
        due_at=timezone.now() - timedelta(minutes=1)
    )
    assert account_deletion.deletion_for_token(token) is None
    assert account_deletion.deletion_for_token(token + "x") is None
    response = client.get(reverse("community:account_delete_cancel", args=[token]))
    assert response.status_code == 404
    assert "This link no longer works" in response.content.decode()


@pytest.mark.django_db
def test_signing_in_during_the_grace_period_cancels_and_says_so(client, member):
    deletion = account_deletion.request_deletion(
        member, mode=ErasureMode.REMOVE_EVERYTHING
    )
    response = sign_in_through_allauth(client, member)

    assert "your account will not be deleted" in response.content.decode()
    deletion.refresh_from_db()
    assert deletion.cancelled_at is not None
    assert account_deletion.finish_due_deletions(now=deletion.due_at) == []
    member.refresh_from_db()
    assert member.display_name == "Wren"


@pytest.mark.django_db
def test_the_deletion_waits_for_its_grace_period_and_runs_once(member, other_member):
    deletion = account_deletion.request_deletion(
        member, mode=ErasureMode.KEEP_WITHOUT_NAME
    )
    assert account_deletion.finish_due_deletions() == []  # not yet due

    later = deletion.due_at + timedelta(seconds=1)
    assert account_deletion.finish_due_deletions(now=later) == [deletion.pseudonym]
    assert account_deletion.finish_due_deletions(now=later) == []
    assert account_deletion.finish_deletion(deletion) is False  # run twice: no harm

    shell = User.objects.get(pk=member.pk)
    assert shell.display_name == FORMER_MEMBER_NAME
    assert shell.email == f"former-member-{deletion.pseudonym}"
    assert not shell.is_active
    assert not shell.has_usable_password()
    assert not shell.groups.exists()
    assert not EmailAddress.objects.filter(user=shell).exists()
    assert Profile.objects.get(user=shell).bio == ""
    # Nobody else changes.
    other_member.refresh_from_db()
    assert other_member.display_name == "Marlow"
    assert other_member.is_active


@pytest.mark.django_db
def test_two_former_members_share_the_name_nobody_else_may_take(
    client, member, other_member
):
    for person in (member, other_member):
        deletion = account_deletion.request_deletion(
            person, mode=ErasureMode.KEEP_WITHOUT_NAME
        )
        account_deletion.finish_deletion(deletion)
    assert User.objects.filter(display_name=FORMER_MEMBER_NAME).count() == 2

    newcomer = User(email="new@example.com", display_name="A Former Member")
    with pytest.raises(Exception, match="kept for the site"):
        newcomer.full_clean(exclude=["password"])


@pytest.mark.django_db
def test_a_former_member_cannot_sign_in(client, member):
    deletion = account_deletion.request_deletion(
        member, mode=ErasureMode.KEEP_WITHOUT_NAME
    )
    account_deletion.finish_deletion(deletion)
    response = sign_in_through_allauth(client, member)
    assert "_auth_user_id" not in client.session
    assert response.status_code == 200


@pytest.mark.django_db
def test_the_admin_shows_deletions_read_only(member):
    from django.contrib import admin
    from django.test import RequestFactory

    model_admin = admin.site._registry[AccountDeletion]
    request = RequestFactory().get("/")
    request.user = member
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


@pytest.mark.django_db
def test_queued_email_to_a_former_member_is_forgotten(
    settings, member, other_member, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from community.tasks import send_email_message

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        deletion = account_deletion.request_deletion(
            member, mode=ErasureMode.KEEP_WITHOUT_NAME
        )
    send_email_message.enqueue(
        subject="Hi", body="Hello", to=[other_member.email], from_email=None
    )
    assert DBTaskResult.objects.count() == 2  # the confirmation, and Marlow's

    account_deletion.finish_deletion(deletion)

    (kept,) = DBTaskResult.objects.all()
    assert other_member.email in str(kept.args_kwargs)


@pytest.mark.django_db
def test_the_email_is_in_the_members_language(
    member, django_capture_on_commit_callbacks
):
    Profile.objects.filter(user=member).update(language="es")
    member.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        account_deletion.request_deletion(member, mode=ErasureMode.KEEP_WITHOUT_NAME)
    (email,) = mail.outbox
    assert email.subject == "Un cambio en tu cuenta"
    assert "Tus publicaciones se quedarán, sin tu nombre." in email.body
