"""What moderation records: the append-only log, reports, watched words, the
review queue and crisis matches. The verbs that write them are forum/moderation/.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from forum.models.posts import Post


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
