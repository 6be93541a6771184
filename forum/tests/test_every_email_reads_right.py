"""Every email the site sends names the community and links only to the site.

Each email is produced by the real flow (sign-up, password reset, email change,
replies' summary, moderation), then read as its recipient would read it.
"""

import re
from urllib.parse import urlsplit

import pytest

from community.models import Profile
from forum import moderation
from forum.digests import send_due_digests
from forum.tests.factories import make_reply, make_update

pytestmark = pytest.mark.django_db

SITE_URL = "http://testserver"  # where the test client's requests arrive
LINK = re.compile(r"https?://[^\s<>\"']+")
# A space before punctuation is where a name or address was left blank:
# "an account on ." / "account with email ." / "Hello ,".
BLANK = re.compile(r"(\s[.,;:!?])|(\s{2,}[.,])|(\{\{|\{%)")
WORDS_NEVER_IN_A_SUBJECT = ("opioid", "addiction", "overdose", "recovery", "crisis")


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE_URL
    settings.SITE_NAME = "Steady Ground"
    settings.SITE_EMAIL_NAME = "Steady Ground"


def problems_with(message):
    problems = []
    for part in (message.subject, message.body):
        if match := BLANK.search(part):
            start = max(match.start() - 40, 0)
            problems.append(f"blank in {part[start : match.end() + 10]!r}")
    if "Steady Ground" not in message.body:
        problems.append("the site isn't named")
    if not message.subject.strip():
        problems.append("no subject")
    problems += [
        f"subject says {word!r}"
        for word in WORDS_NEVER_IN_A_SUBJECT
        if word in message.subject.lower()
    ]
    for link in LINK.findall(message.body):
        if urlsplit(link).netloc != urlsplit(SITE_URL).netloc:
            problems.append(f"link to another host: {link}")
    return problems


def only_email(mailoutbox, to):
    messages = [message for message in mailoutbox if message.to == [to]]
    assert len(messages) == 1, [m.subject for m in mailoutbox]
    return messages[0]


def test_signup_confirmation_names_the_site_and_links_to_it(client, mailoutbox):
    client.post(
        "/accounts/signup/",
        {
            "email": "newcomer@example.com",
            "display_name": "NorthStar",
            "password1": "a-long-test-password",
            "password2": "a-long-test-password",
            "is_adult": "on",
            "accepts_guidelines": "on",
        },
    )
    message = only_email(mailoutbox, "newcomer@example.com")
    assert "create an account on Steady Ground." in message.body
    assert f"{SITE_URL}/accounts/confirm-email/" in message.body
    assert problems_with(message) == []


def test_signup_with_a_taken_address_tells_its_owner_plainly(
    client, member, mailoutbox
):
    client.post(
        "/accounts/signup/",
        {
            "email": member.email,
            "display_name": "Someone Else",
            "password1": "a-long-test-password",
            "password2": "a-long-test-password",
            "is_adult": "on",
            "accepts_guidelines": "on",
        },
    )
    message = only_email(mailoutbox, member.email)
    assert f"{SITE_URL}/accounts/password/reset/" in message.body
    assert problems_with(message) == []


def test_password_reset_email_names_the_site_and_links_to_it(
    client, member, mailoutbox
):
    client.post("/accounts/password/reset/", {"email": member.email})
    message = only_email(mailoutbox, member.email)
    assert f"{SITE_URL}/accounts/password/reset/key/" in message.body
    assert problems_with(message) == []


def test_password_reset_for_an_unknown_address_names_the_address(client, mailoutbox):
    client.post("/accounts/password/reset/", {"email": "stranger@example.com"})
    message = only_email(mailoutbox, "stranger@example.com")
    assert "with email stranger@example.com." in message.body
    assert problems_with(message) == []


def test_adding_an_address_is_confirmed_without_claiming_a_new_account(
    client, member, mailoutbox
):
    client.force_login(member)
    client.post(
        "/accounts/email/", {"action_add": "", "email": "new-address@example.com"}
    )
    message = only_email(mailoutbox, "new-address@example.com")
    assert "create an account" not in message.body
    assert "for their account on Steady Ground." in message.body
    assert f"{SITE_URL}/accounts/confirm-email/" in message.body
    assert problems_with(message) == []


@pytest.mark.parametrize("with_text", [False, True])
def test_the_summary_of_replies_links_only_to_the_site(
    member, other_member, mailoutbox, with_text
):
    Profile.objects.filter(user=member).update(
        email_digest="daily", digest_includes_post_text=with_text
    )
    make_reply(make_update(member), other_member)
    send_due_digests()
    message = only_email(mailoutbox, member.email)
    assert f"{SITE_URL}/notifications/" in message.body
    assert f"{SITE_URL}/email/unsubscribe/" in message.body
    assert member.display_name in message.body
    assert problems_with(message) == []


def test_a_moderation_notice_in_the_summary_is_discreet(member, moderator, mailoutbox):
    Profile.objects.filter(user=member).update(
        email_digest="weekly", digest_includes_post_text=True
    )
    post = make_update(member, body="Something the moderators take down.")
    moderation.remove_post(post, moderator=moderator, reason="Shares a dosing plan")
    send_due_digests()
    message = only_email(mailoutbox, member.email)
    assert "Shares a dosing plan" not in message.body
    assert "Something the moderators" not in message.body
    assert problems_with(message) == []


def test_moderators_message_to_a_member_is_emailed_without_its_words(
    member, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        moderation.sanction_member(
            member,
            moderator=moderator,
            kind="warning",
            reason="Second report this week",
            member_message="Please keep dosing advice out of your posts.",
        )
    message = only_email(mailoutbox, member.email)
    assert "dosing advice" not in message.body
    assert "Second report" not in message.body
    assert f"{SITE_URL}/notifications/" in message.body
    assert problems_with(message) == []


def test_account_deletion_email_is_discreet_and_links_to_the_site(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    from community import account_deletion
    from community.personal_data import ErasureMode

    with django_capture_on_commit_callbacks(execute=True):
        account_deletion.request_deletion(member, mode=ErasureMode.REMOVE_EVERYTHING)
    message = only_email(mailoutbox, member.email)
    assert f"{SITE_URL}/account/delete/cancel/" in message.body
    assert "delete" not in message.subject.lower()
    assert problems_with(message) == []


def test_the_blank_check_catches_an_unnamed_site(mailoutbox, member):
    """The checker itself: the sentence the issue found must be flagged."""
    from django.core.mail import EmailMessage

    broken = EmailMessage(
        "Confirm your email address",
        "Someone used this address to create an account on .",
        to=[member.email],
    )
    assert "the site isn't named" in problems_with(broken)
    assert any(problem.startswith("blank in") for problem in problems_with(broken))


def test_links_to_another_host_are_caught(member):
    from django.core.mail import EmailMessage

    stray = EmailMessage(
        "Hello", "Steady Ground: http://127.0.0.1:8000/x", to=[member.email]
    )
    assert problems_with(stray) == ["link to another host: http://127.0.0.1:8000/x"]


def test_no_email_on_a_moderation_notice_for_members_who_opted_out(
    member, moderator, mailoutbox
):
    post = make_update(member, body="A post with a problem.")
    moderation.remove_post(post, moderator=moderator, reason="Off topic")
    assert send_due_digests() == 0
    assert mailoutbox == []


def test_data_export_email_names_the_site_and_links_to_it(
    member, mailoutbox, django_capture_on_commit_callbacks
):
    from community import data_export

    with django_capture_on_commit_callbacks(execute=True):
        data_export.request_export(member)
    message = only_email(mailoutbox, member.email)
    assert problems_with(message) == []
    assert f"{SITE_URL}/account/export/" in message.body
