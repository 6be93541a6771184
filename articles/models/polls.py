"""An article's poll, its options and the votes (one per member or browser).
The voting rules live in articles/polls.py.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Poll(models.Model):
    article = models.OneToOneField(
        "Article", on_delete=models.CASCADE, related_name="poll"
    )
    question = models.CharField(max_length=200)
    closes_on = models.DateField(null=True, blank=True)
    total_votes = models.PositiveIntegerField(default=0, editable=False)

    def __str__(self):
        return self.question

    @property
    def is_open(self):
        return self.closes_on is None or timezone.localdate() <= self.closes_on


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    position = models.PositiveSmallIntegerField(default=1)
    text = models.CharField(max_length=120)
    vote_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self):
        return self.text

    def percent_of(self, total):
        return round(100 * self.vote_count / total) if total else 0


class PollVoteQuerySet(models.QuerySet):
    def cast_by(self, *, member=None, browser_key=""):
        """The votes of one viewer: a signed-in member, else a browser's key."""
        if member is not None and member.is_authenticated:
            return self.filter(member=member)
        if browser_key:
            return self.filter(browser_key=browser_key)
        return self.none()


class PollVote(models.Model):
    """One vote: a member's, or a signed-out browser's (by a random cookie id)."""

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="votes")
    option = models.ForeignKey(PollOption, on_delete=models.CASCADE, related_name="+")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE
    )
    browser_key = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PollVoteQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["poll", "member"],
                condition=Q(member__isnull=False),
                name="poll_one_vote_per_member",
                violation_error_message=_("You have already voted in this poll."),
            ),
            models.UniqueConstraint(
                fields=["poll", "browser_key"],
                condition=~Q(browser_key=""),
                name="poll_one_vote_per_browser",
                violation_error_message=_(
                    "This browser has already voted in this poll."
                ),
            ),
            models.CheckConstraint(
                name="poll_vote_has_exactly_one_voter",
                condition=(Q(member__isnull=False) & Q(browser_key=""))
                | (Q(member__isnull=True) & ~Q(browser_key="")),
                violation_error_message=_("A vote belongs to a member or a browser."),
            ),
        ]

    def __str__(self):
        return f"Vote in poll {self.poll_id}"
