import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from forum import actions
from forum.models import TEXT_OR_PICTURE_MESSAGE, Conversation, Post
from forum.tests.factories import make_update, picture_upload

pytestmark = pytest.mark.django_db

EMPTY_LOOKING = [
    "",
    "   ",
    " \n\t \r\n ",
    "\u200b\u200c\u200d",  # zero-width space, non-joiner, joiner
    "\u00a0\u00a0",  # non-breaking spaces
    "\ufeff\u2060 \u3000\u202f",  # BOM, word joiner, ideographic and narrow spaces
    "\u3164",  # Hangul filler: a letter by category, but default-ignorable
    "\u115f\u1160\uffa0",  # the other Hangul fillers
    "\u2800\u2800",  # Braille pattern blank: a symbol whose glyph is empty
    "\u00ad",  # soft hyphen
    "\u0301",  # a combining mark with nothing to sit on
    " \u0300\u20dd\ufe0f ",  # marks, an enclosing mark and a variation selector
    "\U000e0041\U000e0080",  # a tag character and a reserved default-ignorable
]
SHOWS_SOMETHING = [
    "e\u0301",
    "\u3164a",
    "\u2801",
    "🌱",
    "\u0645",
    "一",
    "\U0001fae9",
    ".",
]


@pytest.mark.parametrize("body", EMPTY_LOOKING)
def test_update_without_visible_text_or_picture_is_refused(member, body):
    with pytest.raises(ValidationError) as refused:
        actions.post_update(author=member, body=body)
    assert refused.value.messages == [TEXT_OR_PICTURE_MESSAGE]
    assert not Post.objects.exists()


def test_update_with_text_is_published(member):
    post = make_update(member, body="  One month today.  ")
    assert post.status == "published"
    assert post.body == "  One month today.  "  # stored as written


def test_update_with_only_a_picture_is_published(member):
    post = actions.post_update(author=member, body="", picture=picture_upload()).post
    assert post.picture.name.startswith("pictures/")
    assert post.body == ""


@pytest.mark.parametrize("body", [" ", "\u200b"])
def test_reply_and_question_follow_the_same_rule(member, body):
    post = make_update(member)
    with pytest.raises(ValidationError, match=str(TEXT_OR_PICTURE_MESSAGE)):
        actions.reply_to_post(post, author=member, body=body)
    with pytest.raises(ValidationError, match=str(TEXT_OR_PICTURE_MESSAGE)):
        actions.ask_question(author=member, body=body)
    with pytest.raises(ValidationError, match=str(TEXT_OR_PICTURE_MESSAGE)):
        actions.ask_question(author=None, body=body, visitor_key="visitor")
    assert Post.objects.count() == 1


def test_editing_away_all_text_is_refused_and_keeps_the_post(member):
    post = make_update(member, body="Original words")
    with pytest.raises(ValidationError, match=str(TEXT_OR_PICTURE_MESSAGE)):
        actions.edit_post(post, editor=member, body="\u200b ")
    post.refresh_from_db()
    assert post.body == "Original words"
    assert not post.revisions.exists()


@pytest.mark.parametrize(
    "body", ["", "   ", "\u200b", "\u00a0\n", "\u3164", "\u2800", "\u00ad", "\u0301"]
)
def test_database_refuses_a_direct_insert_without_text_or_picture(member, body):
    feed = Conversation.objects.feed()
    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.create(
            conversation=feed, kind=Post.Kind.UPDATE, author=member, body=body
        )
    assert not Post.objects.exists()


@pytest.mark.parametrize("body", SHOWS_SOMETHING)
def test_any_character_that_shows_something_is_text(member, body):
    feed = Conversation.objects.feed()
    Post.objects.create(
        conversation=feed, kind=Post.Kind.UPDATE, author=member, body=body
    )
    post = make_update(member, body=f"Today: {body}")
    assert Post.objects.filter(body=body).count() == 1
    assert post.status == "published"


def test_database_accepts_a_direct_insert_with_a_picture_only(member):
    feed = Conversation.objects.feed()
    Post.objects.create(
        conversation=feed,
        kind=Post.Kind.UPDATE,
        author=member,
        body="",
        picture="pictures/aa/x.jpg",
    )
    assert Post.objects.count() == 1


def test_composer_shows_the_rule_and_keeps_what_was_typed(client, member):
    client.force_login(member)
    response = client.post(
        "/community/post/", {"body": "  \u200b  ", "picture_alt": ""}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert str(TEXT_OR_PICTURE_MESSAGE) in html
    assert "  \u200b  </textarea>" in html
    assert not Post.objects.exists()


def test_reply_form_shows_the_rule_and_keeps_the_draft(client, member):
    post = make_update(member)
    client.force_login(member)
    response = client.post(f"/posts/{post.pk}/reply/", {"body": " \u00a0 "})
    assert response.status_code == 400
    assert str(TEXT_OR_PICTURE_MESSAGE) in response.content.decode()
    assert Post.objects.count() == 1
