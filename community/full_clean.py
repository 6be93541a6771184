"""Model.full_clean with every check constraint tested in one query.

Django tests each check constraint with its own SELECT inside its own savepoint
(three round trips each). Writing a post tests two, on the hottest write path;
here they are one SELECT with a column per condition. The conditions, the
messages, the codes and the fields that excuse a constraint are Django's own.
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import connections, router
from django.db.models import BooleanField, CheckConstraint, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.sql import Query
from django.db.models.sql.constants import SINGLE


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
    checks = [
        (model_class, constraint)
        for model_class, constraints in instance.get_constraints()
        for constraint in constraints
        if isinstance(constraint, CheckConstraint)
        and not constraint._expression_refs_exclude(
            model_class, constraint.condition, exclude
        )
    ]
    failed = _failed(instance, checks, exclude, using)
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


def _failed(instance, checks, exclude, using) -> list:
    """The check constraints whose condition is false for the instance's values.

    No savepoint (Django's logs and ignores a database error here): these are the
    values the INSERT or UPDATE will send, so that statement would fail too."""
    if not checks:
        return []
    query = Query(None)
    against = {}
    for model_class in {model_class for model_class, _check in checks}:
        against |= instance._get_field_expression_map(
            meta=model_class._meta, exclude=exclude
        )
    # Only the values the conditions name: resolving the others costs time.
    named = {
        reference[0]
        for model_class, constraint in checks
        for reference in model_class._get_expr_references(constraint.condition)
    }
    for name, value in against.items():
        if name not in named:
            continue
        if not hasattr(value, "resolve_expression"):
            value = Value(value)
        query.add_annotation(value, name, select=False)
    for number, (_model_class, constraint) in enumerate(checks):
        # A constraint that evaluates to UNKNOWN (NULL) holds, as in the database.
        condition = Q(constraint.condition)
        if connections[using].features.supports_comparing_boolean_expr:
            condition = Coalesce(condition, True, output_field=BooleanField())
        query.add_annotation(condition, f"holds_{number}")
    row = query.get_compiler(using=using).execute_sql(SINGLE)
    return [
        constraint
        for (_model_class, constraint), holds in zip(checks, row, strict=True)
        if holds is not None and not holds
    ]
