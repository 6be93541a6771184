"""Making members' notifications: the one place they are created for a member's act.

A notification from someone the recipient mutes (or blocks) is dropped here, when
it would be made, so it never reaches their list or their email summary. Moderators'
notices (forum/moderation/notices.py) have no actor and never come through here.
"""

from community.mentions import MAX_MENTIONS, mentioned_members
from community.relations import members_muting
from forum.models import Notification, Status


def notify(recipient_ids, *, actor, kind, post, detail=""):
    muting = members_muting(getattr(actor, "pk", None), recipient_ids)
    recipient_ids = [pk for pk in recipient_ids if pk not in muting]
    if not recipient_ids:
        return
    # Emailed later, in the member's summary if they chose one (forum/digests.py).
    Notification.objects.bulk_create(
        Notification(
            recipient_id=recipient_id, actor=actor, kind=kind, post=post, detail=detail
        )
        for recipient_id in recipient_ids
    )


def notify_mentions(post):
    """Tell the members a published post mentions, each once per post however
    often it is edited, and never more than community.mentions.MAX_MENTIONS per
    post in all. Held posts tell no one until a moderator publishes them."""
    if post.status != Status.PUBLISHED or post.author_id is None:
        return
    mentioned = mentioned_members(post.body, author=post.author)
    if not mentioned:
        return
    already = set(
        Notification.objects.filter(
            post=post, kind=Notification.Kind.MENTION
        ).values_list("recipient_id", flat=True)
    )
    new = [
        member.pk
        for member in mentioned
        if member.pk not in already and member.pk != post.author_id
    ]
    notify(
        new[: max(0, MAX_MENTIONS - len(already))],
        actor=post.author,
        kind=Notification.Kind.MENTION,
        post=post,
    )
