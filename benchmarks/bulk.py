"""Inserting many rows fast: PostgreSQL's COPY, else Django's bulk_create.

Django's bulk_create spends most of its time compiling SQL (about 60% of seeding
100,000 posts); COPY takes plain tuples. Both go through the table as it is:
constraints, triggers and indexes all stay on.
"""

from django.db import connection
from django.db.models import FileField, JSONField
from django.utils import timezone

BATCH = 1_000


def insert(model, objects, *, with_ids=True):
    """Insert `objects` (unsaved instances of `model`); ids are given or the
    database's (`with_ids=False`: then they are not read back)."""
    if not objects:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=BATCH)
        return
    fields = [
        field
        for field in model._meta.concrete_fields
        if with_ids or not field.primary_key
    ]
    now = timezone.now()
    for field in fields:  # what pre_save would fill: auto_now(_add) stamps
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for obj in objects:
                if obj.__dict__.get(field.attname) is None or field.auto_now:
                    obj.__dict__[field.attname] = now
    readers = [_reader(field) for field in fields]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"COPY {table} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.copy(sql) as copy:
        for obj in objects:
            values = obj.__dict__
            copy.write_row([read(values) for read in readers])


def _reader(field):
    attname = field.attname
    if isinstance(field, FileField):  # a FieldFile once touched: store its name
        return lambda values: str(values.get(attname) or "")
    if isinstance(field, JSONField):  # as JSON, not as an array
        return lambda values: field.get_db_prep_value(values.get(attname), connection)
    return lambda values: values.get(attname)
