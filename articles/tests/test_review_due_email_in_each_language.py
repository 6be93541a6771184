import datetime

import pytest
from django.core import mail
from django.utils import timezone

from articles.models import Article
from articles.tasks import find_reviews_due
from articles.tests.factories import make_published
from community.models import Profile

pytestmark = pytest.mark.django_db


def test_editorial_staff_get_the_reviews_due_email_each_in_their_language(
    editor, medical_reviewer
):
    article = make_published(editor, medical_reviewer, title="Overdue page")
    Article.objects.filter(pk=article.pk).update(
        next_review_due=datetime.date(2026, 11, 3)
    )
    Profile.objects.filter(user=medical_reviewer).update(language="es")
    assert timezone.localdate() > datetime.date(2026, 11, 3)

    find_reviews_due.call()

    by_recipient = {tuple(message.to): message for message in mail.outbox}
    spanish = by_recipient[(medical_reviewer.email,)]
    english = by_recipient[(editor.email,)]
    assert spanish.subject == "Artículos con revisión médica pendiente: 1"
    assert "(revisión pendiente desde el 3 de noviembre de 2026)" in spanish.body
    assert english.subject == "Articles due for medical review: 1"
    assert "(due since November 3, 2026)" in english.body
