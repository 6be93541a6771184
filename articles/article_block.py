"""The article itself, as its page shows it: every value the page's article part
reads, and nothing else, as one hashable value.

The article part (title and byline to the review dates) is the same for every
reader in a language and zone, and rendering it cost ~2.5 ms of a member's ~20 ms
article page on the benchmark machine. The page keeps its HTML per process with
`{% once_per_language block=article_block %}` (community/fragments.py), keyed by
this value: publishing, a new reviewer's name or credentials, a renamed topic, a
new day that makes a review due, each gives another value, so a kept part can't
go stale and nothing needs invalidating. Dates are the reader's local dates, so
the zone is in the value too.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from articles.translations import LanguageVersion


@dataclass(frozen=True)
class Reference:
    text: str
    link: str
    doi: str
    url: str


@dataclass(frozen=True)
class Heading:
    id: str
    name: str


@dataclass(frozen=True)
class ArticleBlock:
    is_preview: bool
    status_label: str
    language: str
    title: str
    sponsor: str
    other_version: LanguageVersion | None
    reviewer_id: int | None
    reviewer_name: str
    reviewer_credentials: str
    reviewer_conflicts: str | None  # None: no reviewer profile to quote
    author_name: str
    published_on: date | None
    updated_on: date | None  # shown only when the content changed on a later day
    topics: tuple  # (name, url) pairs
    key_takeaways: tuple
    summary: str
    table_of_contents: tuple  # Headings
    body_html: str
    shows_crisis_note: bool
    references: tuple  # References
    disclosure: str
    last_reviewed_on: date | None
    is_review_due: bool
    next_review_due: date | None

    @classmethod
    def of(cls, article, shown, *, is_preview, other_version):
        reviewer = article.medical_reviewer
        profile = getattr(reviewer, "profile", None) if reviewer else None
        reviewer_profile = getattr(reviewer, "reviewer_profile", None)
        return cls(
            is_preview=is_preview,
            status_label=str(article.get_status_display()),
            language=article.language,
            title=shown.title,
            sponsor=shown.sponsor,
            other_version=other_version,
            reviewer_id=article.medical_reviewer_id,
            reviewer_name=reviewer.display_name if reviewer else "",
            reviewer_credentials=profile.credentials if profile else "",
            reviewer_conflicts=(
                reviewer_profile.conflict_of_interest if reviewer_profile else None
            ),
            author_name=article.author.display_name,
            published_on=_local_date(article.first_published_at),
            updated_on=(
                _local_date(article.content_changed_at) if article.is_updated else None
            ),
            topics=tuple(
                (topic.name, topic.get_absolute_url()) for topic in article.topics.all()
            ),
            key_takeaways=tuple(shown.key_takeaways),
            summary=shown.summary,
            table_of_contents=tuple(
                Heading(heading["id"], heading["name"])
                for heading in shown.table_of_contents
            ),
            body_html=shown.body_html,
            shows_crisis_note=article.shows_crisis_note,
            references=tuple(
                Reference(ref.text, ref.link, ref.doi, ref.url)
                for ref in shown.references
            ),
            disclosure=shown.disclosure,
            last_reviewed_on=article.last_reviewed_on,
            is_review_due=article.is_review_due,
            next_review_due=article.next_review_due,
        )


def _local_date(moment):
    return timezone.localdate(moment) if moment else None
