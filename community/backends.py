"""Django's model backend, reading a member's permissions in one query, not two.

`can_moderate()` runs on nearly every page (what a viewer may see depends on it),
and Django's ModelBackend reads the member's own permissions and their groups'
permissions in separate queries. Same answer, one query.
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q

from community.compiled_queries import CompiledQuery


class ModelBackendOneQuery(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
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
