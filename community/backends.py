"""Authentication backends that save a query or two on every member's page.

`can_moderate()` runs on nearly every page (what a viewer may see depends on it),
and Django's ModelBackend reads the member's own permissions and their groups'
permissions in separate queries. Same answer, one query.

Every member's page also asks whether a sanction is in force (a suspended member
is signed out, a silenced one can't post). The signed-in member is loaded with
whether one is, and whether they hold any permission at all, so the sanctions
and permissions are read only for the few members who have some. Other apps may
have a value of their own loaded with the member the same way
(`load_with_member`): forum's header counts, asked on every member's page.
"""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db import router
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Now

from community.compiled_queries import CompiledQuery
from community.models import Sanction

# {attribute: a function giving an expression over the member's row}: values other
# apps read on nearly every page, loaded with the member (`load_with_member`).
_LOADED_WITH_MEMBER = {}


def load_with_member(attribute, expression):
    """Load every signed-in member with `expression()` (over their row, through
    OuterRef("pk")) as `attribute`, in the member's own query. For a value asked
    on nearly every page; call from an AppConfig.ready(), before any request."""
    if MEMBER_WITH_STANDING.is_compiled():
        raise RuntimeError(f"{attribute}: members are already loaded without it")
    _LOADED_WITH_MEMBER[attribute] = expression


def _member_with_standing(user_id):
    """The member's columns, then whether a sanction is in force and whether they
    hold any permission (through a group or their own)."""
    User = get_user_model()
    # The database's clock: this query is compiled once (timezone.now() would be
    # frozen into it).
    in_force = Sanction.objects.active(at=Now()).filter(member=OuterRef("pk"))
    # Every member is in the Member group, which grants nothing: what counts is
    # a permission through any group, or one of their own.
    through_groups = Permission.objects.filter(group__user=OuterRef("pk"))
    own = Permission.objects.filter(user=OuterRef("pk"))
    return (
        User._default_manager.filter(pk=user_id)
        .annotate(
            has_sanction_in_force=Exists(in_force),
            holds_permissions=Exists(through_groups) | Exists(own),
            **{name: loaded() for name, loaded in _LOADED_WITH_MEMBER.items()},
        )
        .values_list(
            *_member_columns(),
            "has_sanction_in_force",
            "holds_permissions",
            *_LOADED_WITH_MEMBER,
        )
    )


def _member_columns():
    return [field.attname for field in get_user_model()._meta.concrete_fields]


# Every signed-in request loads its member: compiled once.
MEMBER_WITH_STANDING = CompiledQuery(_member_with_standing, "user_id")


class LoadsMemberWithStanding:
    """`get_user` with `has_sanction_in_force` (read by `standing_of`) and
    `holds_permissions` (any permission, through a group or their own) set."""

    def get_user(self, user_id):
        User = get_user_model()
        try:
            user_id = int(user_id)
        except (TypeError, ValueError):
            return None
        rows = MEMBER_WITH_STANDING.rows(user_id=user_id)
        if not rows:
            return None
        columns = _member_columns()
        values, standing = rows[0][: len(columns)], rows[0][len(columns) :]
        user = User.from_db(router.db_for_read(User), columns, values)
        user.has_sanction_in_force, user.holds_permissions, *loaded = standing
        for name, value in zip(_LOADED_WITH_MEMBER, loaded, strict=True):
            setattr(user, name, value)
        return user if self.user_can_authenticate(user) else None


class AccountBackend(LoadsMemberWithStanding, AuthenticationBackend):
    """allauth's backend (sign-in by email), loading members as above."""


class ModelBackendOneQuery(LoadsMemberWithStanding, ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
        if getattr(user_obj, "holds_permissions", True) is False:
            user_obj._perm_cache = set()  # nothing granted: nothing to read
        if not hasattr(user_obj, "_perm_cache"):
            granted = GRANTED.rows(member_id=user_obj.pk)
            user_obj._perm_cache = {f"{app}.{codename}" for app, codename in granted}
        return user_obj._perm_cache


def _granted(member_id):
    """A member's own permissions and their groups', as (app label, codename).

    Two IN subqueries, not an OR across two joins: that OR made PostgreSQL scan
    every member's group row (benchmarks/tests/test_query_plans.py); each
    subquery reads one member's rows by index.
    """
    own = Permission.objects.filter(user=member_id).values("pk")
    through_groups = Permission.objects.filter(group__user=member_id).values("pk")
    return Permission.objects.filter(
        Q(pk__in=own) | Q(pk__in=through_groups)
    ).values_list("content_type__app_label", "codename")


# Asked on nearly every page: compiled once (community/compiled_queries.py).
GRANTED = CompiledQuery(_granted, "member_id")
