"""What Articles keeps about a member, registered with community.personal_data.

`erase_*` carry out a confirmed account deletion (community/account_deletion.py);
`export_*` give the member a copy. Each erase is idempotent. Articles written or
signed off by staff who leave keep their byline, which then reads "A former member".
"""

from django.db.models import Q
from django.utils.crypto import get_random_string

from articles import caching
from articles.models import (
    Article,
    ArticleRevision,
    MedicalReview,
    PollVote,
    ReviewerProfile,
)
from community.personal_data import PersonalDataPart, register


def export_poll_votes(user) -> list[dict]:
    return list(
        PollVote.objects.filter(member=user).values(
            "poll__question", "option__text", "created_at"
        )
    )


def erase_poll_votes(user, erasure) -> None:
    """The vote still counts; nothing ties it to the member any more."""
    for vote in PollVote.objects.filter(member=user):
        vote.member = None
        vote.browser_key = "former-member-" + get_random_string(32)
        vote.save(update_fields=["member", "browser_key"])


def export_reviewer_profile(user) -> list[dict]:
    return list(
        ReviewerProfile.objects.filter(user=user).values(
            "specialty", "bio", "conflict_of_interest", "disclosure_updated_on"
        )
    )


def erase_reviewer_profile(user, erasure) -> None:
    ReviewerProfile.objects.filter(user=user).update(
        specialty="", bio="", is_active=False
    )


def export_editorial_work(user) -> list[dict]:
    return list(
        Article.objects.filter(Q(author=user) | Q(medical_reviewer=user)).values(
            "slug", "status", "first_published_at"
        )
    )


def erase_editorial_work(user, erasure) -> None:
    """Kept: published medical content and its sign-offs are the site's record.
    Their byline now reads "A former member", on pages visitors may have cached.
    """
    slugs = Article.objects.filter(
        Q(author=user) | Q(medical_reviewer=user)
    ).values_list("slug", flat=True)
    caching.touch_article(*slugs)


def register_parts() -> None:
    register(
        PersonalDataPart(
            name="poll_votes",
            description="The polls you voted in, and your answers.",
            export=export_poll_votes,
            erase=erase_poll_votes,
            models=(PollVote,),
        )
    )
    register(
        PersonalDataPart(
            name="editorial_work",
            description="Articles you wrote or medically reviewed.",
            export=export_editorial_work,
            erase=erase_editorial_work,
            models=(Article, ArticleRevision, MedicalReview),
        )
    )
    register(
        PersonalDataPart(
            name="reviewer_profile",
            description="Your medical reviewer profile, if you have one.",
            export=export_reviewer_profile,
            erase=erase_reviewer_profile,
            models=(ReviewerProfile,),
        )
    )
