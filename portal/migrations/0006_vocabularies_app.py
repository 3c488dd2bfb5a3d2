"""The profile's and support services' vocabularies now belong to the vocabularies app."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0005_user_profile'),
        ('vocabularies', '0001_initial'),
    ]

    operations = [
        # The tables stay where they are: only Django's idea of who owns them changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='supportservice',
                    name='country',
                    field=models.ForeignKey(blank=True, help_text='Leave empty for a service open to people in every country.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='support_services', to='vocabularies.country'),
                ),
                migrations.AlterField(
                    model_name='supportservice',
                    name='languages',
                    field=models.ManyToManyField(blank=True, related_name='support_services', to='vocabularies.language'),
                ),
                migrations.AlterField(
                    model_name='user',
                    name='country',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='vocabularies.country', verbose_name='country'),
                ),
                migrations.AlterField(
                    model_name='user',
                    name='practice',
                    field=models.ForeignKey(blank=True, help_text='Your professional background.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='vocabularies.practice', verbose_name='practice'),
                ),
                migrations.AlterField(
                    model_name='user',
                    name='working_languages',
                    field=models.ManyToManyField(blank=True, help_text='Languages you can work in with other members.', related_name='+', to='vocabularies.language', verbose_name='working languages'),
                ),
            ],
            database_operations=[],
        ),
    ]
