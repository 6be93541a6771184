"""Voting: one vote per member, or per signed-out browser, per poll.

The question and options readers see come from the article's live revision (they
are reviewed content); the vote counts come from the PollOption rows.

Visitors vote with a browser cookie; dropping the cookie would let one person vote
again and again, so visitors' votes are also limited per network address per poll
(FORUM_RATE_LIMITS["visitor_vote"], counted by a keyed hash of the address, in the
cache only). Generous on purpose: libraries and shelters share an address.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from articles import caching
from articles.models import Article, Poll, PollOption, PollVote
from community.limits import check_rate_limit

ALREADY_VOTED = gettext_noop("You have already voted in this poll.")


@transaction.atomic
def cast_vote(
    poll: Poll,
    *,
    option: PollOption,
    member=None,
    browser_key="",
    visitor_key: str | None = None,
) -> PollVote:
    """Record one vote. The unique constraints decide races; counters follow.

    A visitor (no `member`) needs `browser_key` (their cookie) and `visitor_key`
    (the hash of their address); raises RateLimited past the address's limit.
    """
    if (member is None) == (not browser_key):
        raise ValueError("A vote needs exactly one of member or browser_key.")
    if member is None and not visitor_key:
        raise ValueError("A visitor's vote needs a visitor_key for limits.")
    if option.poll_id != poll.pk:
        raise ValidationError(
            gettext_lazy("That option isn't part of this poll."), code="bad_option"
        )
    article = Article.objects.select_related("live_revision").get(pk=poll.article_id)
    if article.status != Article.Status.PUBLISHED or not poll.is_open:
        raise ValidationError(gettext_lazy("This poll is closed."), code="closed")
    # Only options readers were shown: those of the signed-off live revision.
    if option.pk not in article.live_revision.shown.poll_option_ids:
        raise ValidationError(
            gettext_lazy("That option isn't part of this poll."), code="bad_option"
        )
    if member is None:
        # A repeat from the same browser is told so and costs the address nothing.
        if PollVote.objects.filter(poll=poll, browser_key=browser_key).exists():
            raise ValidationError(gettext(ALREADY_VOTED), code="already_voted")
        check_rate_limit(visitor_key, "visitor_vote", scope=poll.pk)
    try:
        with transaction.atomic():
            vote = PollVote.objects.create(
                poll=poll, option=option, member=member, browser_key=browser_key
            )
    except IntegrityError as error:
        raise ValidationError(gettext(ALREADY_VOTED), code="already_voted") from error
    PollOption.objects.filter(pk=option.pk).update(vote_count=F("vote_count") + 1)
    Poll.objects.filter(pk=poll.pk).update(total_votes=F("total_votes") + 1)
    slug = article.slug
    transaction.on_commit(lambda: caching.touch_article(slug))
    return vote


@dataclass(frozen=True)
class VoteShown:
    """The viewer's vote as the article page shows it: which option."""

    option_id: int


@dataclass(frozen=True)
class PollChoice:
    """One option as readers see it: reviewed text, current count."""

    pk: int
    text: str
    vote_count: int

    def percent_of(self, total):
        return round(100 * self.vote_count / total) if total else 0


def shown_choices(poll: Poll, shown) -> list[PollChoice]:
    """The options of `shown` (a revision's ShownContent) with their counts.
    Reads `poll.options.all()`, so prefetch it."""
    counts = {option.pk: option.vote_count for option in poll.options.all()}
    return [
        PollChoice(
            pk=option["id"], text=option["text"], vote_count=counts.get(option["id"], 0)
        )
        for option in shown.poll_options
    ]
