"""What Conversations keeps about a member, as personal-data parts (community/
personal_data.py): posts with their earlier versions and pictures, reactions
given, reports made, notifications and follows. Registered from ForumConfig.ready().

Only the member's own rows: never the text of others' posts, nor reports made
against the member's posts, nor who reported them.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community.emails import absolute_url
from community.personal_data import PersonalDataPart, register
from forum.models import Follow, Notification, Post, Reaction, Report, Revision


def erase_not_written_yet(user, erasure):
    raise NotImplementedError("erase: see account deletion")


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


PARTS = [
    PersonalDataPart(
        name="posts",
        description=_(
            "Every update, question and reply you wrote, whatever its state now "
            "(published, waiting for review, hidden or removed), with the versions "
            "it had before each edit and the name of its picture file."
        ),
        export=export_posts,
        erase=erase_not_written_yet,
        models=(Post, Revision),
        files=post_picture_files,
    ),
    PersonalDataPart(
        name="reactions",
        description=_("The reactions (hug, like, me too) you gave to posts."),
        export=export_reactions,
        erase=erase_not_written_yet,
        models=(Reaction,),
    ),
    PersonalDataPart(
        name="reports",
        description=_(
            "The posts you reported to the moderators, why, and what became of it."
        ),
        export=export_reports,
        erase=erase_not_written_yet,
        models=(Report,),
    ),
    PersonalDataPart(
        name="notifications",
        description=_("The notifications you received, and when you read them."),
        export=export_notifications,
        erase=erase_not_written_yet,
        models=(Notification,),
    ),
    PersonalDataPart(
        name="follows",
        description=_("The conversations you follow."),
        export=export_follows,
        erase=erase_not_written_yet,
        models=(Follow,),
    ),
]


def register_parts():
    for part in PARTS:
        register(part)
