"""The detector runs on every path that creates or edits text: a new update, an
edit, a reply and a visitor's question (an article comment: in articles/tests).
Each path raises the urgent item and shows its author the note once, saying what
happened to the post (docs/safety.md section 5; issue 11 item 7)."""

import pytest
from django.test import Client

from forum import actions
from forum.models import CrisisMatch, Post, QueueItem
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db


def note_in(response):
    html = response.content.decode()
    assert html.count('class="card support-note"') == 1
    return html.split('class="card support-note"')[1].split("</section>")[0]


def the_urgent_match():
    item = QueueItem.objects.open().get(priority=QueueItem.Priority.URGENT)
    return item, item.crisis_matches.get()


def test_a_new_update(client, member):
    client.force_login(member)
    response = client.post(
        "/community/post/", {"body": "feeling suicidal tonight"}, follow=True
    )
    note = note_in(response)
    assert "Your post is up." in note
    assert 'href="tel:988"' in note
    post = Post.objects.get()
    _item, match = the_urgent_match()
    assert (match.post, match.kind) == (post, "crisis")


def test_an_edit(client, member):
    post = make_update(member, body="Rough week, checking in.")
    client.force_login(member)
    response = client.post(
        f"/posts/{post.pk}/edit/",
        {"body": "Rough week. I don't want to wake up tomorrow."},
        follow=True,
    )
    assert "Your post is up." in note_in(response)
    _item, match = the_urgent_match()
    assert (match.post, match.kind, match.phrase) == (
        post,
        "crisis",
        "don't want to wake up",
    )
    post.refresh_from_db()
    assert post.status == "published"


def test_a_reply(client, member, other_member):
    parent = make_update(other_member, body="How is everyone tonight?")
    client.force_login(member)
    response = client.post(
        f"/posts/{parent.pk}/reply/",
        {"body": "my roommate used and now he won't wake up"},
        follow=True,
    )
    note = note_in(response)
    assert note.index("Call 911") < note.index("naloxone")
    assert "Your post is up." in note
    reply = Post.objects.get(parent=parent)
    _item, match = the_urgent_match()
    assert (match.post, match.kind) == (reply, "overdose")


def test_a_visitors_question_says_it_waits_for_a_moderator(client):
    response = client.post(
        "/questions/ask/",
        {"body": "is it time for the narcan? he is barely breathing"},
        follow=True,
    )
    assert response.redirect_chain == [("/questions/received/", 302)]
    note = note_in(response)
    assert "Your question is saved and waiting for a moderator's review" in note
    assert "is up" not in note
    assert note.index("Call 911") < note.index("naloxone")
    question = Post.objects.get()
    assert question.status == "held"
    item, match = the_urgent_match()
    assert (item.post, match.post, match.kind) == (question, question, "overdose")
    assert "support-note" not in Client().get("/questions/received/").content.decode()


def test_a_held_post_says_it_waits_for_review_not_that_it_is_up(
    client, member, settings
):
    settings.FORUM_HOLD_FIRST_POSTS = 2
    client.force_login(member)
    response = client.post(
        "/community/post/", {"body": "New here. I want to end my life."}, follow=True
    )
    note = note_in(response)
    assert "Your post is saved and waiting for a moderator's review" in note
    assert "Your post is up." not in note
    assert Post.objects.get().status == "held"
    assert "support-note" not in client.get("/community/").content.decode()


def test_the_note_is_shown_once(client, member):
    client.force_login(member)
    client.post("/community/post/", {"body": "I want to die"})
    assert "support-note" in client.get("/community/").content.decode()
    assert "support-note" not in client.get("/community/").content.decode()


def test_ordinary_text_raises_nothing_on_any_path(client, member, other_member):
    parent = make_update(other_member, body="How is everyone?")
    client.force_login(member)
    client.post("/community/post/", {"body": "I took too much time on this"})
    client.post(f"/posts/{parent.pk}/reply/", {"body": "killing it at work today"})
    own = Post.objects.get(author=member, parent=None)
    edited = client.post(
        f"/posts/{own.pk}/edit/", {"body": "I called 988 once and it helped"}
    )
    assert edited.status_code == 302
    Client().post("/questions/ask/", {"body": "My uncle overdosed years ago."})
    assert Post.objects.count() == 4
    assert not CrisisMatch.objects.exists()
    assert not QueueItem.objects.filter(priority=QueueItem.Priority.URGENT).exists()


def test_an_old_style_note_in_a_session_is_ignored(client, member):
    client.force_login(member)
    session = client.session
    session["support_note"] = "crisis"  # written before the note said what happened
    session.save()
    assert "support-note" not in client.get("/community/").content.decode()


def test_the_action_path_without_a_view_also_records_the_match(member):
    post = actions.post_update(author=member, body="gonna kms").post
    _item, match = the_urgent_match()
    assert (match.post, match.phrase) == (post, "kms")


def test_an_at_risk_report_shows_the_reporter_their_note_once(
    client, member, other_member
):
    post = make_update(other_member, body="Rough day.")
    client.force_login(member)
    response = client.post(
        f"/posts/{post.pk}/report/", {"reason": "at_risk", "note": ""}, follow=True
    )
    note = note_in(response)
    assert "Thank you for looking out for them" in note
    assert "Your post" not in note
    assert "support-note" not in client.get("/community/").content.decode()
