from django.contrib import admin
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from community.actions import start_membership
from community.models import AccountDeletion, Profile, User
from community.permissions import end_sessions

ROLE_FIELDS = {"groups", "user_permissions", "is_active", "is_staff", "is_superuser"}


class MemberCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["email", "display_name"]


class MemberChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    fields = ["bio", "credentials"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["-date_joined"]
    list_display = ["display_name", "email", "role_names", "is_active", "date_joined"]
    list_filter = ["groups", "is_active", "is_staff"]
    search_fields = ["display_name", "email"]
    readonly_fields = ["date_joined", "last_login"]
    inlines = [ProfileInline]
    form = MemberChangeForm
    add_form = MemberCreationForm
    fieldsets = [
        (None, {"fields": ["email", "display_name", "password"]}),
        (
            _("Roles"),
            {
                # The group names are stored values: they stay in English.
                "description": _(
                    "Roles are groups: Member, Moderator, Medical reviewer and Editor."
                ),
                "fields": ["groups", "is_active", "is_staff", "is_superuser"],
            },
        ),
        (_("Dates"), {"fields": ["date_joined", "last_login"]}),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["email", "display_name", "password1", "password2"],
            },
        )
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("Roles"))
    def role_names(self, user):
        return ", ".join(group.name for group in user.groups.all()) or "—"

    def save_model(self, request, user, form, change):
        super().save_model(request, user, form, change)
        if not change:
            start_membership(user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and ROLE_FIELDS & set(form.changed_data):
            # New powers (or fewer) start with a new sign-in, on every device but
            # the one making the change.
            end_sessions(form.instance)
            update_session_auth_hash(request, form.instance)

    def get_inlines(self, request, obj):
        # A new member's profile is made by start_membership(), not by the form.
        return self.inlines if obj is not None else []


@admin.register(AccountDeletion)
class AccountDeletionAdmin(admin.ModelAdmin):
    """Read-only: a member's deletion is theirs to cancel, and nobody's to undo."""

    list_display = [
        "pseudonym",
        "mode",
        "keep_pictures",
        "requested_at",
        "due_at",
        "cancelled_at",
        "completed_at",
    ]
    list_filter = ["mode"]
    search_fields = ["pseudonym"]
    fields = list_display

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
