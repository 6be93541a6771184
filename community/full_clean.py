"""Model.full_clean with every check constraint tested in one query.

Django tests each check constraint with its own SELECT inside its own savepoint
(three round trips each). Writing a post tests two, on the hottest write path;
here they are one SELECT with a column per condition. The conditions, the
messages, the codes and the fields that excuse a constraint are Django's own.

Building that SELECT cost more than running it (~0.7 ms of Python on a slow
machine, against ~0.15 ms in the database), and its SQL depends only on which
constraints are tested and which of the values are NULL: it is compiled once per
such shape and process, and later instances' values are swapped into its
parameters.
"""

from typing import NamedTuple

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connections, router
from django.db.models import BooleanField, CheckConstraint, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.sql import Query


def full_clean(instance, *, exclude=()) -> None:
    """What `instance.full_clean(exclude=exclude)` checks, with the same errors."""
    exclude = set(exclude)
    errors = {}
    try:
        instance.full_clean(exclude=exclude, validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    # As Django does: a field that failed its own validation excuses constraints.
    exclude |= {name for name in errors if name != NON_FIELD_ERRORS}
    try:
        validate_constraints(instance, exclude=exclude)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def validate_constraints(instance, *, exclude) -> None:
    """Model.validate_constraints, the check constraints in one query: the same
    errors, in the same order."""
    using = router.db_for_write(type(instance), instance=instance)
    tested_when = (type(instance), frozenset(exclude))
    if tested_when not in _TESTED:
        _TESTED[tested_when] = _tested(instance.get_constraints(), exclude)
    checks, named = _TESTED[tested_when]
    failed = _failed(instance, checks, named, exclude, using)
    errors = {}
    for model_class, constraints in instance.get_constraints():
        for constraint in constraints:
            try:
                if isinstance(constraint, CheckConstraint):
                    if constraint in failed:
                        raise ValidationError(
                            constraint.get_violation_error_message(),
                            code=constraint.violation_error_code,
                        )
                else:
                    constraint.validate(model_class, instance, exclude, using=using)
            except ValidationError as error:
                errors = _with_error(errors, constraint, error)
    if errors:
        raise ValidationError(errors)


def _with_error(errors, constraint, error) -> dict:
    # As Django files them: a one-field uniqueness error under that field.
    fields = getattr(constraint, "fields", ())
    if getattr(error, "code", None) == "unique" and len(fields) == 1:
        errors.setdefault(fields[0], []).append(error)
        return errors
    return error.update_error_dict(errors)


# (model, the fields excused): what _tested gives, the same for every instance.
_TESTED = {}


def _tested(constraints, exclude) -> tuple[tuple, frozenset]:
    """The (model class, check constraint)s of `constraints` tested when `exclude`
    is excused, and the fields their conditions name."""
    checks = tuple(
        (model_class, constraint)
        for model_class, constraints in constraints
        for constraint in constraints
        if isinstance(constraint, CheckConstraint)
        and not constraint._expression_refs_exclude(
            model_class, constraint.condition, exclude
        )
    )
    named = frozenset(
        reference[0]
        for model_class, constraint in checks
        for reference in model_class._get_expr_references(constraint.condition)
    )
    return checks, named


def _failed(instance, checks, named, exclude, using) -> list:
    """The check constraints whose condition is false for the instance's values.

    No savepoint (Django's logs and ignores a database error here): these are the
    values the INSERT or UPDATE will send, so that statement would fail too."""
    if not checks:
        return []
    connection = connections[using]
    values = _named_values(instance, checks, named, exclude)
    prepared = _prepared(values, connection)
    compiled = None
    if prepared is not None:
        shape = (
            using,
            tuple((model_class, check.name) for model_class, check in checks),
            # As Value compiles them: a NULL is written in, and on SQLite a
            # decimal's type decides its cast.
            tuple(
                (name, type(values[name].value), p is None)
                for name, p in prepared.items()
            ),
        )
        compiled = _COMPILED.get(shape)
        if compiled is None:
            compiled = _COMPILED[shape] = _compile(checks, values, connection)
    if compiled is None:  # a value that is an expression: built each time
        query = _check_query(checks, values, connection)
        sql, params = query.get_compiler(connection=connection).as_sql()
    else:
        sql, params = compiled.sql, compiled.params_for(prepared)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return [
        constraint
        for (_model_class, constraint), holds in zip(checks, row, strict=True)
        if holds is not None and not holds
    ]


def _named_values(instance, checks, named, exclude) -> dict:
    """{field name: Value or expression} of the fields the conditions name."""
    against = {}
    for model_class in {model_class for model_class, _check in checks}:
        against |= instance._get_field_expression_map(
            meta=model_class._meta, exclude=exclude
        )
    # Only the values the conditions name: resolving the others costs time.
    return {
        name: value if hasattr(value, "resolve_expression") else Value(value)
        for name, value in sorted(against.items())
        if name in named
    }


def _check_query(checks, values, connection) -> Query:
    query = Query(None)
    for name, value in values.items():
        query.add_annotation(value, name, select=False)
    for number, (_model_class, constraint) in enumerate(checks):
        # A constraint that evaluates to UNKNOWN (NULL) holds, as in the database.
        condition = Q(constraint.condition)
        if connection.features.supports_comparing_boolean_expr:
            condition = Coalesce(condition, True, output_field=BooleanField())
        query.add_annotation(condition, f"holds_{number}")
    return query


# (database alias, constraints, each value's name and whether it is NULL): _Compiled
_COMPILED = {}


class _Slot(Value):
    """An instance's value in the check query, whose parameter is marked with its
    name so that later instances' values can take its place."""

    def __init__(self, name, value):
        super().__init__(value.value, value.output_field)
        self.name = name

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = super().as_sql(compiler, connection, **extra_context)
        return sql, tuple(_Marked(self.name) for _param in params)


class _Marked(NamedTuple):
    name: str


class _Compiled(NamedTuple):
    sql: str
    params: tuple  # constants, and a _Marked where a value goes

    def params_for(self, prepared) -> list:
        return [
            prepared[param.name] if type(param) is _Marked else param
            for param in self.params
        ]


def _prepared(values, connection) -> dict | None:
    """{name: the parameter Value.as_sql makes of it}; None when a value is an
    expression (its SQL may not be a parameter) or its field writes its own
    placeholder: those queries are built each time."""
    prepared = {}
    for name, value in values.items():
        field = getattr(value, "_output_field_or_none", None)
        if type(value) is not Value or field is None:
            return None
        if hasattr(field, "get_placeholder_sql"):
            return None
        prepared[name] = field.get_db_prep_value(value.value, connection=connection)
    return prepared


def _compile(checks, values, connection) -> _Compiled:
    """The check query for values of this shape, its values' places marked."""
    slots = {name: _Slot(name, value) for name, value in values.items()}
    query = _check_query(checks, slots, connection)
    sql, params = query.get_compiler(connection=connection).as_sql()
    return _Compiled(sql, tuple(params))
