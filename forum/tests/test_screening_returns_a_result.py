"""Screening is a value the posting actions return with the post; the sourcing
phrases are watched words moderators can see and change."""

import importlib

import pytest
from django.apps import apps

from community.tests.two_factor import sign_in_with_two_factor
from forum import actions, moderation, support
from forum.models import Post, QueueItem, WatchedWord
from forum.moderation.screening import Hold, HoldReason

pytestmark = pytest.mark.django_db

seeding = importlib.import_module("forum.migrations.0014_seed_sourcing_watched_words")


def test_posting_returns_the_post_and_what_screening_found(member):
    posted = actions.post_update(author=member, body="Selling subs, DM me")
    assert posted.post.status == "held"
    assert posted.screening.holds == (
        Hold(HoldReason.WATCHED_WORD, "selling subs"),
        Hold(HoldReason.WATCHED_WORD, "dm me"),
    )
    assert posted.screening.support_note is None
    assert not hasattr(posted.post, "screening")


def test_crisis_words_ask_for_the_crisis_support_note(member):
    posted = actions.post_update(author=member, body="I want to die tonight")
    assert posted.post.status == "published"
    assert posted.screening.holds == ()
    assert posted.screening.support_note == support.NoteKind.CRISIS


def test_an_edit_returns_its_screening_too(member):
    post = actions.post_update(author=member, body="A steady week").post
    edited = actions.edit_post(post, editor=member, body="Anyone selling strips?")
    assert edited.post.status == "held"
    assert edited.screening.holds == (
        Hold(HoldReason.WATCHED_WORD, "anyone selling"),
        Hold(HoldReason.WATCHED_WORD, "selling strips"),
    )
    item = QueueItem.objects.open().get(post=post)
    assert (item.reasons, item.matched) == (
        ["watched word"],
        ["anyone selling", "selling strips"],
    )


def test_a_visitor_question_is_held_first_of_all():
    posted = actions.ask_question(
        author=None, body="Where can I buy strips?", visitor_key="v"
    )
    assert posted.screening.holds == (
        Hold(HoldReason.VISITOR_QUESTION),
        Hold(HoldReason.WATCHED_WORD, "where can i buy"),
    )


def test_every_sourcing_phrase_is_a_hold_watched_word():
    seeded = set(
        WatchedWord.objects.filter(action=WatchedWord.Action.HOLD).values_list(
            "phrase", flat=True
        )
    )
    assert seeded == set(seeding.SOURCING_PHRASES)


def test_moderators_see_the_sourcing_phrases_on_the_watched_words_page(
    client, moderator
):
    sign_in_with_two_factor(client, moderator)
    response = client.get("/moderation/watched-words/")
    assert response.status_code == 200
    assert "selling subs" in response.text


def test_a_removed_sourcing_phrase_no_longer_holds_posts(member, moderator):
    word = WatchedWord.objects.get(phrase="for sale", action="hold")
    moderation.remove_watched_word(word, moderator=moderator)
    post = actions.post_update(author=member, body="My old bike is for sale").post
    assert post.status == "published"
    assert not QueueItem.objects.exists()


def test_the_seed_migration_reverses_without_touching_moderators_words(moderator):
    own = moderation.add_watched_word(
        moderator=moderator, phrase="miracle cure", action="hold"
    )
    seeding.unseed(apps, schema_editor=None)
    assert list(WatchedWord.objects.all()) == [own]
    seeding.seed(apps, schema_editor=None)
    seeding.seed(apps, schema_editor=None)  # running it twice adds nothing
    assert WatchedWord.objects.count() == len(seeding.SOURCING_PHRASES) + 1
    assert not Post.objects.exists()
