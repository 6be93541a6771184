"""Everyday writes: posting, replying, editing, reacting, following, notifying.

Each action checks permission, validates, counts against rate limits, then writes,
all in one transaction. Status is never set here except through
`moderation.initial_status`; later changes belong to forum/moderation/states.py.
Posting and editing return a `Posted`: the post and what screening its text found,
so the view can offer the author support.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Case, F, When
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from community.compiled_queries import CompiledUpdate
from community.full_clean import full_clean
from community.limits import check_rate_limit, check_rate_limits
from community.mentions import mention_links
from community.sanitize import VERSION as SANITIZER_VERSION
from community.sanitize import render_member_text
from forum import moderation, pictures, search, unread, visitor_questions
from forum.caching import touch_conversation
from forum.models import (
    MAX_DEPTH,
    Conversation,
    Follow,
    Notification,
    Post,
    Reaction,
    Revision,
    Status,
    ids_in_path,
    path_segment,
)
from forum.notify import notify, notify_mentions
from forum.permissions import can_edit_post, can_post, can_react, can_reply


@dataclass(frozen=True)
class Posted:
    """A written post and what screening found in its text."""

    post: Post
    screening: moderation.Screening


PENDING_PICTURE = "pending"  # satisfies the text-or-picture rule until stored


def _render(post, author):
    post.body_html = render_member_text(
        post.body, mention_links=mention_links(post.body, author=author)
    )
    post.sanitizer_version = SANITIZER_VERSION


def _validate(post, *, picture_image):
    if picture_image is not None:
        post.picture = PENDING_PICTURE
    full_clean(post, exclude=["path", "root", "parent", "conversation", "author"])


def _store(post, picture_image):
    if picture_image is None:
        return
    stored = pictures.store_decoded(picture_image)
    post.picture = stored.picture
    post.picture_width, post.picture_height = stored.width, stored.height
    post.thumbnail = stored.thumbnail
    post.thumbnail_width = stored.thumbnail_width
    post.thumbnail_height = stored.thumbnail_height


def _placed_and_indexed(post_id, root_id, path):
    changes = {"path": path, "root_id": root_id, **search.stored_vector()}
    return Post.objects.filter(pk=post_id), changes


# Every new post's one UPDATE: compiled once (community/compiled_queries.py).
_PLACE_AND_INDEX = CompiledUpdate(
    _placed_and_indexed, "post_id", "root_id", texts=("path",)
)


def _place_in_tree_and_index(post, parent):
    """Give a saved post its path and root, store its search vector (one UPDATE),
    and count it in every ancestor."""
    post.path = (parent.path if parent else "") + path_segment(post.pk)
    post.root_id = parent.root_id if parent else post.pk
    _PLACE_AND_INDEX.run(post_id=post.pk, root_id=post.root_id, path=post.path)
    if parent is not None:
        # One statement for every ancestor: descendants +1, direct replies +1.
        Post.objects.filter(pk__in=ids_in_path(parent.path)).update(
            descendant_count=F("descendant_count") + 1,
            reply_count=Case(
                When(pk=parent.pk, then=F("reply_count") + 1),
                default=F("reply_count"),
                output_field=models.PositiveIntegerField(),
            ),
        )


def _create(
    *,
    author,
    conversation,
    kind,
    body,
    picture,
    picture_alt,
    limit,
    parent=None,
    limited_as=None,
):
    picture_image = pictures.decode_picture(picture) if picture else None
    screening = moderation.screen_text(body, author=author)
    moderation.refuse_blocked(screening)
    post = Post(
        conversation=conversation,
        kind=kind,
        author=author,
        body=body,
        picture_alt=picture_alt.strip() if picture else "",
        status=moderation.initial_status(screening, author=author),
        parent=parent,
        depth=parent.depth + 1 if parent else 0,
    )
    _render(post, author)
    _validate(post, picture_image=picture_image)
    uses = [(limited_as or author, limit, "")]
    if author is not None:
        uses.append((author, "post_gap", ""))
    check_rate_limits(*uses)
    _store(post, picture_image)
    post.save()
    _place_in_tree_and_index(post, parent)
    _follow_own_thread(post)
    touch_conversation(post.conversation_id)
    moderation.after_create(post, screening)
    notify_mentions(post)
    return Posted(post, screening)


def _follow_own_thread(post):
    """The author follows the thread they start or reply in (one INSERT that does
    nothing if they already do: no lookup, no savepoint)."""
    if post.author_id is None:
        return
    Follow.objects.bulk_create(
        [Follow(member_id=post.author_id, thread_id=post.root_id)],
        ignore_conflicts=True,
    )


@transaction.atomic
def post_update(*, author, body="", picture=None, picture_alt="") -> Posted:
    """A member's update in the community feed."""
    if not can_post(author):
        raise PermissionDenied
    return _create(
        author=author,
        conversation=Conversation.objects.feed(),
        kind=Post.Kind.UPDATE,
        body=body,
        picture=picture,
        picture_alt=picture_alt,
        limit="update",
    )


@transaction.atomic
def post_comment(
    conversation, *, author, body="", picture=None, picture_alt=""
) -> Posted:
    """A member's top-level post in an attached conversation (e.g. an article's)."""
    conversation = Conversation.objects.get(pk=conversation.pk)
    if not can_post(author) or conversation.is_locked:
        raise PermissionDenied
    return _create(
        author=author,
        conversation=conversation,
        kind=Post.Kind.UPDATE,
        body=body,
        picture=picture,
        picture_alt=picture_alt,
        limit="update",
    )


@transaction.atomic
def ask_question(
    *,
    author,
    body,
    conversation=None,
    visitor_key=None,
    picture=None,
    picture_alt="",
    answer_email="",
    language="",
) -> Posted:
    """A question from a member, or from a visitor (author None; held for review).

    Visitors are limited by `visitor_key` (a hash of their address, never stored)
    and may leave `answer_email`, used once (forum/visitor_questions.py).
    """
    conversation = conversation or Conversation.objects.feed()
    if conversation.is_locked:
        raise PermissionDenied
    if author is None:
        if visitor_key is None:
            raise ValueError("A visitor's question needs a visitor_key for limits.")
        picture = None  # visitors ask in words only
    elif not can_post(author):
        raise PermissionDenied
    posted = _create(
        author=author,
        conversation=conversation,
        kind=Post.Kind.QUESTION,
        body=body,
        picture=picture,
        picture_alt=picture_alt,
        limit="question" if author else "visitor_question",
        limited_as=visitor_key,
    )
    if author is None:
        visitor_questions.remember_address(posted.post, answer_email, language=language)
    return posted


@transaction.atomic
def reply_to_post(parent, *, author, body="", picture=None, picture_alt="") -> Posted:
    parent = Post.objects.select_related("conversation", "root").get(pk=parent.pk)
    if not can_reply(author, parent):
        raise PermissionDenied
    if parent.depth >= MAX_DEPTH:
        raise ValidationError(
            _("This thread is as deep as it can go. Please reply to an earlier post."),
            code="too_deep",
        )
    posted = _create(
        author=author,
        conversation=parent.conversation,
        kind=Post.Kind.REPLY,
        body=body,
        picture=picture,
        picture_alt=picture_alt,
        parent=parent,
        limit="reply",
    )
    _notify_reply(posted.post, parent)
    if posted.post.status == Status.PUBLISHED:
        visitor_questions.answer_published(posted.post, parent.root)
    return posted


@transaction.atomic
def edit_post(
    post, *, editor, body, picture_alt="", picture=None, remove_picture=False
) -> Posted:
    """The author changes their post; the previous version is kept as a Revision."""
    post = Post.objects.select_for_update().get(pk=post.pk)
    if not can_edit_post(editor, post):
        raise PermissionDenied
    previous = Revision(
        post=post,
        editor=editor,
        body=post.body,
        picture=post.picture.name,
        thumbnail=post.thumbnail.name,
        picture_alt=post.picture_alt,
    )
    picture_image = pictures.decode_picture(picture) if picture else None
    screening = moderation.screen_text(body, author=editor)
    moderation.refuse_blocked(screening)
    post.body = body
    if remove_picture and picture_image is None:
        post.picture = post.thumbnail = ""
        post.picture_width = post.picture_height = None
        post.thumbnail_width = post.thumbnail_height = None
    post.picture_alt = picture_alt.strip() if (post.picture or picture_image) else ""
    _render(post, editor)
    _validate(post, picture_image=picture_image)
    check_rate_limit(editor, "edit")
    _store(post, picture_image)
    post.edited_at = timezone.now()
    previous.save()
    post.save()
    search.index_post(post)
    touch_conversation(post.conversation_id)
    moderation.after_edit(post, screening)
    notify_mentions(post)
    return Posted(post, screening)


def reaction_notice_detail(kind) -> str:
    """What a reaction's notification stores: the reaction's English name, a
    fixed key the notification list shows in the reader's language."""
    with translation.override("en"):
        return str(Reaction.Kind(kind).label)


@transaction.atomic
def set_reaction(post, *, member, kind, on: bool) -> Post:
    """Turn one reaction on or off. Safe when the same click arrives twice."""
    kind = Reaction.Kind(kind)
    post = Post.objects.select_related("conversation").get(pk=post.pk)
    if not can_react(member, post):
        raise PermissionDenied
    counter = kind.counter_field
    if on:
        check_rate_limit(member, "reaction")
        try:
            with transaction.atomic():
                Reaction.objects.create(post=post, member=member, kind=kind)
        except IntegrityError:
            return post  # already on: the unique constraint decided
        Post.objects.filter(pk=post.pk).update(**{counter: F(counter) + 1})
        if post.author_id and post.author_id != member.pk:
            notify(
                [post.author_id],
                actor=member,
                kind=Notification.Kind.REACTION,
                post=post,
                detail=reaction_notice_detail(kind),
            )
    else:
        deleted, _by_model = Reaction.objects.filter(
            post=post, member=member, kind=kind
        ).delete()
        if deleted:
            Post.objects.filter(pk=post.pk).update(**{counter: F(counter) - 1})
    post.refresh_from_db(fields=[counter])
    return post


def follow_thread(post, *, member) -> Follow:
    if not can_post(member):
        raise PermissionDenied
    follow, _created = Follow.objects.get_or_create(
        member=member, thread_id=post.root_id
    )
    return follow


def unfollow_thread(post, *, member) -> None:
    Follow.objects.filter(member=member, thread_id=post.root_id).delete()


def mark_notifications_read(*, member) -> int:
    marked = Notification.objects.filter(recipient=member, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    unread.counts_changed(member)
    return marked


def _notify_reply(reply, parent):
    told = {reply.author_id}
    if parent.author_id and parent.author_id not in told:
        notify(
            [parent.author_id],
            actor=reply.author,
            kind=Notification.Kind.REPLY,
            post=reply,
        )
        told.add(parent.author_id)
    followers = (
        Follow.objects.filter(thread_id=reply.root_id)
        .exclude(member_id__in=told)
        .values_list("member_id", flat=True)
    )
    notify(
        list(followers),
        actor=reply.author,
        kind=Notification.Kind.FOLLOWED_REPLY,
        post=reply,
    )
