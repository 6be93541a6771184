"""Queries asked on every page, compiled to SQL once per process.

Building and compiling a queryset is Python work that grows with its shape, and
for the small queries every member's page asks it dwarfs the database's: the
header's unread counts (two nested subqueries) took ~4 ms to build and compile on
the benchmark machine and 0.1 ms to run. A `CompiledQuery` keeps the queryset as
the one home of its rule, builds it once with stand-in values, and afterwards only
swaps the real values into the compiled parameters and runs the SQL through the
connection's cursor: the same SQL the ORM would send, counted and logged like any
query, read from the database the router picks.

Only for queries whose shape never changes with their values: every value must
be a parameter of the SQL (an id, say), never something that alters joins or
conditions. A list of ids used only in `__in` lookups can be one too: it is
compiled at its longest and shorter lists are padded by repeating their last id,
which IN ignores. Compiling checks that each stand-in reached the parameters,
and that a second build gives the same SQL and parameters (a query holding
timezone.now() would not: "now" must be the database's `Now()`).

Values can be text too (a slug, a cookie's key), compared for equality only, and
a compiled query can give model instances, with their `select_related()` objects
and annotations, built as Django's own ModelIterable builds them.
"""

import contextlib
import re
from typing import NamedTuple

from django.db import connections, router, transaction
from django.db.models.query import ModelIterable, QuerySet, get_related_populators
from django.db.models.sql import UpdateQuery
from psycopg import sql as psycopg_sql

from community.query_plans import planned_for_their_values

# Stand-ins no real row id reaches: negative, and distinct per parameter.
_FIRST_STAND_IN = -1_999_999_001
# The largest id a (bigint) key column holds.
_LARGEST_KEY = 2**63 - 1
# Stand-ins for text values: no slug or key looks like this.
_TEXT_STAND_IN = "<compiled query stand-in for {}>"


class _Compiled(NamedTuple):
    compiler: object
    sql: str
    params: tuple
    positions: dict  # value's name: the places of its stand-in in `params`
    fetch_mode: object | None  # how Django fetches fields left out; None: rows()


class CompiledQuery:
    """`build(**values)` returns a `values_list()` queryset; `rows(**values)` runs
    it with those values, without building or compiling it again. A queryset of
    model instances (no `prefetch_related()`) is run with `instances(**values)`.

        UNREAD = CompiledQuery(lambda member_id: Notification.objects.filter(
            recipient_id=member_id, read_at=None).values_list("pk"), "member_id")
        UNREAD.rows(member_id=request.user.pk)
    """

    def __init__(self, build, *names, in_lists=None, texts=(), plan_each_run=False):
        """`in_lists`: {name: longest length} of the values that are lists of ids;
        `texts`: the names of the values that are text, not ids;
        `plan_each_run`: never prepared, for a query whose best plan depends on
        its values (community/query_plans.py)."""
        self.build = build
        self.names = names
        self.in_lists = in_lists or {}
        self.texts = tuple(texts)
        self.plan_each_run = plan_each_run
        self._compiled = {}  # database alias: _Compiled

    def is_compiled(self) -> bool:
        """Whether it has been compiled (for a database): built once, for good."""
        return bool(self._compiled)

    def rows(self, **values) -> list[tuple]:
        compiled, fetched, _alias = self._run(values, models=False)
        return list(
            compiled.compiler.results_iter(results=[fetched], tuple_expected=True)
        )

    def instances(self, **values) -> list:
        """The rows as model instances, as iterating the queryset would give."""
        compiled, fetched, alias = self._run(values, models=True)
        compiler, fetch_mode = compiled.compiler, compiled.fetch_mode
        select, klass_info = compiler.select, compiler.klass_info
        fields = klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        attnames = [column[0].target.attname for column in select[start:end]]
        populators = get_related_populators(klass_info, select, alias, fetch_mode)
        annotations = compiler.annotation_col_map.items()
        instances = []
        for row in compiler.results_iter(results=[fetched]):
            instance = klass_info["model"].from_db(
                alias, attnames, row[start:end], fetch_mode=fetch_mode
            )
            for populator in populators:
                populator.populate(row, instance)
            for name, place in annotations:
                setattr(instance, name, row[place])
            instances.append(instance)
        return instances

    def _run(self, values, *, models):
        alias = router.db_for_read(self._model())
        compiled, params = self._bound(values, alias)
        if (compiled.fetch_mode is not None) != models:
            raise TypeError("instances() runs model querysets, rows() values_list()")
        if params is None:
            return compiled, [], alias
        planned = (
            planned_for_their_values(alias)
            if self.plan_each_run
            else contextlib.nullcontext()  # prepared when asked often
        )
        with planned, connections[alias].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            return compiled, cursor.fetchall(), alias

    def _bound(self, values, alias):
        """(the query compiled for `alias`, its parameters with `values` in
        place); the parameters are None when an id can't be a key."""
        expected = set(self.names) | set(self.in_lists) | set(self.texts)
        if set(values) != expected:
            raise TypeError(f"expected the values {sorted(expected)}, got {values}")
        compiled = self._compiled.get(alias)
        if compiled is None:
            compiled = self._compiled[alias] = self._compile(alias)
        if any(not _fits_a_key(values[name]) for name in self.names):
            # An id no key column can hold (from a URL, say) matches no row, as
            # the ORM's own lookups answer, instead of failing in the driver.
            return compiled, None
        values = self._by_place(values)
        params = list(compiled.params)
        for name, places in compiled.positions.items():
            for place in places:
                # Same type as compiled: on PostgreSQL, Django wraps some ints
                # (Int2, Int4...) to tell psycopg the column's type.
                params[place] = type(params[place])(values[name])
        return compiled, params

    def fits(self, **lists) -> bool:
        """Whether these lists are short enough (and not empty) to run compiled."""
        return all(0 < len(ids) <= self.in_lists[name] for name, ids in lists.items())

    def _by_place(self, values):
        """The values, each list spread as one value per place: `name[0]`, ..."""
        by_place = {name: values[name] for name in self.names + self.texts}
        for name, longest in self.in_lists.items():
            ids = list(values[name])
            if not 0 < len(ids) <= longest:
                raise ValueError(f"{name} takes 1 to {longest} ids, not {len(ids)}")
            ids += ids[-1:] * (longest - len(ids))
            by_place.update({f"{name}[{i}]": id_ for i, id_ in enumerate(ids)})
        return by_place

    def _stand_ins(self):
        """One distinct stand-in per value, and per place of each list."""
        places = list(self.names)
        for name, longest in self.in_lists.items():
            places += [f"{name}[{i}]" for i in range(longest)]
        stand_ins = {place: _FIRST_STAND_IN - i for i, place in enumerate(places)}
        stand_ins.update({name: _TEXT_STAND_IN.format(name) for name in self.texts})
        return stand_ins

    def _built_with_stand_ins(self):
        stand_ins = self._stand_ins()
        values = {name: stand_ins[name] for name in self.names + self.texts}
        for name, longest in self.in_lists.items():
            values[name] = [stand_ins[f"{name}[{i}]"] for i in range(longest)]
        return stand_ins, self.build(**values)

    def _model(self):
        model = getattr(self, "_model_class", None)
        if model is None:
            model = self._model_class = self._built_with_stand_ins()[1].model
        return model

    def _compile(self, alias):
        stand_ins, queryset = self._built_with_stand_ins()
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        fetch_mode = _checked_fetch_mode(queryset, compiler)
        positions = {
            name: [
                i
                for i, param in enumerate(params)
                if isinstance(param, type(stand_in)) and param == stand_in
            ]
            for name, stand_in in stand_ins.items()
        }
        if missing := [name for name, places in positions.items() if not places]:
            raise ValueError(f"these values never reached the SQL: {missing}")
        # Built twice, a query must come out the same: one that doesn't holds a
        # value of the moment (timezone.now(), say), which compiling would freeze.
        again = self._built_with_stand_ins()[1].query.get_compiler(using=alias)
        if again.as_sql() != (sql, params):
            raise ValueError("this query changes between builds: use Now() for now")
        if connections[alias].vendor == "postgresql":
            sql, params, positions = _constants_inlined(alias, sql, params, positions)
        return _Compiled(compiler, sql, tuple(params), positions, fetch_mode)


class CompiledUpdate(CompiledQuery):
    """An UPDATE asked on every write of its kind, compiled once in the same way:
    `build(**values)` returns (queryset, {field: new value}), and `run(**values)`
    runs `queryset.update(**changes)` with those values, returning the rows it
    changed. Building and compiling posting's UPDATE (path, root and search
    vector) took the ORM as long as running it.

        PLACED = CompiledUpdate(
            lambda post_id, path: (Post.objects.filter(pk=post_id), {"path": path}),
            "post_id",
            texts=("path",),
        )
        PLACED.run(post_id=post.pk, path=post.path)
    """

    def __init__(self, build, *names, texts=()):
        super().__init__(
            lambda **values: _as_update(*build(**values)), *names, texts=texts
        )

    def run(self, **values) -> int:
        alias = router.db_for_write(self._model())
        compiled, params = self._bound(values, alias)
        if params is None:
            return 0
        with (
            transaction.mark_for_rollback_on_error(using=alias),
            connections[alias].cursor() as cursor,
        ):
            cursor.execute(compiled.sql, params)
            return cursor.rowcount


def _as_update(queryset, changes):
    """A queryset whose query is `queryset.update(**changes)`'s, not yet run (as
    QuerySet.update() makes it, for a plain filter: no slice, order or
    annotation)."""
    query = queryset.query
    if query.is_sliced or query.order_by or query.annotations:
        raise ValueError("CompiledUpdate updates a plain filter() only")
    update = query.chain(UpdateQuery)
    update.add_update_values(changes)
    return QuerySet(model=queryset.model, query=update)


_PLACEHOLDER_OR_PERCENT = re.compile(r"%s|%%")


def _constants_inlined(alias, sql, params, positions):
    """The SQL with every parameter but the values written into it as a literal.

    A prepared statement's generic plan (PostgreSQL's, planned once for any
    values) can then match a partial index's predicate and knows how common
    each status is; with every constant a parameter it could do neither and was
    so much worse that PostgreSQL planned the big card queries afresh on every
    run: 1-2 ms of a member's page. The constants are the compiled query's own
    (statuses, kinds, depths), never a person's input, and are quoted by the
    driver all the same."""
    connection = connections[alias]
    connection.ensure_connection()
    value_places = {place for places in positions.values() for place in places}
    placeholders = [
        found for found in _PLACEHOLDER_OR_PERCENT.finditer(sql) if found[0] == "%s"
    ]
    pieces, kept, new_place, last = [], [], {}, 0
    for number, (placeholder, param) in enumerate(
        zip(placeholders, params, strict=True)
    ):
        pieces.append(sql[last : placeholder.start()])
        last = placeholder.end()
        if number in value_places:
            new_place[number] = len(kept)
            kept.append(param)
            pieces.append("%s")
        else:
            literal = psycopg_sql.Literal(param).as_string(connection.connection)
            pieces.append(literal.replace("%", "%%"))
    pieces.append(sql[last:])
    positions = {
        name: [new_place[place] for place in places]
        for name, places in positions.items()
    }
    return "".join(pieces), kept, positions


def _fits_a_key(value) -> bool:
    return not isinstance(value, int) or -_LARGEST_KEY - 1 <= value <= _LARGEST_KEY


def _checked_fetch_mode(queryset, compiler):
    """The queryset's fetch mode if it gives model instances, None for rows;
    refusing what a compiled query could not give as the queryset would."""
    if queryset._prefetch_related_lookups or queryset._known_related_objects:
        raise ValueError("CompiledQuery prefetches nothing: prefetch on its own")
    if issubclass(queryset._iterable_class, ModelIterable):
        return queryset._fetch_mode
    if compiler.has_extra_select:
        raise ValueError("CompiledQuery reads values_list() columns or models only")
    return None
