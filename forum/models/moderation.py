"""What moderation records: the append-only log, reports, watched words, the
review queue and crisis matches. The verbs that write them are forum/moderation/.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

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

        APPROVE = "approve", _("Approve")
        REJECT = "reject", _("Reject")
        HIDE = "hide", _("Hide")
        REMOVE = "remove", _("Remove")
        RESTORE = "restore", _("Restore")
        WITHDRAW = "withdraw", _("Withdrawn by the author")
        HOLD_AFTER_EDIT = "hold_after_edit", _("Held after an edit")
        AUTO_HIDE = "auto_hide", _("Hidden by reports")
        DISMISS_REPORTS = "dismiss_reports", _("Dismiss reports")
        CLOSE_ITEM = "close_item", _("Close a queue item")
        CRISIS_FALSE_ALARM = "crisis_false_alarm", _("Crisis match: false alarm")
        LOCK = "lock", _("Lock a conversation")
        UNLOCK = "unlock", _("Unlock a conversation")
        LOCK_THREAD = "lock_thread", _("Lock a thread")
        UNLOCK_THREAD = "unlock_thread", _("Unlock a thread")
        PIN = "pin", _("Pin")
        UNPIN = "unpin", _("Unpin")
        SANCTION_WARNING = "sanction_warning", _("Warning")
        SANCTION_SILENCE = "sanction_silence", _("Silence")
        SANCTION_SUSPENSION = "sanction_suspension", _("Suspension")
        SANCTION_BAN = "sanction_ban", _("Ban")
        LIFT_WARNING = "lift_warning", _("Lift a warning")
        LIFT_SILENCE = "lift_silence", _("Lift a silence")
        LIFT_SUSPENSION = "lift_suspension", _("Lift a suspension")
        LIFT_BAN = "lift_ban", _("Lift a ban")
        WATCHED_WORD_ADD = "watched_word_add", _("Add a watched word")
        WATCHED_WORD_REMOVE = "watched_word_remove", _("Remove a watched word")
        # Private messages: the log names the message in `target`, never its text.
        VIEW_PRIVATE_MESSAGES = (
            "view_private_messages",
            _("Read private messages (a held or reported message)"),
        )
        RELEASE_MESSAGE = "release_message", _("Release a held private message")
        REJECT_MESSAGE = "reject_message", _("Reject a held private message")
        CLOSE_MESSAGE_REVIEW = (
            "close_message_review",
            _("Close a private message review"),
        )

    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty when the system acted."),
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
        AT_RISK = "at_risk", _("Someone may be at risk")
        HARASSMENT = "harassment", _("Harassment or hate")
        SOURCING = "sourcing", _("Selling or sourcing drugs")
        MISINFORMATION = "misinformation", _("Medical misinformation")
        SPAM = "spam", _("Spam")
        OTHER = "other", _("Other")

    class State(models.TextChoices):
        OPEN = "open", pgettext_lazy("report state", "Open")
        AGREED = "agreed", pgettext_lazy("report state", "Agreed")
        DISMISSED = "dismissed", pgettext_lazy("report state", "Dismissed")

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
                violation_error_message=_("You have already reported this post."),
            ),
            models.CheckConstraint(
                name="report_other_needs_a_note",
                condition=~Q(reason="other") | Q(note__regex=r"\S"),
                violation_error_message=_("Please tell us a little about the problem."),
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} report on post {self.post_id}"


class WatchedWord(models.Model):
    class Action(models.TextChoices):
        BLOCK = "block", _("Block (refuse the post)")
        HOLD = "hold", _("Hold for review")
        CRISIS = "crisis", _("Crisis language (publish, offer support)")

    phrase = models.CharField(
        max_length=200, help_text=_("Whole words; matching ignores case and accents.")
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
                violation_error_message=_("That phrase is already on this list."),
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
        URGENT = 0, _("Urgent")
        REPORTED = 1, _("Reported")
        HELD = 2, _("Held for review")

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
        CRISIS = "crisis", _("Crisis")
        OVERDOSE = "overdose", _("Overdose")

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
