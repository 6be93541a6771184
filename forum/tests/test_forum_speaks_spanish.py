"""The forum in Spanish for people whose browser asks for it, English otherwise."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from community.tests.two_factor import sign_in_with_two_factor
from forum import actions, moderation
from forum.card_stamps import Stamps
from forum.models import QueueItem, WatchedWord
from forum.moderation import wording
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
        assert f">{expected}</time>" in Stamps()(moment)
        assert Stamps()(moment) != _english_stamp(moment)


def _english_stamp(moment):
    with translation.override("en"):
        return Stamps()(moment)


def test_moderators_read_the_queue_in_spanish_when_asked(client, moderator):
    client.post("/questions/ask/", {"body": "¿Cómo apoyo a mi hermano?"})
    sign_in_with_two_factor(client, moderator)

    queue = page_text(client, "/moderation/", **SPANISH)
    assert "Cola de moderación" in queue
    assert "pregunta de visitante" in queue  # the reason is stored in English
    assert "de una persona visitante de" in queue
    assert "visitor question" not in queue
    assert "Moderation queue" not in queue


def test_a_held_post_shows_its_status_in_spanish(client, moderator):
    client.post("/questions/ask/", {"body": "¿Cómo apoyo a mi hermana?"})
    sign_in_with_two_factor(client, moderator)

    queue = page_text(client, "/moderation/", **SPANISH)
    assert "estado: Esperando revisión" in queue
    assert "Retenida para revisión" in queue  # the queue item's priority
    assert "Waiting for review" not in queue
    assert "Held for review" not in queue


def test_a_hidden_post_tells_its_author_in_spanish(client, member, moderator):
    update = make_update(member)
    moderation.hide_post(update, moderator=moderator, reason="Off topic")
    client.force_login(member)

    page = page_text(client, update.get_absolute_url(), **SPANISH)
    assert "<strong>Ocultada por el equipo de moderación.</strong>" in page
    assert "solo ven que fue ocultada por el equipo de moderación" in page
    assert "Hidden by a moderator" not in page

    notices = page_text(client, "/notifications/", **SPANISH)
    assert "El equipo de moderación ocultó tu publicación: Off topic" in notices
    assert "A moderator hid your post" not in notices
    assert "A moderator hid your post: Off topic" in page_text(
        client, "/notifications/"
    )


def test_a_post_hidden_by_reports_gives_its_reason_in_spanish(
    member, other_member, moderator, client
):
    update = make_update(member)
    moderation.report_post(update, reporter=moderator, reason="harassment")
    client.force_login(member)

    page = page_text(client, update.get_absolute_url(), **SPANISH)
    assert "Motivo: Reportada por el equipo de moderación." in page
    assert "Reported by a moderator" not in page
    notices = page_text(client, "/notifications/", **SPANISH)
    assert "Tu publicación está oculta mientras el equipo de moderación" in notices


def test_an_empty_update_is_refused_in_spanish_and_keeps_the_draft(client, member):
    client.force_login(member)
    response = client.post(
        "/community/post/",
        {"body": "  \u200b  ", "picture_alt": "un amanecer"},
        **SPANISH,
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "<li>Cada novedad necesita un texto o una imagen.</li>" in text
    assert "All updates must be accompanied" not in text
    assert "  \u200b  </textarea>" in text
    assert 'value="un amanecer"' in text


def test_reactions_are_named_in_spanish(client, member, other_member):
    update = make_update(member)
    client.force_login(other_member)

    feed = page_text(client, "/community/", **SPANISH)
    for name in ("Abrazo", "Me gusta", "Yo también"):
        assert f"{name} <span class=" in feed
    assert "Hug <span" not in feed
    assert "Me too <span" not in feed

    client.post(f"/posts/{update.pk}/react/", {"reaction": "hug:on"})
    client.force_login(member)
    notifications = page_text(client, "/notifications/", **SPANISH)
    assert "Marlow reaccionó a tu publicación (Abrazo)" in notifications
    assert "(Hug)" not in notifications
    english = page_text(client, "/notifications/")
    assert "Marlow reacted to your post (Hug)" in english


def test_reports_are_queued_under_an_english_key_and_read_in_spanish(
    client, member, other_member, moderator
):
    update = make_update(member)
    client.force_login(other_member)
    client.post(
        f"/posts/{update.pk}/report/", {"reason": "harassment"}, **SPANISH, follow=True
    )
    assert QueueItem.objects.get(post=update).reasons == ["report: Harassment or hate"]

    client.logout()
    sign_in_with_two_factor(client, moderator)
    queue = page_text(client, "/moderation/", **SPANISH)
    assert "reporte: Acoso u odio" in queue


def test_the_moderation_log_names_actions_and_statuses_in_spanish(
    client, member, moderator
):
    update = make_update(member)
    moderation.hide_post(update, moderator=moderator, reason="Off topic")
    sign_in_with_two_factor(client, moderator)

    log = page_text(client, "/moderation/log/", **SPANISH)
    assert "<td>Ocultar</td>" in log
    assert "Publicada → Ocultada por el equipo de moderación" in log
    assert "published → hidden" not in log


def test_stored_moderation_words_are_read_in_the_readers_language():
    notice = wording.stored(wording.NOT_APPROVED, reason="Lleva un nombre completo")
    reason = wording.stored(wording.REPORTED_BY_MEMBERS, count=3)
    assert notice == "Your post was not approved: Lleva un nombre completo"
    with translation.override("es"):
        assert (
            wording.in_reader_language(notice)
            == "Tu publicación no fue aprobada: Lleva un nombre completo"
        )
        assert (
            wording.in_reader_language(reason)
            == "Reportada por 3 personas de la comunidad"
        )
        assert wording.in_reader_language("Off topic") == "Off topic"
