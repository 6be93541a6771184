"""The article part of an article page is kept per value (articles/article_block.py):
every change a reader could see shows at once, and the part reads nothing else."""

import copy

import pytest
from django.conf import settings
from django.test import override_settings

from articles.models import ReviewerProfile, Topic
from articles.tests.factories import make_published
from community.models import Profile

pytestmark = pytest.mark.django_db


def _page(client, article):
    return client.get(article.get_absolute_url()).content.decode()


def test_every_change_to_what_the_article_shows_appears_at_once(
    client, member, editor, medical_reviewer
):
    article = make_published(editor, medical_reviewer, title="Starting methadone")
    topic = Topic.objects.create(name="Medications", slug="medications")
    article.topics.add(topic)
    ReviewerProfile.objects.create(user=medical_reviewer, conflict_of_interest="None.")
    client.force_login(member)
    assert "Avery Chen, PharmD" in _page(client, article)

    medical_reviewer.display_name = "Avery Chen-Moss"
    medical_reviewer.save(update_fields=["display_name"])
    Profile.objects.filter(user=medical_reviewer).update(credentials="PharmD, BCPP")
    ReviewerProfile.objects.filter(user=medical_reviewer).update(
        conflict_of_interest="Speaker fees from a clinic."
    )
    Topic.objects.filter(pk=topic.pk).update(name="Medicines")
    html = _page(client, article)

    assert "Avery Chen-Moss, PharmD, BCPP" in html
    assert "Speaker fees from a clinic." in html
    assert ">Medicines</a>" in html


def test_the_article_part_reads_only_what_its_value_holds(
    client, member, editor, medical_reviewer
):
    """A name the part reads that its value lacks would render as nothing."""
    article = make_published(editor, medical_reviewer, title="Starting methadone")
    article.topics.add(Topic.objects.create(name="Medications", slug="medications"))
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["string_if_invalid"] = "MISSING(%s)"
    client.force_login(member)

    with override_settings(TEMPLATES=templates):
        html = _page(client, article)

    article_part = html.split('<article class="article"')[1].split("</article>")[0]
    assert "Starting methadone" in article_part
    assert "MISSING" not in article_part
