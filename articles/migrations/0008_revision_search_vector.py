"""Each revision's search vector, generated and stored by PostgreSQL.

Revisions never change (0006), so the vector PostgreSQL writes with a revision holds
for good. Before, every search computed the vectors of every revision ever written:
3 ms a search on the benchmark's five articles, growing with each one. Django
doesn't know the column (its INSERTs leave it to PostgreSQL, and nothing else reads
it): only search does (articles/site_search.py). The expression is the one search
computed, with forum/search.CONFIG; a test compares the two. SQLite has no
full-text search: there search matches words (forum/search.py).
"""

from django.db import migrations

ADD = """
ALTER TABLE articles_articlerevision ADD COLUMN search_vector tsvector
GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, COALESCE(body, '')), 'B')
) STORED
"""
DROP = "ALTER TABLE articles_articlerevision DROP COLUMN search_vector"


def add_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ADD)


def drop_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_article_language_versions")]

    operations = [migrations.RunPython(add_column, drop_column)]
