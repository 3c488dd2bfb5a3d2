"""The shared vocabularies, moved here from the catalogue (programmes 0001 to 0004 created and
seeded their tables, which keep their names: ``db_table``). Nothing is created or copied."""

from django.db import migrations, models


MOVED = [
    "adaptationkind",
    "barrier",
    "country",
    "deliverymode",
    "language",
    "legalanchor",
    "outcome",
    "practice",
    "preventionlevel",
    "setting",
    "targetgroup",
    "topic",
    "vulnerablegroup",
]


def move_content_types(apps, schema_editor):
    """Keep each vocabulary's content type (and so the editors' permissions on it, and the
    CMS history that points at it): rename its app label instead of making a new one."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label="vocabularies", model=model).exists():
            ContentType.objects.filter(app_label="programmes", model=model).update(
                app_label="vocabularies"
            )


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label="programmes", model=model).exists():
            ContentType.objects.filter(app_label="vocabularies", model=model).update(
                app_label="programmes"
            )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("programmes", "0004_seed_barriers_and_adaptation_kinds"),
    ]

    operations = [
        # The tables stay where they are: only Django's idea of who owns them changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AdaptationKind',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Stable identifier used in URLs.', max_length=80, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                    ],
                    options={
                        'verbose_name': 'kind of adaptation',
                        'verbose_name_plural': 'kinds of adaptation',
                        'db_table': 'programmes_adaptationkind',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Barrier',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Stable identifier used in URLs.', max_length=80, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                    ],
                    options={
                        'verbose_name': 'implementation barrier',
                        'verbose_name_plural': 'implementation barriers',
                        'db_table': 'programmes_barrier',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Country',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=2, unique=True, verbose_name='ISO 3166 code')),
                        ('name', models.CharField(max_length=100, verbose_name='name')),
                        ('is_eu', models.BooleanField(default=False, verbose_name='EU member state')),
                    ],
                    options={
                        'verbose_name': 'country',
                        'verbose_name_plural': 'countries',
                        'db_table': 'programmes_country',
                        'ordering': ['-is_eu', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='DeliveryMode',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Stable identifier used in URLs.', max_length=80, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                    ],
                    options={
                        'verbose_name': 'delivery mode',
                        'verbose_name_plural': 'delivery modes',
                        'db_table': 'programmes_deliverymode',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Language',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(max_length=3, unique=True, verbose_name='ISO 639-1 code')),
                        ('name', models.CharField(max_length=100, verbose_name='name')),
                        ('is_eu_official', models.BooleanField(default=False, verbose_name='EU official language')),
                    ],
                    options={
                        'verbose_name': 'language',
                        'verbose_name_plural': 'languages',
                        'db_table': 'programmes_language',
                        'ordering': ['-is_eu_official', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='LegalAnchor',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Stable identifier used in URLs.', max_length=80, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('article', models.CharField(blank=True, max_length=10, verbose_name='article of Directive 2011/93/EU')),
                    ],
                    options={
                        'verbose_name': 'legal anchor',
                        'verbose_name_plural': 'legal anchors',
                        'db_table': 'programmes_legalanchor',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Outcome',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Stable identifier used in URLs.', max_length=80, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                    ],
                    options={
                        'verbose_name': 'outcome',
                        'verbose_name_plural': 'outcomes',
                        'db_table': 'programmes_outcome',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Practice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Stable identifier used in URLs.', max_length=80, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                    ],
                    options={
                        'verbose_name': 'practice',
                        'verbose_name_plural': 'practices',
                        'db_table': 'programmes_practice',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='PreventionLevel',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Stable identifier used in URLs.', max_length=80, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                    ],
                    options={
                        'verbose_name': 'prevention level',
                        'verbose_name_plural': 'prevention levels',
                        'db_table': 'programmes_preventionlevel',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Setting',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Stable identifier used in URLs.', max_length=80, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                    ],
                    options={
                        'verbose_name': 'setting',
                        'verbose_name_plural': 'settings',
                        'db_table': 'programmes_setting',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='TargetGroup',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Stable identifier used in URLs.', max_length=80, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                    ],
                    options={
                        'verbose_name': 'target group',
                        'verbose_name_plural': 'target groups',
                        'db_table': 'programmes_targetgroup',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Topic',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Stable identifier used in URLs.', max_length=80, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                    ],
                    options={
                        'verbose_name': 'topic',
                        'verbose_name_plural': 'topics',
                        'db_table': 'programmes_topic',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='VulnerableGroup',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=150, verbose_name='name')),
                        ('slug', models.SlugField(help_text='Stable identifier used in URLs.', max_length=80, unique=True, verbose_name='slug')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                    ],
                    options={
                        'verbose_name': 'group with specific vulnerabilities',
                        'verbose_name_plural': 'groups with specific vulnerabilities',
                        'db_table': 'programmes_vulnerablegroup',
                        'ordering': ['sort_order', 'name'],
                        'abstract': False,
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
