"""Every term gets its names in the other EU languages (``translations``), seeded from
``vocabularies/seed_translations``. Idempotent: a name an editor already gave is kept."""

from django.db import migrations, models

from vocabularies import seed


def seed_translations(apps, schema_editor):
    for model_name, by_slug in seed.translations().items():
        seed.add_translations(apps.get_model("vocabularies", model_name), by_slug)


class Migration(migrations.Migration):

    dependencies = [
        ('vocabularies', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='adaptationkind',
            name='translations',
            field=models.JSONField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.AddField(
            model_name='barrier',
            name='translations',
            field=models.JSONField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.AddField(
            model_name='deliverymode',
            name='translations',
            field=models.JSONField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.AddField(
            model_name='legalanchor',
            name='translations',
            field=models.JSONField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.AddField(
            model_name='outcome',
            name='translations',
            field=models.JSONField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.AddField(
            model_name='practice',
            name='translations',
            field=models.JSONField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.AddField(
            model_name='preventionlevel',
            name='translations',
            field=models.JSONField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.AddField(
            model_name='setting',
            name='translations',
            field=models.JSONField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.AddField(
            model_name='targetgroup',
            name='translations',
            field=models.JSONField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.AddField(
            model_name='topic',
            name='translations',
            field=models.JSONField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.AddField(
            model_name='vulnerablegroup',
            name='translations',
            field=models.JSONField(blank=True, default=dict, verbose_name='translations'),
        ),
        migrations.RunPython(seed_translations, migrations.RunPython.noop),
    ]
