"""The PostgreSQL full-text table no longer refers to the documents' table (see
``search.fulltext``): that reference stopped Django from emptying the documents' table."""

from django.db import migrations


def drop_reference(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "ALTER TABLE search_fulltext DROP CONSTRAINT IF EXISTS search_fulltext_document_id_fkey"
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0003_family_and_tokens")]

    operations = [migrations.RunPython(drop_reference, migrations.RunPython.noop)]
