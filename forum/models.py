"""Everything members (and visitors) write: one Post model in Conversations.

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

from community.models import TimeStamped
from community.sanitize import VISIBLE_CHARACTER

# The update rule's one home is the CheckConstraint on Post below.
TEXT_OR_PICTURE_MESSAGE = "All updates must be accompanied by text or a picture."

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
    HELD = "held", "Waiting for review"
    PUBLISHED = "published", "Published"
    HIDDEN_REPORTS = "hidden_reports", "Hidden while a moderator reviews it"
    HIDDEN = "hidden", "Hidden by a moderator"
    REJECTED = "rejected", "Not approved"
    WITHDRAWN = "withdrawn", "Removed by its author"
    REMOVED = "removed", "Removed by a moderator"


class ConversationQuerySet(models.QuerySet):
    def feed(self):
        """The one community feed, made on first use."""
        feed, _ = self.get_or_create(
            kind=Conversation.Kind.FEED, defaults={"title": "Community updates"}
        )
        return feed


class Conversation(TimeStamped):
    class Kind(models.TextChoices):
        FEED = "feed", "Community feed"
        ATTACHED = "attached", "Attached conversation"

    kind = models.CharField(max_length=20, choices=Kind, default=Kind.ATTACHED)
    title = models.CharField(max_length=200, blank=True)
    host_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT
    )
    host_id = models.PositiveBigIntegerField(null=True, blank=True)
    host = GenericForeignKey("host_type", "host_id")
    is_locked = models.BooleanField(
        default=False, help_text="Locked conversations take no new posts or replies."
    )

    objects = ConversationQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="conversation_feed_never_locked",
                condition=~Q(kind="feed", is_locked=True),
                violation_error_message=(
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
        return reverse("forum:conversation_detail", args=[self.pk])


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
        UPDATE = "update", "Update"
        QUESTION = "question", "Question"
        REPLY = "reply", "Reply"

    conversation = models.ForeignKey(
        Conversation, on_delete=models.PROTECT, related_name="posts"
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
    root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
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
    picture_alt = models.CharField("picture description", max_length=300, blank=True)

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
                violation_error_message="Only a visitor's question may lack an author.",
            ),
            models.CheckConstraint(
                name="post_replies_have_a_parent",
                condition=Q(
                    depth=0, parent__isnull=True, kind__in=["update", "question"]
                )
                | Q(depth__gt=0, parent__isnull=False, kind="reply"),
                violation_error_message="A reply needs the post it answers.",
            ),
            models.CheckConstraint(
                name="post_only_threads_pin_or_lock",
                condition=Q(depth=0)
                | Q(pinned_at__isnull=True, locked_at__isnull=True),
                violation_error_message=(
                    "Only a thread's first post can be pinned or locked."
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
            models.Index(fields=["author", "-created_at"], name="post_author_recent"),
            models.Index(
                fields=["status", "created_at"],
                name="post_held_oldest",
                condition=Q(status=Status.HELD),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.pk}"

    def get_absolute_url(self):
        return reverse("forum:post_detail", args=[self.pk])

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


class Reaction(models.Model):
    class Kind(models.TextChoices):
        HUG = "hug", "Hug"
        LIKE = "like", "Like"
        ME_TOO = "me_too", "Me too"

        @property
        def counter_field(self):
            """The Post column that counts reactions of this kind."""
            return REACTION_COUNTERS[self]

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.CharField(max_length=10, choices=Kind)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "member", "kind"],
                name="reaction_one_of_each_kind_per_member",
                violation_error_message="You already reacted this way.",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on post {self.post_id}"


REACTION_COUNTERS = {
    Reaction.Kind.HUG: "hug_count",
    Reaction.Kind.LIKE: "like_count",
    Reaction.Kind.ME_TOO: "me_too_count",
}


class Follow(models.Model):
    """A member following a thread (a top-level post and its replies)."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    thread = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["member", "thread"], name="follow_once_per_thread"
            )
        ]

    def __str__(self):
        return f"{self.member} follows post {self.thread_id}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        REPLY = "reply", "replied to your post"
        FOLLOWED_REPLY = "followed_reply", "replied in a conversation you follow"
        REACTION = "reaction", "reacted to your post"
        MODERATION = "moderation", "A moderator reviewed your post"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(max_length=20, choices=Kind)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="+")
    detail = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["recipient"],
                name="notification_unread",
                condition=Q(read_at__isnull=True),
            ),
            models.Index(
                fields=["recipient", "-created_at"], name="notification_recent"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.recipient}"


class ModerationLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The moderation log is append-only.")

    def delete(self):
        raise PermissionError("The moderation log is append-only.")


class ModerationLog(models.Model):
    """Append-only record of every moderation decision. Never copies member text.

    The app only inserts; the admin is read-only; on PostgreSQL a trigger rejects
    UPDATE and DELETE (migration 0003_moderation_log_append_only).
    """

    class Action(models.TextChoices):
        """Every decision the log records; forum/moderation/ writes nothing else."""

        APPROVE = "approve", "Approve"
        REJECT = "reject", "Reject"
        HIDE = "hide", "Hide"
        REMOVE = "remove", "Remove"
        RESTORE = "restore", "Restore"
        WITHDRAW = "withdraw", "Withdrawn by the author"
        HOLD_AFTER_EDIT = "hold_after_edit", "Held after an edit"
        AUTO_HIDE = "auto_hide", "Hidden by reports"
        DISMISS_REPORTS = "dismiss_reports", "Dismiss reports"
        CLOSE_ITEM = "close_item", "Close a queue item"
        CRISIS_FALSE_ALARM = "crisis_false_alarm", "Crisis match: false alarm"
        LOCK = "lock", "Lock a conversation"
        UNLOCK = "unlock", "Unlock a conversation"
        LOCK_THREAD = "lock_thread", "Lock a thread"
        UNLOCK_THREAD = "unlock_thread", "Unlock a thread"
        PIN = "pin", "Pin"
        UNPIN = "unpin", "Unpin"
        SANCTION_WARNING = "sanction_warning", "Warning"
        SANCTION_SILENCE = "sanction_silence", "Silence"
        SANCTION_SUSPENSION = "sanction_suspension", "Suspension"
        SANCTION_BAN = "sanction_ban", "Ban"
        LIFT_WARNING = "lift_warning", "Lift a warning"
        LIFT_SILENCE = "lift_silence", "Lift a silence"
        LIFT_SUSPENSION = "lift_suspension", "Lift a suspension"
        LIFT_BAN = "lift_ban", "Lift a ban"
        WATCHED_WORD_ADD = "watched_word_add", "Add a watched word"
        WATCHED_WORD_REMOVE = "watched_word_remove", "Remove a watched word"

    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Empty when the system acted.",
    )
    action = models.CharField(max_length=40, choices=Action)
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    target = models.CharField(max_length=80, blank=True)
    from_status = models.CharField(max_length=40, blank=True)
    to_status = models.CharField(max_length=40, blank=True)
    reason = models.CharField(max_length=500, blank=True)
    details = models.JSONField(default=dict, blank=True)

    objects = ModerationLogQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["member", "-at"], name="modlog_member"),
            models.Index(fields=["actor", "-at"], name="modlog_actor"),
            models.Index(fields=["action", "-at"], name="modlog_action"),
        ]

    def __str__(self):
        return f"{self.action} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The moderation log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The moderation log is append-only.")


class Report(models.Model):
    class Reason(models.TextChoices):
        AT_RISK = "at_risk", "Someone may be at risk"
        HARASSMENT = "harassment", "Harassment or hate"
        SOURCING = "sourcing", "Selling or sourcing drugs"
        MISINFORMATION = "misinformation", "Medical misinformation"
        SPAM = "spam", "Spam"
        OTHER = "other", "Other"

    class State(models.TextChoices):
        OPEN = "open", "Open"
        AGREED = "agreed", "Agreed"
        DISMISSED = "dismissed", "Dismissed"

    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.CharField(max_length=20, choices=Reason)
    note = models.CharField(max_length=500, blank=True)
    state = models.CharField(max_length=20, choices=State, default=State.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=Q(state="open"),
                name="report_one_open_per_member_and_post",
                violation_error_message="You have already reported this post.",
            ),
            models.CheckConstraint(
                name="report_other_needs_a_note",
                condition=~Q(reason="other") | Q(note__regex=r"\S"),
                violation_error_message="Please tell us a little about the problem.",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} report on post {self.post_id}"


class WatchedWord(models.Model):
    class Action(models.TextChoices):
        BLOCK = "block", "Block (refuse the post)"
        HOLD = "hold", "Hold for review"
        CRISIS = "crisis", "Crisis language (publish, offer support)"

    phrase = models.CharField(
        max_length=200, help_text="Whole words; matching ignores case and accents."
    )
    action = models.CharField(max_length=10, choices=Action)
    note = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["action", "phrase"]
        constraints = [
            models.UniqueConstraint(
                fields=["phrase", "action"],
                name="watched_word_once_per_action",
                violation_error_message="That phrase is already on this list.",
            )
        ]

    def __str__(self):
        return f"{self.phrase} ({self.action})"


class QueueItemQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)


class QueueItem(models.Model):
    """Why a post needs a moderator. One open item per post; reasons accumulate."""

    class Priority(models.IntegerChoices):
        URGENT = 0, "Urgent"
        REPORTED = 1, "Reported"
        HELD = 2, "Held for review"

    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="queue_items")
    priority = models.PositiveSmallIntegerField(choices=Priority)
    reasons = models.JSONField(default=list)
    matched = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    # Set on a member's crisis item: their later crisis matches attach to it.
    crisis_member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = QueueItemQuerySet.as_manager()

    class Meta:
        ordering = ["priority", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["post"],
                condition=Q(closed_at__isnull=True),
                name="queue_one_open_item_per_post",
            ),
            models.UniqueConstraint(
                fields=["crisis_member"],
                condition=Q(closed_at__isnull=True, crisis_member__isnull=False),
                name="queue_one_open_crisis_item_per_member",
            ),
        ]
        indexes = [
            models.Index(
                fields=["priority", "created_at"],
                name="queue_open_order",
                condition=Q(closed_at__isnull=True),
            )
        ]

    def __str__(self):
        return f"{self.get_priority_display()}: post {self.post_id}"


class CrisisMatch(models.Model):
    """One crisis or overdose match: which post, what the detector saw, and which
    version of the clinician-owned list saw it. Never the member's text.

    A moderator may mark a match as a false alarm; the marks are listed for the
    clinical reviewer and change no list by themselves.
    """

    class Kind(models.TextChoices):  # the values of community.crisis.Kind
        CRISIS = "crisis", "Crisis"
        OVERDOSE = "overdose", "Overdose"

    queue_item = models.ForeignKey(
        QueueItem, on_delete=models.PROTECT, related_name="crisis_matches"
    )
    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind)
    phrase = models.CharField(max_length=200)
    list_version = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    false_alarm_at = models.DateTimeField(null=True, blank=True)
    false_alarm_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    false_alarm_note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="crisis_false_alarm_has_who_and_when",
                condition=Q(false_alarm_at__isnull=True, false_alarm_by__isnull=True)
                | Q(false_alarm_at__isnull=False, false_alarm_by__isnull=False),
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} match on post {self.post_id}"


class VisitorAnswerAddress(models.Model):
    """Where to tell a visitor, once, that their question has an answer.

    Deleted as soon as that email is sent, or unused after the private link's
    lifetime (forum/visitor_questions.py): the address is never kept for anything
    else and never shown to anyone.
    """

    question = models.OneToOneField(
        Post, on_delete=models.CASCADE, related_name="answer_address"
    )
    email = models.EmailField()
    # The interface language the visitor asked in; the email is written in it.
    language = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="visitor_answer_address_not_empty", condition=~Q(email="")
            )
        ]

    def __str__(self):
        return f"Answer address for question {self.question_id}"
