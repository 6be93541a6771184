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
"""

from django.db import connections, router

# Stand-ins no real row id reaches: negative, and distinct per parameter.
_FIRST_STAND_IN = -1_999_999_001


class CompiledQuery:
    """`build(**values)` returns a `values_list()` queryset; `rows(**values)` runs
    it with those values, without building or compiling it again.

        UNREAD = CompiledQuery(lambda member_id: Notification.objects.filter(
            recipient_id=member_id, read_at=None).values_list("pk"), "member_id")
        UNREAD.rows(member_id=request.user.pk)
    """

    def __init__(self, build, *names, in_lists=None):
        """`in_lists`: {name: longest length} of the values that are lists of ids."""
        self.build = build
        self.names = names
        self.in_lists = in_lists or {}
        self._compiled = {}  # database alias: (compiler, sql, params, positions)

    def rows(self, **values) -> list[tuple]:
        expected = set(self.names) | set(self.in_lists)
        if set(values) != expected:
            raise TypeError(f"expected the values {sorted(expected)}, got {values}")
        values = self._by_place(values)
        model = self._model()
        alias = router.db_for_read(model)
        compiled = self._compiled.get(alias)
        if compiled is None:
            compiled = self._compiled[alias] = self._compile(alias)
        compiler, sql, params, positions = compiled
        params = list(params)
        for name, places in positions.items():
            for place in places:
                # Same type as compiled: on PostgreSQL, Django wraps some ints
                # (Int2, Int4...) to tell psycopg the column's type.
                params[place] = type(params[place])(values[name])
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        return list(compiler.results_iter(results=[fetched], tuple_expected=True))

    def fits(self, **lists) -> bool:
        """Whether these lists are short enough (and not empty) to run compiled."""
        return all(0 < len(ids) <= self.in_lists[name] for name, ids in lists.items())

    def _by_place(self, values):
        """The values, each list spread as one value per place: `name[0]`, ..."""
        by_place = {name: values[name] for name in self.names}
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
        return {place: _FIRST_STAND_IN - i for i, place in enumerate(places)}

    def _built_with_stand_ins(self):
        stand_ins = self._stand_ins()
        values = {name: stand_ins[name] for name in self.names}
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
        if compiler.has_extra_select:
            raise ValueError("CompiledQuery reads values_list() columns only")
        positions = {
            name: [
                i
                for i, param in enumerate(params)
                if isinstance(param, int) and param == stand_in
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
        return compiler, sql, tuple(params), positions
