"""The full-text table beside the documents: FTS5 on SQLite, tsvector + GIN on PostgreSQL."""

from django.db import migrations

from search.fulltext import engine


def create(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        engine(schema_editor.connection).create(cursor)


def drop(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        engine(schema_editor.connection).drop(cursor)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
