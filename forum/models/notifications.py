"""Following threads, and the notifications members receive."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from forum.models.posts import Post


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
        REPLY = "reply", _("replied to your post")
        FOLLOWED_REPLY = "followed_reply", _("replied in a conversation you follow")
        REACTION = "reaction", _("reacted to your post")
        MODERATION = "moderation", _("A moderator reviewed your post")
        MENTION = "mention", _("mentioned you")

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
