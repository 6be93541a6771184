"""An article and its Spanish translation: each reviewed, linked both ways."""

import json

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from articles import publishing, translations
from articles.models import Article
from articles.tests.factories import make_published

pytestmark = pytest.mark.django_db


ES_TITLE = "Empezar con la buprenorfina"


@pytest.fixture
def original(editor, medical_reviewer):
    return make_published(editor, medical_reviewer)


def translate(original, editor):
    translation = translations.start_translation(original, editor=editor, language="es")
    translation.title = ES_TITLE
    translation.body = "## Qué esperar\n\nAlgunas palabras."
    return publishing.save_article(translation, editor=editor)


def publish(translation, editor, reviewer):
    publishing.submit_for_review(translation, editor=editor)
    return publishing.approve_article(translation, reviewer=reviewer, notes="Fiel.")


def page(client, article, **headers):
    cache.clear()
    response = client.get(article.get_absolute_url(), headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def test_a_started_translation_is_a_draft_linked_to_its_original(original, editor):
    translation = translate(original, editor)
    assert translation.translation_of == original
    assert translation.language == "es"
    assert translation.status == Article.Status.DRAFT
    assert list(original.translations.all()) == [translation]
    assert translation.revisions.count() == 2  # the copy, then the Spanish text
    assert translation.references.count() == original.references.count()


def test_a_translation_needs_its_own_review_before_publishing(
    original, editor, medical_reviewer
):
    translation = translate(original, editor)
    with pytest.raises(ValidationError):
        publishing.publish_article(translation, editor=editor)
    translation.refresh_from_db()
    assert translation.status == Article.Status.DRAFT
    publish(translation, editor, medical_reviewer)
    translation.refresh_from_db()
    assert translation.status == Article.Status.PUBLISHED
    assert translation.medical_reviewer == medical_reviewer
    assert translation.live_revision.title == ES_TITLE


def test_pages_link_to_the_other_language_only_once_it_is_published(
    client, original, editor, medical_reviewer
):
    translation = translate(original, editor)
    assert "hreflang" not in page(client, original)

    publish(translation, editor, medical_reviewer)
    english, spanish = page(client, original), page(client, translation)
    en_url = f"http://testserver{original.get_absolute_url()}"
    es_url = f"http://testserver{translation.get_absolute_url()}"
    for html in (english, spanish):
        assert f'<link rel="alternate" hreflang="en" href="{en_url}">' in html
        assert f'<link rel="alternate" hreflang="es" href="{es_url}">' in html
        assert f'<link rel="alternate" hreflang="x-default" href="{en_url}">' in html
    assert f'<a href="{es_url}" hreflang="es" lang="es">Leer en español</a>' in english
    assert f'<a href="{en_url}" hreflang="en" lang="en">Read in English</a>' in spanish


def test_a_draft_translation_is_not_offered_to_readers(
    client, original, editor, medical_reviewer
):
    translate(original, editor)
    html = page(client, original)
    assert "Leer en español" not in html
    assert 'hreflang="es"' not in html


def test_a_translation_in_its_originals_language_is_refused(original, editor):
    with pytest.raises(ValidationError):
        translations.start_translation(original, editor=editor, language="en")
    same = Article(
        title="Same",
        slug="same",
        summary="s",
        body="b",
        author=editor,
        language="en",
        translation_of=original,
    )
    with pytest.raises(ValidationError):
        same.full_clean(exclude=["conversation"])
    with pytest.raises(IntegrityError), transaction.atomic():
        same.save()


def test_an_original_cannot_move_into_its_translations_language(original, editor):
    translate(original, editor)
    original.refresh_from_db()
    original.language = "es"
    with pytest.raises(ValidationError):
        publishing.save_article(original, editor=editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=original.pk).update(language="es")


def test_only_one_translation_per_language(original, editor):
    translate(original, editor)
    with pytest.raises(ValidationError):
        translations.start_translation(original, editor=editor, language="es")
    second = Article(
        title="Otra",
        slug="otra",
        summary="s",
        body="b",
        author=editor,
        language="es",
        translation_of=original,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_editors_start_a_translation_from_the_dashboard(
    client, original, editor, medical_reviewer
):
    client.force_login(editor)
    dashboard = client.get("/editorial/").content.decode()
    assert "Translate into Spanish" in dashboard
    response = client.post(
        f"/editorial/articles/{original.pk}/translate/", {"language": "es"}
    )
    assert response.status_code == 302
    translation = original.translations.get()
    assert translation.language == "es"
    assert "Translate into Spanish" not in client.get("/editorial/").content.decode()
    review = client.get(f"/editorial/articles/{translation.pk}/review/").text
    assert f'of <a href="{original.get_absolute_url()}">' in review


def test_the_spanish_demo_article_is_published_in_spanish(client, settings):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")  # re-seeding adds no second translation
    spanish = Article.objects.get(language="es")
    assert spanish.status == Article.Status.PUBLISHED
    assert spanish.translation_of.slug == "naloxone-and-overdose"
    assert spanish.medical_reviewer == spanish.translation_of.medical_reviewer
    html = page(client, spanish)
    assert '<div class="article-body" lang="es">' in html
    assert "Señales de una sobredosis" in html
    assert "Read in English" in html
    data = json.loads(
        html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    )
    assert data["inLanguage"] == "es"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert (
        '<xhtml:link rel="alternate" hreflang="es" '
        'href="http://testserver/articles/naloxona-y-sobredosis/"/>'
    ) in sitemap


def test_spanish_readers_get_the_spanish_interface(client, original):
    html = page(client, original, accept_language="es")
    assert "Puntos clave" in html
    assert "Ver resumen completo" in html
    assert "Revisado médicamente por" in html
    assert "Key Takeaways" not in html


def test_publishing_a_translation_refreshes_the_originals_cached_page(
    client, original, editor, medical_reviewer, django_capture_on_commit_callbacks
):
    translation = translate(original, editor)
    cache.clear()
    assert "Leer en español" not in client.get(original.get_absolute_url()).text
    with django_capture_on_commit_callbacks(execute=True):
        publish(translation, editor, medical_reviewer)
    assert "Leer en español" in client.get(original.get_absolute_url()).text


def test_the_page_cache_keeps_one_copy_per_interface_language(client, original):
    cache.clear()
    assert "Key Takeaways" in client.get(original.get_absolute_url()).text
    spanish = client.get(original.get_absolute_url(), headers={"accept-language": "es"})
    assert "Puntos clave" in spanish.text
    assert "Key Takeaways" in client.get(original.get_absolute_url()).text
