"""Members old enough, with published posts, to write private messages."""

from datetime import timedelta

from django.utils import timezone

from community.models import Profile
from forum.models import Post, Status
from forum.tests.factories import make_update


def make_established(member, *, posts=2):
    """A week-old account with `posts` published updates."""
    type(member).objects.filter(pk=member.pk).update(
        date_joined=timezone.now() - timedelta(days=8)
    )
    member.refresh_from_db()
    for number in range(posts):
        post = make_update(member, body=f"Checking in, day {number + 1}.")
        Post.objects.filter(pk=post.pk).update(status=Status.PUBLISHED)
    return member


def accept_messages_from_anyone(member):
    Profile.objects.filter(user=member).update(
        who_may_message=Profile.WhoMayMessage.ANYONE
    )
