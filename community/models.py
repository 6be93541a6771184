from django.conf import settings
from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string, salted_hmac
from django.utils.translation import gettext_lazy as _

from community.names import FORMER_MEMBER_NAME, check_display_name, name_skeleton
from community.personal_data import ErasureMode
from community.sanitize import VISIBLE_CHARACTER


class TimeStamped(models.Model):
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.setdefault("display_name", email.split("@")[0])
        return self.create_user(
            email, password, is_staff=True, is_superuser=True, **fields
        )


class User(AbstractBaseUser, PermissionsMixin):
    """A member, signed in by email and shown to others only by a pseudonym."""

    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=40,
        help_text=_("Shown to other members. Please don't use your real name."),
    )
    # The name as look-alikes share it (community/names.py), kept in step with
    # display_name on every save so new names are compared by one indexed lookup.
    name_skeleton = models.CharField(
        max_length=255, editable=False, db_index=True, default=""
    )
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)
    # Whether this member mutes or blocks anyone, or is blocked by anyone: when
    # not, pages skip reading their relations (community/relations.py keeps it).
    has_relations = models.BooleanField(default=False, editable=False)
    session_epoch = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Raised to end every session of this person (see end_sessions).",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    class Meta:
        constraints = [
            # Every former member shares one name (community/account_deletion.py).
            models.UniqueConstraint(
                Lower("display_name"),
                condition=~models.Q(display_name=FORMER_MEMBER_NAME),
                name="user_display_name_unique_ci",
                violation_error_message=_(
                    "That display name is taken. Please choose another."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(display_name__regex=VISIBLE_CHARACTER),
                name="user_display_name_not_blank",
                violation_error_message=_("Please choose a display name."),
            ),
        ]
        permissions = [
            ("moderate_content", "Can review reports and moderate member content"),
            ("review_medical_content", "Can medically review and sign off articles"),
            ("edit_articles", "Can write and edit articles"),
        ]

    def __str__(self):
        return self.display_name

    def save(self, *args, update_fields=None, **kwargs):
        self.name_skeleton = name_skeleton(self.display_name)
        if update_fields is not None and "display_name" in update_fields:
            update_fields = {*update_fields, "name_skeleton"}
        super().save(*args, update_fields=update_fields, **kwargs)

    def get_absolute_url(self):
        return reverse("community:profile_detail", args=[self.pk])

    def clean(self):
        super().clean()
        try:
            self.display_name = check_display_name(self.display_name, member=self)
        except ValidationError as refused:
            raise ValidationError({"display_name": refused}) from refused

    def get_full_name(self):
        return self.display_name

    def get_short_name(self):
        return self.display_name

    def _get_session_auth_hash(self, secret=None):
        # Django ends a session whose stored hash no longer matches, so mixing in
        # the epoch ends every older session. Epoch 0 keeps Django's own hash.
        if not self.session_epoch:
            return super()._get_session_auth_hash(secret=secret)
        return salted_hmac(
            "community.User.session_auth_hash",
            f"{self.password}:{self.session_epoch}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


class Profile(TimeStamped):
    """What a member chooses to say about themselves, beyond their name."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    bio = models.TextField(
        _("short bio"),
        max_length=500,
        blank=True,
        help_text=_(
            "Optional. A line or two about you; avoid details that identify you."
        ),
    )

    class EmailDigest(models.TextChoices):
        """How often a member is emailed a summary of their notifications."""

        NEVER = "never", _("No email")
        DAILY = "daily", _("A daily summary")
        WEEKLY = "weekly", _("A weekly summary")

    # One discreet summary instead of an email per notification (forum/digests.py).
    email_digest = models.CharField(
        max_length=10, choices=EmailDigest, default=EmailDigest.NEVER
    )
    digest_includes_post_text = models.BooleanField(default=False)
    # When the last summary was sent (or claimed by a sending run).
    last_digest_at = models.DateTimeField(null=True, blank=True, editable=False)

    class WhoMayMessage(models.TextChoices):
        """Who may start a private conversation with this member."""

        ANYONE = "anyone", _("Any member")
        TALKED_WITH = "talked_with", _("Members I've talked with in threads")
        NOBODY = "nobody", _("Nobody")

    who_may_message = models.CharField(
        _("who may send me private messages"),
        max_length=12,
        choices=WhoMayMessage,
        default=WhoMayMessage.TALKED_WITH,
    )
    credentials = models.CharField(
        max_length=60,
        blank=True,
        help_text=_(
            'For medical reviewers: credentials shown after the name, e.g. "PharmD".'
        ),
    )

    # Empty until the member picks a language; then pages and emails use it.
    language = models.CharField(
        max_length=10, blank=True, choices=settings.LANGUAGES, default=""
    )

    def __str__(self):
        return f"Profile of {self.user}"

    def get_absolute_url(self):
        return self.user.get_absolute_url()


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
        cached = user._standing = Standing(
            Sanction.objects.active().filter(member=user)
        )
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
