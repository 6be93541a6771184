"""The forum in Spanish for people whose browser asks for it, English otherwise."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from community.tests.two_factor import sign_in_with_two_factor
from forum import actions, moderation
from forum.cards import _stamp
from forum.models import WatchedWord
from forum.tests.factories import make_conversation, make_reply, make_update

pytestmark = pytest.mark.django_db

SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es"}


def page_text(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    return response.content.decode()


def test_forum_pages_speak_spanish_when_asked(client, member, other_member):
    update = make_update(member)
    make_reply(update, other_member)
    conversation = make_conversation()
    comment = actions.post_comment(conversation, author=member, body="Hola").post
    client.force_login(other_member)

    feed = page_text(client, "/community/", **SPANISH)
    assert "Novedades de la comunidad" in feed
    assert "Comparte una novedad" in feed
    assert "Publicar novedad" in feed
    assert "1 respuesta</a>" in feed
    assert "Community updates" not in feed
    assert "Share an update" not in feed
    assert "1 reply</a>" not in feed

    talk = page_text(client, conversation.get_absolute_url(), **SPANISH)
    assert "Únete a la conversación" in talk
    assert "¿Necesitas hablar con alguien ahora mismo?" in talk
    assert ">Responder</a>" in talk
    assert "Join the conversation" not in talk
    assert ">Reply</a>" not in talk

    composer = page_text(client, f"/posts/{comment.pk}/reply/", **SPANISH)
    assert "Tu respuesta" in composer
    assert "Publicar respuesta" in composer
    assert "Imagen (opcional)" in composer
    assert "Your reply" not in composer
    assert "Post reply" not in composer


def test_the_same_pages_stay_in_english_by_default(client, member, other_member):
    update = make_update(member)
    make_reply(update, other_member)
    make_reply(update, member)
    client.force_login(other_member)

    feed = page_text(client, "/community/")
    assert "Community updates" in feed
    assert "2 replies</a>" in feed
    assert "Novedades de la comunidad" not in feed


def test_spanish_plurals_follow_the_count(client, member, other_member):
    update = make_update(member)
    make_reply(update, other_member)
    make_reply(update, member)
    client.force_login(other_member)

    assert "2 respuestas</a>" in page_text(client, "/community/", **SPANISH)


def test_refusals_are_explained_in_spanish_and_keep_the_draft(
    client, member, moderator
):
    moderation.add_watched_word(
        moderator=moderator, phrase="fizzbuzz", action=WatchedWord.Action.BLOCK
    )
    client.force_login(member)
    response = client.post("/community/post/", {"body": "say fizzbuzz"}, **SPANISH)
    assert response.status_code == 400
    text = response.content.decode()
    assert "Tu publicación contiene palabras que no se permiten aquí" in text
    assert "aren&#x27;t allowed here" not in text
    assert "say fizzbuzz</textarea>" in text


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 1, 5, 0, 7, tzinfo=ZoneInfo("UTC")),
        datetime(2026, 8, 4, 16, 0, tzinfo=ZoneInfo("UTC")),
    ],
)
def test_card_times_in_spanish_read_as_djangos_date_filter_would(moment):
    with translation.override("es"):
        local = timezone.localtime(moment)
        expected = date_format(local, "SHORT_DATETIME_FORMAT")
        assert f">{expected}</time>" in _stamp(moment)
        assert _stamp(moment) != _english_stamp(moment)


def _english_stamp(moment):
    with translation.override("en"):
        return _stamp(moment)


def test_moderators_read_the_queue_in_spanish_when_asked(client, moderator):
    client.post("/questions/ask/", {"body": "¿Cómo apoyo a mi hermano?"})
    sign_in_with_two_factor(client, moderator)

    queue = page_text(client, "/moderation/", **SPANISH)
    assert "Cola de moderación" in queue
    assert "pregunta de visitante" in queue  # the reason is stored in English
    assert "de una persona visitante de" in queue
    assert "visitor question" not in queue
    assert "Moderation queue" not in queue
