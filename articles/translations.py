"""Language versions of an article: its one home.

A translation is an Article in its own right: it starts as a draft holding the
original's reviewed text, an editor translates it, and it goes through the same
medical review, publishing gate and revision history as any other article. Readers
are pointed to the other language only once that version is published.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from articles import publishing
from articles.models import Article, Reference
from community.permissions import can_edit_articles

# Each link names the other version in its own language, whatever the interface
# language: a Spanish reader on an English page must recognise "Leer en español".
READ_IN = {"en": "Read in English", "es": "Leer en español"}


@dataclass(frozen=True)
class LanguageVersion:
    language: str
    url: str

    @property
    def link_text(self):
        return READ_IN.get(self.language, self.language)


def missing_languages(article, taken=()) -> list[str]:
    """Languages a published original could still be translated into."""
    if article.translation_of_id is not None:
        return []
    own = {article.language, *taken}
    return [code for code, _name in settings.LANGUAGES if code not in own]


def page_versions(article, build_url):
    """(the other published version or None, alternates for <head>) for an
    article fetched `with_other_language_version()`."""
    slug = getattr(article, "other_version_slug", None)
    if not slug:
        return None, []
    other = LanguageVersion(
        article.other_version_language,
        build_url(reverse("articles:article_detail", args=[slug])),
    )
    this = LanguageVersion(article.language, build_url(article.get_absolute_url()))
    versions = sorted([this, other], key=lambda version: version.language)
    default = next(
        (v for v in versions if v.language == settings.LANGUAGE_CODE), versions[0]
    )
    return other, [*versions, LanguageVersion("x-default", default.url)]


@transaction.atomic
def start_translation(original: Article, *, editor, language: str) -> Article:
    """A draft translation holding the original's reviewed text, to be translated,
    reviewed and published like any article."""
    if not can_edit_articles(editor):
        raise PermissionDenied
    if original.status != Article.Status.PUBLISHED or original.translation_of_id:
        raise ValidationError(
            _("Only a published original article can be translated."),
            code="not_translatable",
        )
    if language not in missing_languages(
        original, original.translations.values_list("language", flat=True)
    ):
        raise ValidationError(
            _("This article already has a translation in that language."),
            code="already_translated",
        )
    live = original.live_revision.content
    translation = Article(
        translation_of=original,
        language=language,
        slug=f"{original.slug}-{language}"[:200],
        shows_crisis_note=original.shows_crisis_note,
        **{name: live[name] for name in Article.CONTENT_FIELDS},
    )
    if Article.objects.filter(slug=translation.slug).exists():
        raise ValidationError(
            _("An article with the address %(slug)s already exists.")
            % {"slug": translation.slug},
            code="slug_taken",
        )
    publishing.save_working_copy(translation, editor=editor)
    translation.topics.set(original.topics.all())
    for position, reference in enumerate(live["references"], start=1):
        Reference.objects.create(article=translation, position=position, **reference)
    publishing.record_revision(
        translation, editor=editor, note=f"Translation of {original.slug} started."
    )
    return translation
