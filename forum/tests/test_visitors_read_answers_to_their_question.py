"""A visitor who asks gets a private link to their question and its published
answers, and, if they left an address, one discreet email at the first answer."""

import re
import time
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client

from forum import moderation, tasks, visitor_questions
from forum.models import Post, VisitorAnswerAddress
from forum.tests.factories import make_reply, make_update

pytestmark = pytest.mark.django_db

ASK = "/questions/ask/"
QUESTION = "Is it normal to feel tired in the first weeks on buprenorphine?"
EMAIL = "asker@example.org"


def ask(browser=None, **fields):
    browser = browser or Client()
    response = browser.post(ASK, {"body": QUESTION, **fields})
    assert response.status_code == 302, response.content.decode()
    return browser, Post.objects.get(body=QUESTION)


def private_link(browser):
    html = browser.get("/questions/received/").content.decode()
    match = re.search(r'href="http://testserver(/questions/yours/[^"]+/)"', html)
    assert match, html
    return match.group(1)


def test_the_received_page_gives_a_private_link_to_the_held_question():
    browser, question = ask()
    link = private_link(browser)
    response = Client().get(link)
    html = response.content.decode()
    assert response.status_code == 200
    assert QUESTION in html
    assert "Waiting for review" in html
    assert "90 days" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"
    assert response["Cache-Control"] == "private, no-store"
    assert question.status == "held"


def test_the_link_shows_only_published_answers_to_this_question(
    member, other_member, moderator
):
    browser, question = ask()
    moderation.approve_post(question, moderator=moderator)
    published = make_reply(question, member, body="Yes, it eased for me by week three.")
    make_reply(published, other_member, body="Same here, a nested answer.")
    removed = make_reply(question, other_member, body="Text a moderator removed.")
    moderation.remove_post(removed, moderator=moderator, reason="Off topic")
    make_update(member, body="An update elsewhere in the feed.")
    ask(Client(), body="Someone else's question about sleep?")

    html = Client().get(private_link(browser)).content.decode()
    assert QUESTION in html
    assert "Waiting for review" not in html
    assert "Yes, it eased for me by week three." in html
    assert "Same here, a nested answer." in html
    assert "Text a moderator removed." not in html
    assert "An update elsewhere in the feed." not in html
    assert "Someone else's question about sleep?" not in html
    # Answerers stay unnamed: profiles are for members.
    assert member.display_name not in html


def test_a_wrong_tampered_or_other_posts_link_is_not_found(member):
    browser, question = ask()
    link = private_link(browser)
    member_question = Post.objects.create(
        conversation=question.conversation,
        kind="question",
        author=member,
        body="A member's own question",
    )
    someone_elses = visitor_questions.private_path(member_question)
    tampered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    for url in [
        "/questions/yours/not-a-token/",
        tampered,
        someone_elses,
        "/questions/yours/" + "A" * 5000 + "/",
        "/questions/yours/%00%3Cscript%3E/",
        "/questions/yours/..%2F..%2Fadmin/",
    ]:
        assert Client().get(url).status_code == 404, url


def test_an_expired_link_is_not_found():
    _, question = ask()
    made = time.time() - 91 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=made):
        old_link = visitor_questions.private_path(question)
    assert Client().get(old_link).status_code == 404
    assert Client().get(visitor_questions.private_path(question)).status_code == 200


def test_hostile_query_strings_change_nothing(member, moderator):
    browser, question = ask()
    moderation.approve_post(question, moderator=moderator)
    make_reply(question, member, body="An answer for you.")
    link = private_link(browser)
    plain = Client().get(link)
    for query in [
        "?page=-1",
        "?before=%00",
        "?token=x&pk=1",
        "?q=%3Cscript%3Ealert(1)%3C/script%3E",
        "?" + "a=" * 2000,
    ]:
        response = Client().get(link + query)
        assert response.status_code == 200, query
        assert "An answer for you." in response.content.decode()
        assert "<script>alert(1)" not in response.content.decode()
    assert plain.status_code == 200


def test_one_discreet_email_at_the_first_published_answer_then_the_address_is_gone(
    member, other_member, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    _, question = ask(answer_email=EMAIL)
    assert VisitorAnswerAddress.objects.get().email == EMAIL
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve_post(question, moderator=moderator)
    assert mailoutbox == []  # approving the question is not an answer

    with django_capture_on_commit_callbacks(execute=True):
        make_reply(question, member, body="You're not alone in this.")
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == [EMAIL]
    assert "question" not in email.subject.lower()
    assert QUESTION not in email.subject + email.body
    assert "You're not alone" not in email.body
    link = re.search(r"https?://\S+(/questions/yours/\S+/)", email.body).group(1)
    assert "You're not alone in this." in Client().get(link).content.decode()
    assert not VisitorAnswerAddress.objects.exists()
    assert EMAIL not in str(list(Post.objects.values()))

    with django_capture_on_commit_callbacks(execute=True):
        make_reply(question, other_member, body="A second answer.")
    assert tasks.send_first_answer_email.call(question.pk) == 0
    assert len(mailoutbox) == 1


@pytest.mark.premoderation
def test_a_held_answer_sends_nothing_until_a_moderator_approves_it(
    member, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    _, question = ask(answer_email=EMAIL)
    moderation.approve_post(question, moderator=moderator)
    with django_capture_on_commit_callbacks(execute=True):
        answer = make_reply(question, member, body="Held while I'm new here.")
    assert answer.status == "held"
    assert mailoutbox == []
    with django_capture_on_commit_callbacks(execute=True):
        moderation.approve_post(answer, moderator=moderator)
    assert len(mailoutbox) == 1


def test_no_address_no_email(
    member, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    _, question = ask()
    moderation.approve_post(question, moderator=moderator)
    with django_capture_on_commit_callbacks(execute=True):
        make_reply(question, member)
    assert mailoutbox == []
    assert not VisitorAnswerAddress.objects.exists()


def test_an_address_nobody_used_is_forgotten_after_the_links_lifetime():
    ask(answer_email=EMAIL)
    VisitorAnswerAddress.objects.update(
        created_at=VisitorAnswerAddress.objects.get().created_at
        - visitor_questions.link_lifetime()
    )
    ask(Client(), body="A later visitor's question?")
    assert not VisitorAnswerAddress.objects.filter(email=EMAIL).exists()


def test_a_mistyped_address_is_explained_and_the_question_kept():
    response = Client().post(ASK, {"body": QUESTION, "answer_email": "not an address"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter a valid email address." in html
    assert QUESTION in html
    assert 'value="not an address"' in html
    assert not Post.objects.exists()


def test_members_are_not_asked_for_an_address(client, member):
    client.force_login(member)
    assert 'name="answer_email"' not in client.get(ASK).content.decode()
    assert 'name="answer_email"' in Client().get(ASK).content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_email_is_sent_by_the_task_worker_once(
    settings, member, moderator, mailoutbox
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
    _, question = ask(answer_email=EMAIL)
    moderation.approve_post(question, moderator=moderator)
    make_reply(question, member, body="First answer.")
    make_reply(question, member, body="Second answer.")
    assert mailoutbox == []
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [m.to for m in mailoutbox] == [[EMAIL]]


def test_members_are_told_the_visitor_reads_the_answers(client, member, moderator):
    _, question = ask()
    moderation.approve_post(question, moderator=moderator)
    client.force_login(member)
    html = client.get(question.get_absolute_url()).content.decode()
    assert "They can read its published answers" in html
