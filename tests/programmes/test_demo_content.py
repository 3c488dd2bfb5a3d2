"""``load_demo_content``: real programmes, safe to run again, and editors' changes are kept."""

from collections import Counter
from io import StringIO

from django.core.management import call_command

from wagtail.models import Locale, Page

import pytest

from programmes.models import (
    EvaluationPage,
    ProgrammePage,
    ProgrammeRating,
    TargetGroup,
)

pytestmark = pytest.mark.django_db


def load_again():
    out = StringIO()
    call_command("load_demo_content", stdout=out, verbosity=0)
    return out.getvalue()


def english_programmes():
    return ProgrammePage.objects.live().filter(locale__language_code="en")


def pages_by_type():
    return Counter(page.specific_class.__name__ for page in Page.objects.all())


def test_a_second_run_creates_nothing(demo_content):
    before = pages_by_type()
    output = load_again()
    assert "0 pages created" in output
    assert pages_by_type() == before


def test_no_duplicate_slugs_under_any_parent(demo_content):
    load_again()
    siblings = Counter((page.path[:-4], page.slug) for page in Page.objects.all())
    assert [key for key, count in siblings.items() if count > 1] == []


def test_an_editors_change_survives_a_second_run(demo_content):
    programme = english_programmes().get(slug="prevent-it")
    programme.summary = "Edited by an editor."
    programme.save_revision().publish()
    load_again()
    assert ProgrammePage.objects.get(pk=programme.pk).summary == "Edited by an editor."
    assert english_programmes().filter(slug="prevent-it").count() == 1


def test_a_deleted_demo_evaluation_is_restored_but_nothing_else_duplicated(demo_content):
    programme = english_programmes().get(slug="prevent-it")
    EvaluationPage.objects.child_of(programme).get().delete()
    before = pages_by_type()
    load_again()
    after = pages_by_type()
    assert after - before == Counter({"EvaluationPage": 1})


def test_at_least_fifteen_programmes(demo_content):
    assert english_programmes().count() >= 15


def test_every_target_group_has_a_live_programme(demo_content):
    uncovered = TargetGroup.objects.exclude(programmes__live=True)
    assert list(uncovered.values_list("slug", flat=True)) == []


def test_programmes_run_in_several_countries_and_languages(demo_content):
    programmes = english_programmes()
    countries = set(programmes.values_list("countries__code", flat=True)) - {None}
    languages = set(programmes.values_list("languages__code", flat=True)) - {None}
    assert len(countries) >= 10
    assert {"DE", "NL", "SE", "FI"} <= countries
    assert len(languages) >= 5


def test_translations_exist_in_several_locales(demo_content):
    locales = set(
        ProgrammePage.objects.live().exclude(locale__language_code="en")
        .values_list("locale__language_code", flat=True)
    )  # fmt: skip
    assert len(locales) >= 3
    assert "de" in locales


def test_every_programme_with_evaluations_has_a_rating(demo_content):
    evaluated = [p for p in english_programmes() if EvaluationPage.objects.child_of(p).exists()]
    assert len(evaluated) >= 5
    ratings = {r.programme_id: r for r in ProgrammeRating.objects.all()}
    assert all(p.pk in ratings for p in evaluated)
    assert any(ratings[p.pk].level != "insufficient" for p in evaluated)


def test_a_randomised_trial_with_a_significant_benefit_is_supported(demo_content):
    programme = english_programmes().get(slug="prevent-it")
    assert programme.current_rating().level == "supported"


def test_translations_share_the_rating_of_their_programme(demo_content):
    english = Locale.objects.get(language_code="en")
    translations = ProgrammePage.objects.exclude(locale=english)
    assert translations.exists()
    for translation in translations:
        source = translation.get_translation(english)
        assert translation.current_rating().level == source.current_rating().level, translation


def test_every_demo_programme_says_where_its_facts_come_from(demo_content):
    programmes = english_programmes()
    assert all(programme.is_demo_content for programme in programmes)
    assert programmes.exists()
    assert [
        p.slug for p in programmes if not p.source_url.startswith(("https://", "http://"))
    ] == []


def test_demo_pages_say_they_are_demo_content(client, demo_content):
    programme = english_programmes().first()
    assert "Demo content" in client.get(programme.url).content.decode()
