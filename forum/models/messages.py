"""Private conversations between members: one-to-one or small groups.

Who may start one, reply and see what lives in forum/messaging.py and
forum/message_visibility.py; what moderators may see of them in
forum/moderation/private_messages.py. Moderators have no page that lists or opens
these conversations: they see a message only when it is held or reported.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from community.sanitize import VISIBLE_CHARACTER

MAX_PARTICIPANTS = 5  # the starter and up to four others

# The message rule's one home is the CheckConstraint on PrivateMessage below.
MESSAGE_TEXT_OR_PICTURE = _("Every message must have text or a picture.")


class PrivateConversation(models.Model):
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Moves with every published message: the inbox's order.
    last_message_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Private conversation {self.pk}"

    def get_absolute_url(self):
        return reverse("forum:private_conversation", args=[self.pk])


class Participant(models.Model):
    conversation = models.ForeignKey(
        PrivateConversation, on_delete=models.CASCADE, related_name="participants"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="private_participations",
    )
    joined_at = models.DateTimeField(default=timezone.now)
    last_read_at = models.DateTimeField(null=True, blank=True)
    # Left: sees what was said until then, can't write, gets nothing new.
    left_at = models.DateTimeField(null=True, blank=True)
    # Deleted their copy: the conversation is gone for them (it implies leaving).
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "member"], name="participant_once_each"
            ),
            models.CheckConstraint(
                name="participant_deleting_means_leaving",
                condition=Q(deleted_at__isnull=True) | Q(left_at__isnull=False),
            ),
        ]
        indexes = [
            models.Index(
                fields=["member", "conversation"],
                name="participant_inbox",
                condition=Q(deleted_at__isnull=True),
            )
        ]

    def __str__(self):
        return f"{self.member_id} in {self.conversation_id}"


class MessageStatus(models.TextChoices):
    PUBLISHED = "published", pgettext_lazy("message status", "Sent")
    HELD = "held", _("Waiting for review")
    REJECTED = "rejected", _("Not approved")


class PrivateMessage(models.Model):
    conversation = models.ForeignKey(
        PrivateConversation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
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
    status = models.CharField(
        max_length=20, choices=MessageStatus, default=MessageStatus.PUBLISHED
    )
    # Set when the author's account was erased with "remove everything".
    erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="message_has_text_or_picture",
                condition=Q(body__regex=VISIBLE_CHARACTER)
                | ~Q(picture="")
                | Q(erased_at__isnull=False),
                violation_error_message=MESSAGE_TEXT_OR_PICTURE,
            ),
        ]
        indexes = [
            models.Index(
                fields=["conversation", "created_at", "id"],
                name="message_in_order",
            ),
        ]

    def __str__(self):
        return f"Message {self.pk}"


class MessageReviewQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)


class MessageReview(models.Model):
    """Why a moderator must look at one private message: held by screening,
    reported by a recipient, or crisis words (then only a link, never the text)."""

    class Kind(models.TextChoices):
        CRISIS = "crisis", _("Crisis words in a private message")
        REPORTED = "reported", _("Reported private message")
        HELD = "held", _("Held private message")

    message = models.ForeignKey(
        PrivateMessage, on_delete=models.CASCADE, related_name="reviews"
    )
    kind = models.CharField(max_length=10, choices=Kind)
    reasons = models.JSONField(default=list, blank=True)
    matched = models.JSONField(default=list, blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = MessageReviewQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["message", "kind"],
                condition=Q(closed_at__isnull=True),
                name="message_review_one_open_per_kind",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: message {self.message_id}"
