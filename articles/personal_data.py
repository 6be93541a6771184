"""What Articles keeps about a member, as personal-data parts (community/
personal_data.py): poll votes, and for staff the articles, versions and medical
reviews they wrote. Registered from ArticlesConfig.ready(). Articles written or
signed off by staff who leave keep their byline, which then reads "A former member".
"""

from django.db.models import Q
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from articles import caching
from articles.models import (
    Article,
    ArticleRevision,
    MedicalReview,
    PollVote,
    ReviewerProfile,
)
from community.emails import absolute_url
from community.personal_data import PersonalDataPart, register


def export_poll_votes(user) -> list[dict]:
    # A signed-out browser's vote carries no member, so it can't be anyone's here.
    votes = (
        PollVote.objects.filter(member=user)
        .select_related("poll__article", "option")
        .order_by("created_at")
    )
    return [
        {
            "article": vote.poll.article.title,
            "link": absolute_url(vote.poll.article.get_absolute_url()),
            "question": vote.poll.question,
            "your_answer": vote.option.text,
            "voted_at": vote.created_at,
        }
        for vote in votes
    ]


def _row(what, article, link, at, status, note=""):
    return {
        "what": what,
        "article": article,
        "link": link,
        "at": at,
        "status": status,
        "note": note,
    }


def export_editorial_work(user) -> list[dict]:
    return [
        *_articles_written(user),
        *_versions_saved(user),
        *_medical_reviews(user),
        *_reviewer_profiles(user),
    ]


def _articles_written(user):
    for article in Article.objects.filter(author=user).order_by("created_at"):
        link = absolute_url(article.get_absolute_url())
        yield _row(
            "article_written", article.title, link, article.created_at, article.status
        )


def _versions_saved(user):
    revisions = ArticleRevision.objects.filter(created_by=user).select_related(
        "article"
    )
    for revision in revisions.order_by("created_at", "id"):
        link = absolute_url(revision.article.get_absolute_url())
        yield _row(
            "version_saved",
            revision.title,
            link,
            revision.created_at,
            revision.kind,
            revision.note,
        )


def _medical_reviews(user):
    reviews = MedicalReview.objects.filter(reviewer=user).select_related("article")
    for review in reviews.order_by("signed_at", "id"):
        link = absolute_url(review.article.get_absolute_url())
        yield _row(
            "medical_review",
            review.article.title,
            link,
            review.signed_at,
            review.decision,
            review.notes,
        )


def _reviewer_profiles(user):
    for profile in ReviewerProfile.objects.filter(user=user):
        note = f"{profile.specialty}\n{profile.bio}\n{profile.conflict_of_interest}"
        status = "active" if profile.is_active else "inactive"
        yield _row(
            "reviewer_profile",
            "",
            "",
            profile.disclosure_updated_on,
            status,
            note.strip(),
        )


def erase_poll_votes(user, erasure) -> None:
    """The vote still counts; nothing ties it to the member any more."""
    for vote in PollVote.objects.filter(member=user):
        vote.member = None
        vote.browser_key = "former-member-" + get_random_string(32)
        vote.save(update_fields=["member", "browser_key"])


def erase_reviewer_profile(user, erasure) -> None:
    ReviewerProfile.objects.filter(user=user).update(
        specialty="", bio="", is_active=False
    )


def erase_editorial_work(user, erasure) -> None:
    """Kept: published medical content and its sign-offs are the site's record.
    Their byline now reads "A former member", on pages visitors may have cached.
    """
    slugs = Article.objects.filter(
        Q(author=user) | Q(medical_reviewer=user)
    ).values_list("slug", flat=True)
    caching.touch_article(*slugs)


def erase_editorial_work_and_reviewer_profile(user, erasure) -> None:
    erase_reviewer_profile(user, erasure)
    erase_editorial_work(user, erasure)


PARTS = [
    PersonalDataPart(
        name="poll_votes",
        description=_("Your answers to the polls in articles."),
        export=export_poll_votes,
        erase=erase_poll_votes,
        models=(PollVote,),
    ),
    PersonalDataPart(
        name="editorial_work",
        description=_(
            "For editors and medical reviewers: the articles you wrote, the versions "
            "you saved, your medical reviews and your reviewer profile. Empty for "
            "most members."
        ),
        export=export_editorial_work,
        erase=erase_editorial_work_and_reviewer_profile,
        models=(Article, ArticleRevision, MedicalReview, ReviewerProfile),
    ),
]


def register_parts():
    for part in PARTS:
        register(part)
