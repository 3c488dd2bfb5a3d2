"""Materials' vocabularies now belong to the vocabularies app."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0002_locales'),
        ('vocabularies', '0001_initial'),
    ]

    operations = [
        # The tables stay where they are: only Django's idea of who owns them changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='adaptationannouncement',
                    name='country',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='vocabularies.country', verbose_name='for'),
                ),
                migrations.AlterField(
                    model_name='adaptationannouncement',
                    name='language',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='vocabularies.language', verbose_name='into'),
                ),
                migrations.AlterField(
                    model_name='campaignpage',
                    name='country_of_origin',
                    field=models.ForeignKey(blank=True, help_text='Leave empty for an international campaign.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='vocabularies.country'),
                ),
                migrations.AlterField(
                    model_name='materialfile',
                    name='language',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='vocabularies.language'),
                ),
                migrations.AlterField(
                    model_name='materialpage',
                    name='adapted_for',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='adapted_materials', to='vocabularies.country', verbose_name='adapted for'),
                ),
                migrations.AlterField(
                    model_name='materialpage',
                    name='audiences',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='materials', to='vocabularies.targetgroup', verbose_name='audience'),
                ),
                migrations.AlterField(
                    model_name='materialpage',
                    name='country_of_origin',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='materials_from', to='vocabularies.country', verbose_name='country of origin'),
                ),
                migrations.AlterField(
                    model_name='materialpage',
                    name='language',
                    field=models.ForeignKey(blank=True, help_text="For an adaptation. Leave empty: the page's own language is used.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='vocabularies.language', verbose_name='language of this version'),
                ),
                migrations.AlterField(
                    model_name='materialpage',
                    name='language_of_origin',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='materials_originally_in', to='vocabularies.language', verbose_name='language of origin'),
                ),
                migrations.AlterField(
                    model_name='materialpage',
                    name='topics',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='materials', to='vocabularies.topic', verbose_name='topics'),
                ),
                migrations.AlterField(
                    model_name='materialvideo',
                    name='language',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='vocabularies.language'),
                ),
            ],
            database_operations=[],
        ),
    ]
