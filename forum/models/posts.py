"""Posts in Conversations, and the tree paths that order them.

A Conversation is a container: the community feed, or one attached to something
else (an article) through a generic relation, so forum never knows about articles.
Posts form a tree stored as parent + root + depth + an immutable materialised path,
so one page of any conversation loads in a fixed number of queries.
"""

import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import IsNull
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from community.compiled_queries import CompiledQuery
from community.models import TimeStamped
from community.sanitize import VISIBLE_CHARACTER
from community.url_patterns import url_with_id

# The update rule's one home is the CheckConstraint on Post below.
TEXT_OR_PICTURE_MESSAGE = _("All updates must be accompanied by text or a picture.")

# Tree paths: one fixed-width base-36 segment per ancestor and the post itself,
# so string order is tree order and a prefix selects a subtree.
PATH_SEGMENT_WIDTH = 8
MAX_DEPTH = 60
_TREE_PATH = re.compile(rf"(?:[0-9a-z]{{{PATH_SEGMENT_WIDTH}}}){{1,{MAX_DEPTH + 1}}}")


def path_segment(post_id: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    value, out = post_id, ""
    while value:
        value, remainder = divmod(value, 36)
        out = digits[remainder] + out
    return out.rjust(PATH_SEGMENT_WIDTH, "0")


def tree_path_or_none(raw: str | None) -> str | None:
    """`raw` if it is shaped like a tree path (a page's `from` or `after`), else
    None: a value from a URL is compared with stored paths only once it is."""
    if raw and _TREE_PATH.fullmatch(raw):
        return raw
    return None


def ids_in_path(path: str) -> list[int]:
    return [
        int(path[i : i + PATH_SEGMENT_WIDTH], 36)
        for i in range(0, len(path), PATH_SEGMENT_WIDTH)
    ]


class Status(models.TextChoices):
    HELD = "held", _("Waiting for review")
    PUBLISHED = "published", pgettext_lazy("post status", "Published")
    HIDDEN_REPORTS = (
        "hidden_reports",
        _("Hidden while a moderator reviews it"),
    )
    HIDDEN = "hidden", _("Hidden by a moderator")
    REJECTED = "rejected", _("Not approved")
    WITHDRAWN = "withdrawn", _("Removed by its author")
    REMOVED = "removed", _("Removed by a moderator")


# Pages read a conversation on every request: compiled once per process.
_THE_FEED = CompiledQuery(
    lambda: Conversation.objects.filter(kind=Conversation.Kind.FEED)
)
_BY_PK = CompiledQuery(lambda pk: Conversation.objects.filter(pk=pk), "pk")


class ConversationQuerySet(models.QuerySet):
    def feed(self):
        """The one community feed, made on first use."""
        if found := _THE_FEED.instances():
            return found[0]
        feed, _created = self.get_or_create(
            kind=Conversation.Kind.FEED, defaults={"title": "Community updates"}
        )
        return feed

    def by_pk(self, pk):
        """Conversation `pk` for a page, or None."""
        found = _BY_PK.instances(pk=pk)
        return found[0] if found else None


class Conversation(TimeStamped):
    class Kind(models.TextChoices):
        FEED = "feed", _("Community feed")
        ATTACHED = "attached", _("Attached conversation")

    kind = models.CharField(max_length=20, choices=Kind, default=Kind.ATTACHED)
    title = models.CharField(max_length=200, blank=True)
    host_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT
    )
    host_id = models.PositiveBigIntegerField(null=True, blank=True)
    host = GenericForeignKey("host_type", "host_id")
    is_locked = models.BooleanField(
        default=False,
        help_text=_("Locked conversations take no new posts or replies."),
    )

    objects = ConversationQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="conversation_feed_never_locked",
                condition=~Q(kind="feed", is_locked=True),
                violation_error_message=_(
                    "The community feed can't be locked. Lock a post's thread instead."
                ),
            ),
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind="feed"),
                name="conversation_single_feed",
            ),
            models.UniqueConstraint(
                fields=["host_type", "host_id"], name="conversation_one_per_host"
            ),
        ]

    def __str__(self):
        return self.title or f"Conversation {self.pk}"

    def get_absolute_url(self):
        if self.kind == self.Kind.FEED:
            return reverse("forum:feed")
        if self.host is not None and hasattr(self.host, "get_absolute_url"):
            return self.host.get_absolute_url()
        return url_with_id("forum:conversation_detail", self.pk)


class PostQuerySet(models.QuerySet):
    # The rule itself lives in forum/visibility.py, which reads Status from here.

    def visible_to(self, user):
        """The posts `user` may see, some perhaps only as a placeholder."""
        from forum import visibility

        return visibility.visible(self, user)

    def readable_by(self, user):
        """The posts whose text, pictures and history `user` may read."""
        from forum import visibility

        return visibility.readable(self, user)


class Post(TimeStamped):
    class Kind(models.TextChoices):
        UPDATE = "update", pgettext_lazy("kind of post", "Update")
        QUESTION = "question", pgettext_lazy("kind of post", "Question")
        REPLY = "reply", pgettext_lazy("kind of post", "Reply")

    # Indexed with `path` (post_conversation_path) rather than alone.
    conversation = models.ForeignKey(
        Conversation, on_delete=models.PROTECT, related_name="posts", db_index=False
    )
    kind = models.CharField(max_length=20, choices=Kind)
    # Null only for a visitor's question: visitors have no account.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="posts",
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # Indexed with `path` (post_root_path) rather than alone.
    root = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    depth = models.PositiveSmallIntegerField(default=0)
    path = models.CharField(max_length=PATH_SEGMENT_WIDTH * (MAX_DEPTH + 1), blank=True)
    reply_count = models.PositiveIntegerField(default=0)
    descendant_count = models.PositiveIntegerField(default=0)

    body = models.TextField(blank=True, max_length=10_000)
    body_html = models.TextField(blank=True, editable=False)
    sanitizer_version = models.PositiveSmallIntegerField(default=0, editable=False)
    picture = models.FileField(blank=True, max_length=200)
    picture_width = models.PositiveIntegerField(null=True, blank=True)
    picture_height = models.PositiveIntegerField(null=True, blank=True)
    thumbnail = models.FileField(blank=True, max_length=200)
    thumbnail_width = models.PositiveIntegerField(null=True, blank=True)
    thumbnail_height = models.PositiveIntegerField(null=True, blank=True)
    picture_alt = models.CharField(_("picture description"), max_length=300, blank=True)

    status = models.CharField(max_length=20, choices=Status, default=Status.PUBLISHED)
    # Why a moderator (or the report rule) changed the status; shown to the author.
    status_reason = models.CharField(max_length=500, blank=True)
    # Pinned: first in its conversation's list. Locked: the thread takes no replies.
    pinned_at = models.DateTimeField(null=True, blank=True)
    locked_at = models.DateTimeField(null=True, blank=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    # Written by forum.search.index_post with the text (PostgreSQL; GIN-indexed).
    search_vector = SearchVectorField(null=True, blank=True, editable=False)

    hug_count = models.PositiveIntegerField(default=0)
    like_count = models.PositiveIntegerField(default=0)
    me_too_count = models.PositiveIntegerField(default=0)

    objects = PostQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="post_has_text_or_picture",
                condition=Q(body__regex=VISIBLE_CHARACTER) | ~Q(picture=""),
                violation_error_message=TEXT_OR_PICTURE_MESSAGE,
            ),
            models.CheckConstraint(
                name="post_author_unless_visitor_question",
                condition=Q(author__isnull=False) | Q(kind="question", depth=0),
                violation_error_message=_(
                    "Only a visitor's question may lack an author."
                ),
            ),
            models.CheckConstraint(
                name="post_replies_have_a_parent",
                condition=Q(
                    depth=0, parent__isnull=True, kind__in=["update", "question"]
                )
                | Q(depth__gt=0, parent__isnull=False, kind="reply"),
                violation_error_message=_("A reply needs the post it answers."),
            ),
            models.CheckConstraint(
                name="post_only_threads_pin_or_lock",
                condition=Q(depth=0)
                | Q(pinned_at__isnull=True, locked_at__isnull=True),
                violation_error_message=(
                    _("Only a thread's first post can be pinned or locked.")
                ),
            ),
        ]
        indexes = [
            models.Index(
                fields=["conversation", "-created_at", "-id"],
                name="post_top_level_recent",
                condition=Q(depth=0),
            ),
            # A list's first page: pinned posts first (forum/threads.py). IS NULL
            # rather than NULLS LAST, which SQLite's indexes don't take.
            models.Index(
                F("conversation"),
                IsNull(F("pinned_at"), True),
                F("pinned_at").desc(),
                F("created_at").desc(),
                F("id").desc(),
                name="post_top_level_pinned_first",
                condition=Q(depth=0),
            ),
            models.Index(
                fields=["-created_at", "-id"],
                name="post_questions_recent",
                condition=Q(kind="question", depth=0),
            ),
            models.Index(fields=["root", "path"], name="post_root_path"),
            # A conversation in tree order (the print view and its fingerprint):
            # its first page read from the index, not the whole conversation sorted.
            models.Index(
                fields=["conversation", "path"], name="post_conversation_path"
            ),
            models.Index(fields=["author", "-created_at"], name="post_author_recent"),
            models.Index(
                fields=["status", "created_at"],
                name="post_held_oldest",
                condition=Q(status=Status.HELD),
            ),
            # The moderation queue's "recently hidden or removed" list.
            models.Index(
                fields=["-updated_at"],
                name="post_recently_actioned",
                condition=Q(status__in=[Status.HIDDEN, Status.REMOVED]),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.pk}"

    def get_absolute_url(self):
        return url_with_id("forum:post_detail", self.pk)

    @property
    def is_visitor_question(self):
        return self.author_id is None

    @property
    def thread_locked_at(self):
        """When this post's thread was locked (its first post holds the lock)."""
        if self.root_id is None or self.root_id == self.pk:
            return self.locked_at
        return self.root.locked_at


class Revision(models.Model):
    """The text and picture a post had before an edit. Every edit keeps one."""

    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="revisions")
    editor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    body = models.TextField(blank=True)
    picture = models.CharField(max_length=200, blank=True)
    thumbnail = models.CharField(max_length=200, blank=True)
    picture_alt = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Revision of post {self.post_id} at {self.created_at:%Y-%m-%d %H:%M}"
