"""Moderators' measures on a member, what they mean now, and members' messages to
the moderators."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SanctionQuerySet(models.QuerySet):
    def active(self, *, at=None):
        at = at or timezone.now()
        return self.filter(lifted_at__isnull=True, starts_at__lte=at).filter(
            models.Q(ends_at__isnull=True) | models.Q(ends_at__gt=at)
        )


class Sanction(models.Model):
    """A moderator's measure against an account. Standing is derived from the
    active rows, so nothing needs a nightly job to expire a silence."""

    class Kind(models.TextChoices):
        WARNING = "warning", _("Warning")
        SILENCE = "silence", _("Silence (can read, cannot post)")
        SUSPENSION = "suspension", _("Suspension (cannot sign in)")
        BAN = "ban", _("Ban")

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sanctions"
    )
    kind = models.CharField(max_length=20, choices=Kind)
    reason = models.CharField(max_length=300)
    member_message = models.TextField(
        help_text=_("What the member sees: what happened and how to appeal.")
    )
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Empty means until lifted.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    lifted_at = models.DateTimeField(null=True, blank=True)

    objects = SanctionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                name="sanction_ban_has_no_end",
                condition=~models.Q(kind="ban") | models.Q(ends_at__isnull=True),
                violation_error_message=_("A ban lasts until it is lifted."),
            ),
            models.CheckConstraint(
                name="sanction_has_a_reason",
                condition=models.Q(reason__regex=r"\S"),
                violation_error_message=_("Please give a reason."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.member}"


class Standing:
    """What a member may do right now, from their active sanctions (one query)."""

    def __init__(self, sanctions):
        self.sanctions = list(sanctions)
        kinds = {s.kind for s in self.sanctions}
        self.is_banned = Sanction.Kind.BAN in kinds
        self.is_suspended = self.is_banned or Sanction.Kind.SUSPENSION in kinds
        self.is_silenced = self.is_suspended or Sanction.Kind.SILENCE in kinds

    @property
    def blocking(self):
        """The sanction that explains why the member can't post, if any."""
        order = [Sanction.Kind.BAN, Sanction.Kind.SUSPENSION, Sanction.Kind.SILENCE]
        for kind in order:
            for sanction in self.sanctions:
                if sanction.kind == kind:
                    return sanction
        return None


def standing_of(user) -> Standing:
    """Cached on the user object for the rest of the request."""
    if not user.is_authenticated:
        return Standing([])
    cached = getattr(user, "_standing", None)
    if cached is None:
        # Signed-in members arrive knowing whether any is in force
        # (community/backends.py): then most pages need no query here.
        if getattr(user, "has_sanction_in_force", True):
            in_force = Sanction.objects.active().filter(member=user)
        else:
            in_force = []
        cached = user._standing = Standing(in_force)
    return cached


class ModeratorMessage(models.Model):
    """A member writing to the moderators; open to silenced and suspended members."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    body = models.TextField(max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Message from {self.member}"
