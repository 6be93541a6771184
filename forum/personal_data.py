"""What Conversations keeps about a member, registered with community.personal_data.

`erase_*` carry out a confirmed account deletion (community/account_deletion.py);
`export_*` give the member a copy. Each erase is idempotent.

Keep mode leaves every post (signed "A former member" once the account is a shell)
and its pictures only if the member chose so; a post that was only a picture then
becomes a tombstone. Remove mode turns every post into the tombstone "Removed by its
author", so replies keep their place: its text, its revisions' text, its pictures
(deleted from storage) and what the review queue noted from it are blanked.
"""

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest

from community.personal_data import ErasureMode, PersonalDataPart, register
from community.sanitize import VISIBLE_CHARACTER
from forum import pictures, search
from forum.caching import touch_conversation
from forum.models import (
    REACTION_COUNTERS,
    CrisisMatch,
    Follow,
    ModerationLog,
    Notification,
    Post,
    QueueItem,
    Reaction,
    Report,
    Revision,
    Status,
)
from forum.moderation.decisions import withdraw_post
from forum.moderation.states import ALLOWED_TRANSITIONS, AUTHOR

# A tombstone still needs visible text (Post's text-or-picture constraint); it is
# never shown to members (forum/visibility.py shows only the status).
TOMBSTONE_TEXT = str(Status.WITHDRAWN.label)
WITHDRAWABLE = frozenset(
    start
    for (start, to), who in ALLOWED_TRANSITIONS.items()
    if to == Status.WITHDRAWN and who == AUTHOR
)


def export_posts(user) -> list[dict]:
    rows = []
    for post in Post.objects.filter(author=user).order_by("created_at", "id"):
        rows.append(
            {
                "id": post.pk,
                "kind": post.kind,
                "status": post.status,
                "created_at": post.created_at.isoformat(),
                "body": post.body,
                "picture": post.picture.name,
                "revisions": list(
                    post.revisions.values("created_at", "body", "picture")
                ),
            }
        )
    return rows


def erase_posts(user, erasure) -> None:
    # By ids: the updates below change what a filter on the posts' fields matches.
    posts = Post.objects.filter(
        pk__in=list(Post.objects.filter(author=user).values_list("pk", flat=True))
    )
    conversations = set(posts.values_list("conversation_id", flat=True))
    if erasure.mode == ErasureMode.REMOVE_EVERYTHING:
        _withdraw(posts.filter(status__in=WITHDRAWABLE), user)
        _delete_pictures(posts)
        _blank(posts)
        QueueItem.objects.filter(post__author=user).update(matched=[])
        CrisisMatch.objects.filter(post__author=user).update(phrase="")
    elif not erasure.keep_pictures:
        picture_only = Post.objects.filter(
            pk__in=list(
                posts.exclude(picture="")
                .exclude(body__regex=VISIBLE_CHARACTER)
                .values_list("pk", flat=True)
            )
        )
        _withdraw(picture_only.filter(status__in=WITHDRAWABLE), user)
        _delete_pictures(posts)
        _blank(picture_only)
    for conversation_id in conversations:
        touch_conversation(conversation_id)


def _withdraw(posts, user):
    """Through the state machine, so the moderation log records each post."""
    for post in posts:
        withdraw_post(post, author=user)


def _delete_pictures(posts):
    """Every stored picture of these posts and of their earlier versions."""
    revisions = Revision.objects.filter(post__in=posts)
    names = [
        name
        for pair in [
            *posts.values_list("picture", "thumbnail"),
            *revisions.values_list("picture", "thumbnail"),
        ]
        for name in pair
        if name
    ]
    posts.exclude(picture="", thumbnail="").filter(
        body__regex=VISIBLE_CHARACTER
    ).update(
        picture="",
        picture_width=None,
        picture_height=None,
        thumbnail="",
        thumbnail_width=None,
        thumbnail_height=None,
        picture_alt="",
    )
    revisions.update(picture="", thumbnail="")
    transaction.on_commit(lambda: pictures.delete_stored(names))


def _blank(posts):
    """The tombstone: nothing left of what the member wrote."""
    posts.update(
        body=TOMBSTONE_TEXT,
        body_html="",
        picture="",
        picture_width=None,
        picture_height=None,
        thumbnail="",
        thumbnail_width=None,
        thumbnail_height=None,
        picture_alt="",
    )
    Revision.objects.filter(post__in=posts).update(
        body="", picture="", thumbnail="", picture_alt=""
    )
    search.index_posts(posts)


def export_reactions(user) -> list[dict]:
    return list(
        Reaction.objects.filter(member=user).values("post_id", "kind", "created_at")
    )


def erase_reactions(user, erasure) -> None:
    reactions = Reaction.objects.filter(member=user)
    for kind, counter in REACTION_COUNTERS.items():
        post_ids = reactions.filter(kind=kind).values_list("post_id", flat=True)
        Post.objects.filter(pk__in=list(post_ids)).update(
            **{counter: Greatest(F(counter) - 1, 0)}
        )
    conversations = set(reactions.values_list("post__conversation_id", flat=True))
    reactions.delete()
    for conversation_id in conversations:
        touch_conversation(conversation_id)


def export_follows(user) -> list[dict]:
    return list(Follow.objects.filter(member=user).values("thread_id", "created_at"))


def erase_follows(user, erasure) -> None:
    Follow.objects.filter(member=user).delete()


def export_notifications(user) -> list[dict]:
    return list(
        Notification.objects.filter(recipient=user).values(
            "kind", "post_id", "detail", "created_at", "read_at"
        )
    )


def erase_notifications(user, erasure) -> None:
    Notification.objects.filter(recipient=user).delete()


def export_reports(user) -> list[dict]:
    return list(
        Report.objects.filter(reporter=user).values(
            "post_id", "reason", "note", "state", "created_at"
        )
    )


def erase_reports(user, erasure) -> None:
    """Kept for the moderators' record; in remove mode, without the member's note
    (a report of reason "other" must have one, so it gets the tombstone's)."""
    if erasure.mode == ErasureMode.REMOVE_EVERYTHING:
        Report.objects.filter(reporter=user).exclude(note="").update(
            note=TOMBSTONE_TEXT
        )


def export_moderation_log(user) -> list[dict]:
    return list(
        ModerationLog.objects.filter(member=user).values(
            "at", "action", "post_id", "from_status", "to_status", "reason"
        )
    )


def erase_moderation_log(user, erasure) -> None:
    """Kept: append-only, and it never copies member text. Its entries now point
    at the account's shell, whose only name is the deletion's pseudonym."""


def register_parts() -> None:
    parts = [
        ("posts", "Every post you wrote, with its earlier versions and state.",
         export_posts, erase_posts, (Post, Revision, QueueItem, CrisisMatch)),
        ("reactions", "The reactions you gave.",
         export_reactions, erase_reactions, (Reaction,)),
        ("follows", "The conversations you follow.",
         export_follows, erase_follows, (Follow,)),
        ("notifications", "Your notifications.",
         export_notifications, erase_notifications, (Notification,)),
        ("reports", "The posts you reported, and why.",
         export_reports, erase_reports, (Report,)),
        ("moderation_log", "Moderation decisions about you and your posts.",
         export_moderation_log, erase_moderation_log, (ModerationLog,)),
    ]  # fmt: skip
    for name, description, export, erase, models in parts:
        register(
            PersonalDataPart(
                name=name,
                description=description,
                export=export,
                erase=erase,
                models=models,
            )
        )
