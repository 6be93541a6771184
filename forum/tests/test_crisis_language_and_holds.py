import socket

import pytest
from django.core.exceptions import ValidationError

from forum import actions, moderation
from forum.models import Post, QueueItem, WatchedWord
from forum.tests.factories import make_update

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_outbound_connections(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("Nothing may leave the site.")

    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_crisis_words_publish_as_usual_and_raise_an_urgent_item(
    member, no_outbound_connections
):
    post = make_update(member, body="Some nights I just want to die.")
    assert post.status == "published"
    item = QueueItem.objects.open().get(post=post)
    assert item.priority == QueueItem.Priority.URGENT
    assert item.reasons == ["crisis language"]
    assert item.matched == ["want to die"]


def test_author_sees_the_support_note_once_and_others_never(
    client, member, other_member
):
    client.force_login(member)
    response = client.post(
        "/community/post/",
        {"body": "I don\u2019t want to be here anymore"},  # a curly apostrophe
        follow=True,
    )
    html = response.content.decode()
    assert "You don't have to carry it alone" in html
    assert 'href="tel:988"' in html.split('class="card support-note"')[1]
    again = client.get("/community/").content.decode()
    assert "support-note" not in again
    client.force_login(other_member)
    assert "support-note" not in client.get("/community/").content.decode()
    assert Post.objects.get().status == "published"


def test_overdose_words_show_the_overdose_steps(client, member):
    client.force_login(member)
    response = client.post(
        "/community/post/",
        {"body": "My friend is not breathing what do I do"},
        follow=True,
    )
    note = response.content.decode().split('class="card support-note"')[1]
    assert note.index("Call 911") < note.index("naloxone")


def test_a_held_post_with_crisis_words_is_urgent(member):
    question = actions.ask_question(
        author=None,
        body="I want to end my life, where can I get help?",
        visitor_key="v",
    ).post
    assert question.status == "held"
    item = QueueItem.objects.open().get(post=question)
    assert item.priority == QueueItem.Priority.URGENT
    assert set(item.reasons) == {"visitor question", "crisis language"}


@pytest.mark.parametrize(
    "body", ["text me 555-201-3344", "anyone selling subs?", "add me on telegram"]
)
def test_sourcing_and_contact_details_are_held(member, body):
    post = make_update(member, body=body)
    assert post.status == "held"
    assert QueueItem.objects.open().get(post=post).priority == QueueItem.Priority.HELD


def test_naming_your_own_medication_is_fine(member):
    post = make_update(member, body="My doctor prescribed Suboxone 8 mg")
    assert post.status == "published"
    assert not QueueItem.objects.exists()


def test_blocked_words_refuse_the_post_with_a_clear_message(member, moderator):
    moderation.add_watched_word(
        moderator=moderator, phrase="Spammy Pills", action="block"
    )
    with pytest.raises(ValidationError, match="aren't allowed here"):
        make_update(member, body="Buy SPAMMY   pills now")
    assert not Post.objects.exists()


def test_blocked_words_keep_the_draft_in_the_form(client, member, moderator):
    moderation.add_watched_word(
        moderator=moderator, phrase="spammy pills", action="block"
    )
    client.force_login(member)
    response = client.post("/community/post/", {"body": "Great spammy pills here"})
    assert response.status_code == 400
    assert "Great spammy pills here</textarea>" in response.content.decode()


def test_moderators_hold_words_hold_posts(member, moderator):
    word = moderation.add_watched_word(
        moderator=moderator, phrase="miracle cure", action="hold"
    )
    assert word.phrase == "miracle cure"
    post = make_update(member, body="This Miracle Cure fixed me")
    assert post.status == "held"
    moderation.remove_watched_word(word, moderator=moderator)
    assert not WatchedWord.objects.filter(phrase="miracle cure").exists()
    assert make_update(member, body="Another miracle cure").status == "published"


def test_an_edit_that_adds_held_words_goes_back_to_review(member):
    post = make_update(member, body="Hello everyone")
    actions.edit_post(post, editor=member, body="hit me up on whatsapp")
    assert Post.objects.get(pk=post.pk).status == "held"


@pytest.mark.premoderation
def test_a_new_members_first_posts_wait_for_review(member, moderator, settings):
    settings.FORUM_HOLD_FIRST_POSTS = 2
    first = make_update(member, body="Hi, I'm new here")
    assert first.status == "held"
    moderation.approve_post(first, moderator=moderator)
    second = make_update(member, body="Second post")
    assert second.status == "held"
    moderation.approve_post(second, moderator=moderator)
    assert make_update(member, body="Third post").status == "published"


@pytest.mark.premoderation
def test_moderators_are_never_held(moderator, settings):
    settings.FORUM_HOLD_FIRST_POSTS = 2
    assert make_update(moderator, body="Welcome, everyone").status == "published"


def test_moderation_queue_orders_urgent_then_reports_then_held(
    client, member, moderator
):
    held = actions.ask_question(
        author=None, body="A visitor question", visitor_key="v"
    ).post
    reported = make_update(member, body="A reported update")
    moderation.report_post(reported, reporter=moderator, reason="spam")
    urgent = make_update(member, body="I want to die")
    client.force_login(moderator)
    html = client.get("/moderation/").content.decode()
    positions = [html.index(p.body) for p in [urgent, reported, held]]
    assert positions == sorted(positions)
