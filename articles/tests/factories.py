"""Plain factories that go through the real publishing actions."""

from django.utils.text import slugify

from articles import publishing
from articles.models import Article, Poll, PollOption, Reference


def make_draft(editor, *, title="Starting buprenorphine", references=1, **fields):
    slug = fields.pop("slug", slugify(title))
    article = Article(
        title=title,
        slug=slug[:200],
        summary=fields.pop("summary", "A plain-language summary."),
        key_takeaways=fields.pop(
            "key_takeaways", ["First point.", "Second point.", "Third point."]
        ),
        body=fields.pop("body", "## What to expect\n\nSome words."),
        **fields,
    )
    publishing.save_article(article, editor=editor)
    for number in range(references):
        Reference.objects.create(
            article=article,
            position=number + 1,
            text=f"Reference {number + 1}. Accessed 2026.",
            url=f"https://example.org/ref/{number + 1}",
        )
    return article


def make_published(editor, reviewer, **fields):
    article = make_draft(editor, **fields)
    publishing.submit_for_review(article, editor=editor)
    return publishing.approve_article(article, reviewer=reviewer, notes="Looks right.")


def make_poll(article, options=("Dose", "Cravings", "Sleep")):
    """A poll; on a published article it is reviewed content, so the article's
    reviewer signs off the new revision before readers see it."""
    poll = Poll.objects.create(article=article, question="What do you want to discuss?")
    for position, text in enumerate(options, start=1):
        PollOption.objects.create(poll=poll, position=position, text=text)
    if article.status == Article.Status.PUBLISHED:
        publish_change(article)
    return poll


def publish_change(article):
    """Record the working copy of a published article and have its reviewer sign
    it off, as an editor and a reviewer would."""
    article.refresh_from_db()
    publishing.record_revision(article, editor=article.author)
    return publishing.approve_article(
        article, reviewer=article.medical_reviewer, notes="Change reviewed."
    )
