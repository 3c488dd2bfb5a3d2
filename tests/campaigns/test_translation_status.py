"""Translation status: the rule, then real pages translated with wagtail-localize and by hand."""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.test import TestCase

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

import pytest

from campaigns.choices import TranslationStatus
from campaigns.translation_status import SOURCE, coverage, language_statuses, status
from tests.factories.campaigns import MaterialPageFactory, translate

MISSING, OUT_OF_DATE, CURRENT = (
    TranslationStatus.MISSING,
    TranslationStatus.OUT_OF_DATE,
    TranslationStatus.CURRENT,
)
NOON = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


# The rule


@pytest.mark.parametrize(
    ("exists", "source_changed_at", "synced_at", "expected"),
    [
        (False, NOON, NOON, MISSING),
        (False, None, None, MISSING),
        (True, NOON, NOON + HOUR, CURRENT),
        (True, NOON, NOON, CURRENT),
        (True, NOON + HOUR, NOON, OUT_OF_DATE),
        (True, NOON, None, OUT_OF_DATE),  # never synchronised: cannot be trusted
        (True, None, NOON, CURRENT),  # the source was never published: nothing to catch up on
    ],
)
def test_status_rule(exists, source_changed_at, synced_at, expected):
    assert status(exists, source_changed_at, synced_at) == expected


# Real pages


def localize(page, language_code):
    """Translate ``page`` with wagtail-localize, as "Translate this page" then "Publish" do."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code=language_code)
    )
    sync(translation)
    return translation


def sync(translation, update_source=False):
    """Publish the translation (wagtail-localize publishes once the transaction commits);
    ``update_source`` first takes the source's current content in, as "Sync translated pages"."""
    if update_source:
        translation.source.update_from_db()
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)


def republish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def material(campaign):
    return MaterialPageFactory(parent=campaign, title="Sextortion poster")


def test_the_source_language_is_the_source_and_every_other_one_missing(material):
    statuses = language_statuses(material)

    assert list(statuses) == [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    assert statuses["en"].status == SOURCE
    assert statuses["en"].page.pk == material.pk
    assert {entry.status for code, entry in statuses.items() if code != "en"} == {MISSING}


def test_a_wagtail_localize_translation_is_current_until_the_source_changes(material):
    translation = localize(material, "de")

    statuses = language_statuses(material)
    assert statuses["de"].status == CURRENT
    assert statuses["de"].page.title == "Sextortion poster"
    assert statuses["de"].translation_id == translation.pk
    assert statuses["fr"].status == MISSING

    republish(material, summary="A new paragraph that the German version does not have.")
    assert language_statuses(material)["de"].status == OUT_OF_DATE

    sync(translation, update_source=True)
    assert language_statuses(material)["de"].status == CURRENT


def test_a_draft_that_is_not_published_is_not_out_of_date(material):
    localize(material, "de")
    material.summary = "Work in progress."
    material.save_revision()  # saved, not published

    assert language_statuses(material)["de"].status == CURRENT


def test_a_hand_made_translation_compares_with_its_own_publication(material):
    german = translate(material, "de")
    assert language_statuses(material)["de"].status == CURRENT

    republish(material, summary="Changed after the German version was published.")
    assert language_statuses(material)["de"].status == OUT_OF_DATE

    republish(german, title="Sextortion-Plakat")  # the translator catches up
    assert language_statuses(material)["de"].status == CURRENT


def test_an_unpublished_translation_is_still_missing_but_known(material):
    draft = translate(material, "pl", publish=False)

    entry = language_statuses(material)["pl"]
    assert entry.status == MISSING
    assert entry.is_draft
    assert entry.page.pk == draft.pk


def test_statuses_are_the_same_seen_from_a_translation(material):
    localize(material, "de")
    german = material.get_translation(Locale.objects.get(language_code="de"))

    statuses = language_statuses(german)
    assert statuses["en"].status == SOURCE
    assert statuses["de"].status == CURRENT
    assert statuses["de"].page.pk == german.pk


def test_coverage_reads_many_materials_in_a_constant_number_of_queries(
    campaign, django_assert_num_queries
):
    few = [MaterialPageFactory(parent=campaign)]
    localize(few[0], "de")
    many = few + [MaterialPageFactory(parent=campaign) for _ in range(5)]
    for page in many[1:4]:
        localize(page, "fr")
        translate(page, "it")

    with django_assert_num_queries(4):
        coverage(few)
    with django_assert_num_queries(4):
        table = coverage(many)

    assert len(table) == 6
    assert all(len(row) == 24 for row in table.values())
    assert [table[page.pk]["fr"].status for page in many] == [MISSING] + [CURRENT] * 3 + [
        MISSING
    ] * 2
    assert table[many[0].pk]["de"].status == CURRENT
