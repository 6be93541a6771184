"""Medically reviewed articles, their sign-offs and their polls.

One module per concern: articles, topics and references (`articles`), append-only
revisions, medical sign-offs and reviewer profiles (`revisions_and_reviews`), and
polls (`polls`). Import from `articles.models`; every public name is here.
"""

from articles.models.articles import (
    Article,
    ArticleQuerySet,
    EditorialState,
    Reference,
    Topic,
)
from articles.models.polls import Poll, PollOption, PollVote
from articles.models.revisions_and_reviews import (
    AppendOnly,
    AppendOnlyQuerySet,
    ArticleRevision,
    MedicalReview,
    ReviewerProfile,
)

__all__ = [
    "AppendOnly",
    "AppendOnlyQuerySet",
    "Article",
    "ArticleQuerySet",
    "ArticleRevision",
    "EditorialState",
    "MedicalReview",
    "Poll",
    "PollOption",
    "PollVote",
    "Reference",
    "ReviewerProfile",
    "Topic",
]
