"""Members: the account (pseudonymous display name, roles) and its profile."""

from django.conf import settings
from django.contrib.auth.models import (
    AbstractBaseUser,
    BaseUserManager,
    PermissionsMixin,
)
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from community.names import FORMER_MEMBER_NAME, check_display_name, name_skeleton
from community.sanitize import VISIBLE_CHARACTER
from community.url_patterns import url_with_id


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
        return url_with_id("community:profile_detail", self.pk)

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
