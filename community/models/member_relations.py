"""One member keeping another at a distance: mute and block."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MemberRelation(models.Model):
    """One member keeping another at a distance (community/relations.py says what
    each kind does). One row per pair: blocking replaces a mute, since a blocked
    member is muted too."""

    class Kind(models.TextChoices):
        MUTE = "mute", _("muted")
        BLOCK = "block", _("blocked")

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="relations"
    )
    other = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["member", "other"], name="member_relation_once_per_pair"
            ),
            models.CheckConstraint(
                name="member_relation_not_with_oneself",
                condition=~models.Q(member=models.F("other")),
            ),
        ]
        # Who blocked a member is read on every page that member opens.
        indexes = [models.Index(fields=["other", "kind"], name="relation_by_other")]

    def __str__(self):
        return f"{self.member} {self.get_kind_display()} {self.other}"
