"""What Conversations keeps about a member, as personal-data parts (community/
personal_data.py): posts with their earlier versions and pictures, reactions
given, reports made, notifications and follows. Registered from ForumConfig.ready().

Erasing (a confirmed account deletion, community/account_deletion.py): keep mode
leaves every post (signed "A former member" once the account is a shell) and its
pictures only if the member chose so; a post that was only a picture then becomes a
tombstone. Remove mode turns every post into the tombstone "Removed by its author",
so replies keep their place: its text, its revisions' text, its pictures (deleted
from storage) and what the review queue noted from it are blanked.

Only the member's own rows: never the text of others' posts, nor reports made
against the member's posts, nor who reported them.
"""

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community.emails import absolute_url
from community.personal_data import ErasureMode, PersonalDataPart, register
from community.sanitize import VISIBLE_CHARACTER
from forum import pictures, search
from forum.caching import touch_conversation
from forum.message_personal_data import PRIVATE_MESSAGES_PART
from forum.models import (
    REACTION_COUNTERS,
    CrisisMatch,
    Follow,
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


def post_link(post_id) -> str:
    return absolute_url(reverse("forum:post_detail", args=[post_id]))


def _revision_row(revision, user) -> dict:
    return {
        "saved_at": revision.created_at,
        "text": revision.body,
        "picture_file": revision.picture or None,
        "picture_description": revision.picture_alt,
        "edited_by_you": revision.editor_id == user.pk,
    }


def export_posts(user) -> list[dict]:
    posts = (
        Post.objects.filter(author=user)
        .select_related("conversation")
        .prefetch_related("revisions")
        .order_by("created_at", "id")
    )
    return [
        {
            "post_id": post.pk,
            "link": post_link(post.pk),
            "kind": post.kind,
            "conversation": str(post.conversation),
            "in_reply_to_post_id": post.parent_id,
            "written_at": post.created_at,
            "last_edited_at": post.edited_at,
            "status": post.status,
            "status_explained": str(post.get_status_display()),
            "moderators_note": post.status_reason,
            "text": post.body,
            "picture_file": post.picture.name or None,
            "picture_description": post.picture_alt,
            # Oldest first: how the post read before each edit.
            "earlier_versions": [
                _revision_row(revision, user)
                for revision in sorted(
                    post.revisions.all(), key=lambda r: (r.created_at, r.pk)
                )
            ],
        }
        for post in posts
    ]


def post_picture_files(user) -> list[str]:
    current = Post.objects.filter(author=user).exclude(picture="")
    earlier = Revision.objects.filter(post__author=user).exclude(picture="")
    return [
        *current.order_by("id").values_list("picture", flat=True),
        *earlier.order_by("id").values_list("picture", flat=True),
    ]


def export_reactions(user) -> list[dict]:
    return [
        {
            "reaction": reaction.kind,
            "post_id": reaction.post_id,
            "link": post_link(reaction.post_id),
            "reacted_at": reaction.created_at,
        }
        for reaction in Reaction.objects.filter(member=user).order_by("created_at")
    ]


def export_reports(user) -> list[dict]:
    return [
        {
            "reason": report.reason,
            "reason_explained": str(report.get_reason_display()),
            "your_note": report.note,
            "post_id": report.post_id,
            "link": post_link(report.post_id),
            "outcome": report.state,
            "reported_at": report.created_at,
            "resolved_at": report.resolved_at,
        }
        for report in Report.objects.filter(reporter=user).order_by("created_at")
    ]


def export_notifications(user) -> list[dict]:
    notifications = (
        Notification.objects.filter(recipient=user)
        .select_related("actor")
        .order_by("created_at", "id")
    )
    return [
        {
            "kind": notification.kind,
            "what_happened": str(notification.get_kind_display()),
            "by_member": notification.actor.display_name
            if notification.actor
            else None,
            "post_id": notification.post_id,
            "link": post_link(notification.post_id),
            "details": notification.detail,
            "sent_at": notification.created_at,
            "read_at": notification.read_at,
        }
        for notification in notifications
    ]


def export_follows(user) -> list[dict]:
    return [
        {
            "thread_post_id": follow.thread_id,
            "link": post_link(follow.thread_id),
            "followed_at": follow.created_at,
        }
        for follow in Follow.objects.filter(member=user).order_by("created_at")
    ]


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


def erase_follows(user, erasure) -> None:
    Follow.objects.filter(member=user).delete()


def erase_notifications(user, erasure) -> None:
    Notification.objects.filter(recipient=user).delete()


def erase_reports(user, erasure) -> None:
    """Kept for the moderators' record; in remove mode, without the member's note
    (a report of reason "other" must have one, so it gets the tombstone's)."""
    if erasure.mode == ErasureMode.REMOVE_EVERYTHING:
        Report.objects.filter(reporter=user).exclude(note="").update(
            note=TOMBSTONE_TEXT
        )


PARTS = [
    PersonalDataPart(
        name="posts",
        description=_(
            "Every update, question and reply you wrote, whatever its state now "
            "(published, waiting for review, hidden or removed), with the versions "
            "it had before each edit and the name of its picture file."
        ),
        export=export_posts,
        erase=erase_posts,
        models=(Post, Revision),
        files=post_picture_files,
    ),
    PersonalDataPart(
        name="reactions",
        description=_("The reactions (hug, like, me too) you gave to posts."),
        export=export_reactions,
        erase=erase_reactions,
        models=(Reaction,),
    ),
    PersonalDataPart(
        name="reports",
        description=_(
            "The posts you reported to the moderators, why, and what became of it."
        ),
        export=export_reports,
        erase=erase_reports,
        models=(Report,),
    ),
    PersonalDataPart(
        name="notifications",
        description=_("The notifications you received, and when you read them."),
        export=export_notifications,
        erase=erase_notifications,
        models=(Notification,),
    ),
    PersonalDataPart(
        name="follows",
        description=_("The conversations you follow."),
        export=export_follows,
        erase=erase_follows,
        models=(Follow,),
    ),
    PRIVATE_MESSAGES_PART,
]


def register_parts():
    for part in PARTS:
        register(part)
