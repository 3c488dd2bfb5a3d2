"""Moving the vocabularies out of the catalogue kept every term and every reference.

The database is taken back to just before the move (programmes 0004 and the other apps'
migrations of that time), given terms and references through the models of that time, and
migrated forward again: the same rows must come out of the new app's models."""

from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from vocabularies.models import Country, Language, Practice, TargetGroup

# Migrating back and forth changes tables, which neither SQLite nor PostgreSQL (with rows just
# written in the same transaction) allows inside the test's transaction: the test commits, and
# the database is emptied after it.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE_THE_MOVE = [
    ("programmes", "0004_seed_barriers_and_adaptation_kinds"),
    ("portal", "0005_user_profile"),
    ("campaigns", "0002_locales"),
    ("working_groups", "0003_membership_order"),
    ("vocabularies", None),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    apps = executor.loader.project_state([t for t in targets if t[1]]).apps
    # The rows restored after the previous transactional test came with their ids; on
    # PostgreSQL the tables' sequences must move past them before new rows are added.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(apps.get_models())):
            cursor.execute(sql)
    return apps


@pytest.fixture
def old_apps():
    apps = _migrate(BEFORE_THE_MOVE)
    yield apps
    call_command("migrate", verbosity=0)  # whatever happened, leave the schema current


def test_terms_and_references_survive_the_move(old_apps):
    old = lambda app, name: old_apps.get_model(app, name)  # noqa: E731
    renamed = old("programmes", "Practice").objects.get(slug="healthcare")
    renamed.name = "Health care (edited)"
    renamed.save()
    new_term = old("programmes", "TargetGroup").objects.create(
        name="Siblings", slug="siblings", sort_order=99
    )
    germany = old("programmes", "Country").objects.get(code="DE")
    polish = old("programmes", "Language").objects.get(code="pl")
    user = old("portal", "User").objects.create(
        email="kept@example.org", first_name="Kept", country=germany, practice=renamed
    )
    user.working_languages.add(polish)
    group = old("working_groups", "WorkingGroup").objects.create(
        name="Siblings group", slug="siblings", axis="programme", target_group=new_term
    )
    service = old("portal", "SupportService").objects.create(
        name="Helpline", kind="parents", country=germany, description="d", website="https://x.eu"
    )
    service.languages.add(polish)

    _migrate(executor_leaves())

    assert Practice.objects.get(slug="healthcare").name == "Health care (edited)"
    assert TargetGroup.objects.get(slug="siblings").pk == new_term.pk
    from django.contrib.auth import get_user_model

    from portal.models import SupportService
    from working_groups.models import WorkingGroup

    kept = get_user_model().objects.get(email="kept@example.org")
    assert kept.country == Country.objects.get(code="DE")
    assert kept.practice.slug == "healthcare"
    assert list(kept.working_languages.all()) == [Language.objects.get(code="pl")]
    assert WorkingGroup.objects.get(pk=group.pk).target_group.slug == "siblings"
    moved = SupportService.objects.get(pk=service.pk)
    assert (moved.country.code, [lang.code for lang in moved.languages.all()]) == ("DE", ["pl"])


def test_the_content_types_move_with_the_models(old_apps):
    from django.contrib.contenttypes.models import ContentType

    old_type = old_apps.get_model("contenttypes", "ContentType")
    before = old_type.objects.get(app_label="programmes", model="targetgroup").pk
    _migrate(executor_leaves())
    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_model(TargetGroup).pk == before
    assert not ContentType.objects.filter(app_label="programmes", model="targetgroup").exists()


def executor_leaves():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
