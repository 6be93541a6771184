"""A conversation's host (the page it is attached to), read without building a query.

A conversation's address is its host's (Conversation.get_absolute_url), and the
generic relation builds and compiles a query each time it fetches the host: about
0.4 ms on the benchmark machine, a few per cent of the print view. Here the host
is read through a query compiled once per host model (community/compiled_queries.py)
into the very instance the relation would fetch, so addresses stay the same.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db import router

from community.compiled_queries import CompiledQuery


@functools.cache
def _host_reader(model):
    """The columns of `model` and a compiled query reading one row of them."""
    columns = tuple(field.attname for field in model._meta.concrete_fields)

    def by_pk(host_id):  # what the relation asks: the base manager, by pk
        return model._base_manager.filter(pk=host_id).values_list(*columns)

    return columns, CompiledQuery(by_pk, "host_id")


def with_host(conversation):
    """`conversation` with its host attached, so its address costs no query.

    A conversation without a host, or whose host is gone, is left to the
    generic relation, which answers as it always did.
    """
    if conversation.host_type_id is None or conversation.host_id is None:
        return conversation
    model = ContentType.objects.get_for_id(conversation.host_type_id).model_class()
    if model is None:
        return conversation
    columns, query = _host_reader(model)
    rows = query.rows(host_id=conversation.host_id)
    if rows:
        alias = router.db_for_read(model)
        conversation.host = model.from_db(alias, columns, rows[0])
    return conversation
