"""The shared vocabularies left the catalogue for the vocabularies app (its 0001), keeping
their tables; the catalogue keeps only the study designs."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0003_vocabularies_app'),
        ('portal', '0006_vocabularies_app'),
        ('programmes', '0004_seed_barriers_and_adaptation_kinds'),
        ('vocabularies', '0001_initial'),
        ('working_groups', '0004_vocabularies_app'),
    ]

    operations = [
        # The tables stay where they are: only Django's idea of who owns them changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='implementationreportpage',
                    name='country',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='implementation_reports', to='vocabularies.country'),
                ),
                migrations.AlterField(
                    model_name='outcomerating',
                    name='outcome',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='vocabularies.outcome'),
                ),
                migrations.AlterField(
                    model_name='evaluationresult',
                    name='outcome',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='results', to='vocabularies.outcome'),
                ),
                migrations.AlterField(
                    model_name='implementationreportpage',
                    name='setting',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='implementation_reports', to='vocabularies.setting'),
                ),
                migrations.AlterField(
                    model_name='evaluationpage',
                    name='countries',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='evaluations', to='vocabularies.country', verbose_name='countries'),
                ),
                migrations.AlterField(
                    model_name='implementationreportpage',
                    name='adaptation_kinds',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='implementation_reports', to='vocabularies.adaptationkind', verbose_name='kinds of adaptation'),
                ),
                migrations.AlterField(
                    model_name='implementationreportpage',
                    name='barrier_kinds',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='implementation_reports', to='vocabularies.barrier', verbose_name='kinds of barrier'),
                ),
                migrations.AlterField(
                    model_name='programmepage',
                    name='countries',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='programmes', to='vocabularies.country', verbose_name='runs in'),
                ),
                migrations.AlterField(
                    model_name='programmepage',
                    name='delivery_modes',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='programmes', to='vocabularies.deliverymode'),
                ),
                migrations.AlterField(
                    model_name='programmepage',
                    name='languages',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='programmes', to='vocabularies.language'),
                ),
                migrations.AlterField(
                    model_name='programmepage',
                    name='legal_anchors',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='programmes', to='vocabularies.legalanchor'),
                ),
                migrations.AlterField(
                    model_name='programmepage',
                    name='practices',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='programmes', to='vocabularies.practice'),
                ),
                migrations.AlterField(
                    model_name='programmepage',
                    name='prevention_levels',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='programmes', to='vocabularies.preventionlevel'),
                ),
                migrations.AlterField(
                    model_name='programmepage',
                    name='settings',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='programmes', to='vocabularies.setting'),
                ),
                migrations.AlterField(
                    model_name='programmepage',
                    name='target_groups',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='programmes', to='vocabularies.targetgroup'),
                ),
                migrations.AlterField(
                    model_name='programmepage',
                    name='topics',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='programmes', to='vocabularies.topic'),
                ),
                migrations.AlterField(
                    model_name='programmepage',
                    name='vulnerable_groups',
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name='programmes', to='vocabularies.vulnerablegroup'),
                ),
                migrations.DeleteModel(
                    name='AdaptationKind',
                ),
                migrations.DeleteModel(
                    name='Barrier',
                ),
                migrations.DeleteModel(
                    name='DeliveryMode',
                ),
                migrations.DeleteModel(
                    name='Language',
                ),
                migrations.DeleteModel(
                    name='LegalAnchor',
                ),
                migrations.DeleteModel(
                    name='Practice',
                ),
                migrations.DeleteModel(
                    name='PreventionLevel',
                ),
                migrations.DeleteModel(
                    name='TargetGroup',
                ),
                migrations.DeleteModel(
                    name='Topic',
                ),
                migrations.DeleteModel(
                    name='VulnerableGroup',
                ),
                migrations.DeleteModel(
                    name='Country',
                ),
                migrations.DeleteModel(
                    name='Outcome',
                ),
                migrations.DeleteModel(
                    name='Setting',
                ),
            ],
            database_operations=[],
        ),
    ]
