"""Study designs get their names in the other EU languages (``translations``), seeded from
``programmes/study_designs.py``. Idempotent: a name an editor already gave is kept."""

from django.db import migrations, models

from programmes.study_designs import STUDY_DESIGN_TRANSLATIONS
from vocabularies import seed


def seed_translations(apps, schema_editor):
    seed.add_translations(apps.get_model("programmes", "StudyDesign"), STUDY_DESIGN_TRANSLATIONS)


class Migration(migrations.Migration):

    dependencies = [
        ('programmes', '0005_vocabularies_moved_out'),
    ]

    operations = [
        migrations.AddField(
            model_name='studydesign',
            name='translations',
            field=models.JSONField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.RunPython(seed_translations, migrations.RunPython.noop),
    ]
