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
be a parameter of the SQL (an id, say), never something that alters joins, lists
or conditions. Compiling checks that each stand-in reached the parameters.
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

    def __init__(self, build, *names):
        self.build = build
        self.names = names
        self._compiled = {}  # database alias: (compiler, sql, params, positions)

    def rows(self, **values) -> list[tuple]:
        if set(values) != set(self.names):
            raise TypeError(f"expected the values {self.names}, got {sorted(values)}")
        model = self._model()
        alias = router.db_for_read(model)
        compiled = self._compiled.get(alias)
        if compiled is None:
            compiled = self._compiled[alias] = self._compile(alias)
        compiler, sql, params, positions = compiled
        params = list(params)
        for name, places in positions.items():
            for place in places:
                params[place] = values[name]
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        return list(compiler.results_iter(results=[fetched], tuple_expected=True))

    def _stand_ins(self):
        return {name: _FIRST_STAND_IN - i for i, name in enumerate(self.names)}

    def _model(self):
        model = getattr(self, "_model_class", None)
        if model is None:
            model = self._model_class = self.build(**self._stand_ins()).model
        return model

    def _compile(self, alias):
        stand_ins = self._stand_ins()
        compiler = self.build(**stand_ins).query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        if compiler.has_extra_select:
            raise ValueError("CompiledQuery reads values_list() columns only")
        positions = {
            name: [
                i
                for i, param in enumerate(params)
                if type(param) is int and param == stand_in
            ]
            for name, stand_in in stand_ins.items()
        }
        if missing := [name for name, places in positions.items() if not places]:
            raise ValueError(f"these values never reached the SQL: {missing}")
        return compiler, sql, tuple(params), positions
