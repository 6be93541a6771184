"""Telling an author what moderation did to their post."""

from forum.models import Notification


def tell_author(post, detail):
    """A notification (emailed in the author's summary, if they chose one);
    visitors' posts have no one to tell."""
    if post.author_id is not None:
        Notification.objects.create(
            recipient_id=post.author_id,
            kind=Notification.Kind.MODERATION,
            post=post,
            detail=detail[:200],
        )
