"""Seed the implementation-report vocabularies (see vocabularies/seed.py).

Idempotent: existing terms (matched by slug) are left as editors made them.
"""

from django.db import migrations

from vocabularies import seed


def forwards(apps, schema_editor):
    for name, rows in (("Barrier", seed.BARRIERS), ("AdaptationKind", seed.ADAPTATION_KINDS)):
        model = apps.get_model("programmes", name)
        for order, (slug, label) in enumerate(rows):
            model.objects.get_or_create(slug=slug, defaults={"name": label, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("programmes", "0003_report_kinds_and_rating_history")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
