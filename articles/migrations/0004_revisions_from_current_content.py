"""Each existing article gets a first revision: its current content.

A published article keeps being served only if its last approval's checksum still
matches its current content; one edited after its sign-off (the bug revisions fix)
goes back to medical review, since the text its reviewer signed no longer exists.
"""

import hashlib
import json

from django.db import migrations

from articles.content import checksum
from articles.rendering import render_markdown

FIELDS = ["title", "summary", "key_takeaways", "body", "disclosure", "sponsor"]


def old_checksum(article, references):
    content = [getattr(article, name) for name in FIELDS] + [
        [(r.text, r.url, r.doi) for r in references]
    ]
    return hashlib.sha256(json.dumps(content).encode()).hexdigest()


def snapshot(article, references, poll, options):
    content = {name: getattr(article, name) for name in FIELDS}
    content["references"] = [
        {"text": r.text, "url": r.url, "doi": r.doi} for r in references
    ]
    content["poll"] = (
        None
        if poll is None
        else {
            "question": poll.question,
            "options": [{"id": o.pk, "text": o.text} for o in options],
        }
    )
    return content


def forwards(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    ArticleRevision = apps.get_model("articles", "ArticleRevision")
    MedicalReview = apps.get_model("articles", "MedicalReview")
    Poll = apps.get_model("articles", "Poll")
    PollOption = apps.get_model("articles", "PollOption")
    Reference = apps.get_model("articles", "Reference")
    for article in Article.objects.all():
        references = list(
            Reference.objects.filter(article=article).order_by("position", "id")
        )
        poll = Poll.objects.filter(article=article).first()
        options = (
            list(PollOption.objects.filter(poll=poll).order_by("position", "id"))
            if poll
            else []
        )
        content = snapshot(article, references, poll, options)
        body_html, toc = render_markdown(content["body"])
        revision = ArticleRevision.objects.create(
            article=article,
            content=content,
            title=content["title"],
            body=content["body"],
            checksum=checksum(content),
            body_html=body_html,
            table_of_contents=toc,
            created_by_id=article.author_id,
            note="The content when revisions began.",
        )
        if article.status != "published":
            continue
        approval = (
            MedicalReview.objects.filter(article=article, decision="approved")
            .order_by("-signed_at", "-id")
            .first()
        )
        if approval and approval.checksum == old_checksum(article, references):
            MedicalReview.objects.filter(pk=approval.pk).update(
                revision=revision, checksum=revision.checksum
            )
            Article.objects.filter(pk=article.pk).update(live_revision=revision)
        else:
            Article.objects.filter(pk=article.pk).update(status="in_review")


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_article_revisions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
