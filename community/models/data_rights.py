"""A member's data rights: downloading their data and leaving for good."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext_lazy as _

from community.personal_data import ErasureMode


class DataExportQuerySet(models.QuerySet):
    def open(self):
        """Exports being made, or made and not yet expired: one per member at most."""
        return self.filter(status__in=DataExport.OPEN_STATUSES)


class DataExport(models.Model):
    """A member's "Download my data": a zip made by the task worker, kept privately
    in the media storage until it expires (community/data_export.py)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be made")
        RUNNING = "running", _("Being made")
        READY = "ready", _("Ready to download")
        FAILED = "failed", _("Could not be made")
        EXPIRED = "expired", _("Expired and deleted")

    OPEN_STATUSES = (Status.PENDING, Status.RUNNING, Status.READY)

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    requested_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    # The zip's name in the media storage, never served by a public URL.
    file_name = models.CharField(max_length=200, blank=True)
    download_count = models.PositiveIntegerField(default=0)

    objects = DataExportQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member"],
                condition=models.Q(status__in=["pending", "running", "ready"]),
                name="data_export_one_open_per_member",
                violation_error_message="Your data is already being prepared.",
            ),
            models.CheckConstraint(
                name="data_export_ready_has_file_and_expiry",
                condition=~models.Q(status="ready")
                | (~models.Q(file_name="") & models.Q(expires_at__isnull=False)),
            ),
        ]

    def __str__(self):
        return f"Data export {self.pk} for {self.member}"


def new_pseudonym() -> str:
    return get_random_string(12, "abcdefghijkmnpqrstuvwxyz23456789")


class AccountDeletion(models.Model):
    """A member's request to leave: pending for a grace period, then carried out.

    The rules live in community/account_deletion.py. Once completed, the row is all
    that ties the account's anonymised shell to its pseudonym, which the moderation
    record and the admin show instead of a name. Never edited in the admin.
    """

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="account_deletions",
    )
    pseudonym = models.CharField(
        max_length=20, unique=True, default=new_pseudonym, editable=False
    )
    mode = models.CharField(
        max_length=20,
        choices=[
            (ErasureMode.KEEP_WITHOUT_NAME.value, _("Keep my posts, without my name")),
            (ErasureMode.REMOVE_EVERYTHING.value, _("Remove everything I wrote")),
        ],
    )
    keep_pictures = models.BooleanField(default=False)
    requested_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField()
    cancelled_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member"],
                condition=models.Q(
                    cancelled_at__isnull=True, completed_at__isnull=True
                ),
                name="account_deletion_one_pending_per_member",
            ),
            models.CheckConstraint(
                name="account_deletion_cancelled_or_completed_not_both",
                condition=models.Q(cancelled_at__isnull=True)
                | models.Q(completed_at__isnull=True),
            ),
        ]
        indexes = [
            models.Index(
                fields=["due_at"],
                name="account_deletion_pending_due",
                condition=models.Q(
                    cancelled_at__isnull=True, completed_at__isnull=True
                ),
            )
        ]

    def __str__(self):
        return f"Account deletion {self.pseudonym}"

    @property
    def is_pending(self) -> bool:
        return self.cancelled_at is None and self.completed_at is None
