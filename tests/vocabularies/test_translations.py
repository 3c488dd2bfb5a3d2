"""Vocabulary names in the visitor's language: terms from their translations (seeded, edited in
the CMS), countries and languages from CLDR, dates and numbers in the language's format."""

import datetime
from unittest import mock

from django.conf import settings
from django.utils import formats, translation

import pytest

from search import facets
from vocabularies import labels
from vocabularies.locale_names import endonym, language_name
from vocabularies.models import Country, Language, Outcome, TargetGroup, Topic

pytestmark = pytest.mark.django_db

EU_LANGUAGES = [code for code, _name in settings.LANGUAGES]


# --- Terms -------------------------------------------------------------------------------------


def test_a_seeded_term_reads_in_the_active_language():
    children = TargetGroup.objects.get(slug="children")
    with translation.override("de"):
        assert children.label == "Kinder"
        assert str(children) == "Kinder"
    with translation.override("pl"):
        assert children.label == "Dzieci"
    assert children.label == "Children"


@pytest.mark.parametrize("code", [code for code in EU_LANGUAGES if code != "en"])
def test_every_seeded_term_has_a_name_in_every_eu_language(code):
    for model in (TargetGroup, Topic, Outcome):
        missing = [term.slug for term in model.objects.all() if not term.translations.get(code)]
        assert not missing, (model.__name__, code, missing)


def test_no_seeded_name_says_child_pornography():
    words = ("pornogra", "порногра", "πορνογρ", "pedopornogr")
    for model in (Topic, Outcome):
        for term in model.objects.all():
            for name in term.translations.values():
                assert not any(word in name.lower() for word in words), name
    with translation.override("it"):
        assert "abuso sessuale su minori (CSAM)" in Topic.objects.get(slug="csam-viewing").label


def test_a_term_without_a_translation_reads_in_english():
    siblings = TargetGroup.objects.create(name="Siblings", slug="siblings", sort_order=99)
    with translation.override("fr"):
        assert siblings.label == "Siblings"
        assert labels.names(TargetGroup)["siblings"] == "Siblings"


def test_labels_are_kept_per_language_and_forgotten_when_a_term_changes():
    with translation.override("fr"):
        assert labels.names(TargetGroup)["children"] == "Enfants"
    assert labels.names(TargetGroup)["children"] == "Children"
    children = TargetGroup.objects.get(slug="children")
    children.translations = {**children.translations, "fr": "Les enfants"}
    children.save()
    with translation.override("fr"):
        assert labels.names(TargetGroup)["children"] == "Les enfants"


def test_search_facets_label_values_in_the_active_language():
    with translation.override("de"):
        assert facets.get("target_group").label_of("children") == "Kinder"
        assert facets.get("country").label_of("PL") == "Polen"
        assert facets.get("language").label_of("pl") == "Polnisch"
    assert facets.get("language").label_of("pl") == "Polish"


# --- Editing in the CMS ------------------------------------------------------------------------


@pytest.fixture
def editor(client):
    from tests.factories.portal import UserFactory, enable_totp

    admin = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(admin)
    client.force_login(admin)
    return client


def test_editors_edit_a_terms_name_per_language(editor):
    children = TargetGroup.objects.get(slug="children")
    url = f"/admin/snippets/vocabularies/targetgroup/edit/{children.pk}/"
    form = editor.get(url)
    assert form.status_code == 200
    page = form.content.decode()
    assert 'name="name_de"' in page and 'value="Kinder"' in page
    assert "Malti (mt)" in page

    data = {"name": "Children", "slug": "children", "description": "", "sort_order": 4}
    data |= {f"name_{code}": name for code, name in children.translations.items()}
    data |= {"name_de": "Kinder und Jugendliche", "name_mt": ""}
    response = editor.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    children.refresh_from_db()
    assert children.translations["de"] == "Kinder und Jugendliche"
    assert "mt" not in children.translations  # emptied: Maltese visitors read the English name
    with translation.override("de"):
        assert labels.names(TargetGroup)["children"] == "Kinder und Jugendliche"
    with translation.override("mt"):
        assert children.label == "Children"


def test_a_new_term_can_be_added_with_names_in_some_languages(editor):
    response = editor.post(
        "/admin/snippets/vocabularies/topic/add/",
        {"name": "Peer abuse", "slug": "peer-abuse", "description": "", "sort_order": 30,
         "name_fr": " Abus entre pairs "},
    )  # fmt: skip
    assert response.status_code == 302
    assert Topic.objects.get(slug="peer-abuse").translations == {"fr": "Abus entre pairs"}


# --- Countries and languages -------------------------------------------------------------------


def test_country_names_come_from_cldr_in_the_active_language():
    germany = Country.objects.get(code="DE")
    with translation.override("pl"):
        assert germany.label == "Niemcy"
        assert labels.names(Country)["DE"] == "Niemcy"
    with translation.override("el"):
        assert germany.label == "Γερμανία"
    assert germany.label == "Germany"  # English: the name stored in the vocabulary


def test_a_country_cldr_does_not_know_keeps_its_stored_name():
    made_up = Country.objects.create(code="QQ", name="Testland")
    with translation.override("de"):
        assert made_up.label == "Testland"


def test_language_names_come_from_cldr_capitalised_as_in_a_list():
    polish = Language.objects.get(code="pl")
    with translation.override("fr"):
        assert polish.label == "Polonais"
        assert labels.names(Language)["pl"] == "Polonais"
    with translation.override("de"):
        assert Language.objects.get(code="uk").label == "Ukrainisch"
    assert polish.label == "Polish"


def test_the_language_switcher_names_agree_with_cldr_endonyms():
    for code, name in settings.LANGUAGES:
        assert name.casefold() == endonym(code).casefold(), code
    assert endonym("mt") == "Malti"
    assert language_name("ga", "en") == "Irish"


# --- The open-data API -------------------------------------------------------------------------


def api(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_api_names_terms_in_english_unless_asked(client):
    url = "/api/v1/vocabularies/target_group/"
    terms = {t["slug"]: t["name"] for t in api(client, url)["terms"]}
    assert terms["children"] == "Children"
    # A browser's preference does not change the API's answer.
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert {t["slug"]: t["name"] for t in response.json()["terms"]}["children"] == "Children"
    german = {t["slug"]: t["name"] for t in api(client, url, lang="de")["terms"]}
    assert german["children"] == "Kinder"


def test_the_api_names_countries_languages_and_designs_in_the_language_asked(client):
    countries = api(client, "/api/v1/vocabularies/country/", lang="pl")["terms"]
    assert {"code": "DE", "name": "Niemcy", "is_eu": True} in countries
    languages = api(client, "/api/v1/vocabularies/language/", lang="fr")["terms"]
    assert {"code": "de", "name": "Allemand", "is_eu_official": True} in languages
    designs = api(client, "/api/v1/vocabularies/study_design/", lang="de")["terms"]
    assert "Randomisierte kontrollierte Studie" in [d["name"] for d in designs]


# --- Dates and numbers -------------------------------------------------------------------------


def test_english_dates_are_written_the_european_way():
    day = datetime.date(2026, 3, 5)
    assert formats.date_format(day, "DATE_FORMAT") == "5 March 2026"
    assert formats.date_format(day, "SHORT_DATE_FORMAT") == "05/03/2026"
    with translation.override("de"):
        assert formats.date_format(day, "DATE_FORMAT") == "5. März 2026"
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1.234,5"


def test_maltese_dates_and_numbers_follow_cldr():
    # Django reads a language's formats only once it knows the language (a catalogue for
    # Maltese is another change), so this says it does, and reads the formats afresh.
    formats.reset_format_cache()
    knows_maltese = mock.patch("django.utils.formats.check_for_language", return_value=True)
    with knows_maltese, translation.override("mt"):
        day = datetime.date(2026, 3, 5)
        assert formats.get_format("DATE_FORMAT") == r"j \t\a’ F Y"
        assert formats.date_format(day, "DATE_FORMAT").startswith("5 ta’ ")
        assert formats.date_format(day, "SHORT_DATE_FORMAT") == "05/03/2026"
        assert formats.number_format(1234.5, 1, force_grouping=True) == "1,234.5"
    formats.reset_format_cache()
