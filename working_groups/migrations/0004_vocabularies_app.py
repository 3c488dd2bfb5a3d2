"""A group's practice or target group now belongs to the vocabularies app."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('vocabularies', '0001_initial'),
        ('working_groups', '0003_membership_order'),
    ]

    operations = [
        # The tables stay where they are: only Django's idea of who owns them changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='workinggroup',
                    name='practice',
                    field=models.ForeignKey(blank=True, help_text='For a group organised by practice.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='working_groups', to='vocabularies.practice'),
                ),
                migrations.AlterField(
                    model_name='workinggroup',
                    name='target_group',
                    field=models.ForeignKey(blank=True, help_text='For a group organised by programme.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='working_groups', to='vocabularies.targetgroup'),
                ),
            ],
            database_operations=[],
        ),
    ]
