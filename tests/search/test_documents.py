"""What each kind of content becomes in the index, and what never gets there."""

import datetime

from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.rich_text import RichText

import pytest

from portal import search as portal_search
from portal.models import HomePage
from programmes import search as programmes_search
from programmes.models import ProgrammeRating
from search import registry
from search.languages import LANGUAGES
from search.schema import TEXT_FIELDS, ContentDocument, language_field
from tests.factories.programmes import (
    EvaluationPageFactory,
    ImplementationReportPageFactory,
    ProgrammePageFactory,
)
from tests.factories.search import StandardPageFactory, SupportServiceFactory, search_document
from vocabularies.models import Setting

pytestmark = pytest.mark.django_db

# Every field of the schema but the copies of the text in each language's fields, which
# ``schema.language_document`` adds as the document is sent to Elasticsearch.
SCHEMA_FIELDS = set(ContentDocument._doc_type.mapping.to_dict()["properties"]) - {
    language_field(name, code) for code in LANGUAGES for name in TEXT_FIELDS
}


@pytest.fixture
def programme(catalogue):
    return ProgrammePageFactory(
        parent=catalogue,
        title="Circles of Support",
        summary="Volunteers meet a released offender every week.",
        description="<p>Volunteers &amp; professionals <b>together</b>.</p>",
        organisation="Circles Europe",
        target_groups=["offended-after-release"],
        practices=["social-work", "civil-society"],
        prevention_levels=["tertiary"],
        countries=["NL", "BE"],
        languages=["nl", "en"],
        start_year=2002,
    )


def test_a_programme_document_has_every_field_of_the_schema(programme):
    doc = programmes_search.programme_document(programme)
    assert set(doc) == SCHEMA_FIELDS
    assert set(search_document("Factory-made")) == SCHEMA_FIELDS


def test_a_programme_document_carries_its_facts_as_stable_values(programme):
    doc = programmes_search.programme_document(programme)
    assert doc["key"] == f"programme:{programme.pk}"
    assert doc["type"] == "programme"
    assert doc["title"] == "Circles of Support"
    assert doc["url"] == programme.url == "/programmes/circles-of-support/"
    assert doc["language"] == "en"
    assert doc["summary"] == "Volunteers meet a released offender every week."
    assert "Volunteers & professionals together." in doc["body"]  # tags gone, entities read
    assert "Circles Europe" in doc["body"]
    assert doc["target_group"] == ["offended-after-release"]
    assert doc["practice"] == ["civil-society", "social-work"]
    assert doc["prevention_level"] == ["tertiary"]
    assert doc["country"] == ["BE", "NL"]
    assert doc["available_in"] == ["en", "nl"]
    assert doc["year"] == "2002"
    assert doc["visibility"] == ["public"]
    assert datetime.datetime.fromisoformat(doc["date"]) == programme.last_published_at


def test_a_programme_without_a_stored_rating_counts_as_insufficient(programme):
    doc = programmes_search.programme_document(programme)
    assert (doc["rating"], doc["rating_rank"]) == ("insufficient", 1)


def test_a_programme_document_carries_its_stored_rating(programme):
    ProgrammeRating.objects.create(
        programme=programme, level="supported", rank=4, explanation="x", rubric_version="1.0"
    )
    programme = type(programme).objects.get(pk=programme.pk)
    doc = programmes_search.programme_document(programme)
    assert (doc["rating"], doc["rating_rank"]) == ("supported", 4)


def test_evaluations_inherit_the_programmes_facets_and_rating(programme, rate):
    evaluation = EvaluationPageFactory(
        parent=programme, title="Circles RCT", publication_year=2019, summary="Fewer re-offences."
    )
    rate(programme)
    evaluation = type(evaluation).objects.get(pk=evaluation.pk)
    doc = programmes_search.evaluation_document(evaluation)
    assert doc["type"] == "evaluation"
    assert doc["target_group"] == ["offended-after-release"]
    assert doc["practice"] == ["civil-society", "social-work"]
    assert doc["rating"] == "supported"
    assert doc["year"] == "2019"
    assert "Circles of Support" in doc["body"]  # found by the programme's name
    assert "Knowledge: Positive (beneficial)" in doc["body"]


def test_implementation_reports_have_their_own_country_setting_and_year(programme):
    report = ImplementationReportPageFactory(
        parent=programme,
        title="Circles in Berlin",
        setting=Setting.objects.get(slug="community"),
        started=datetime.date(2021, 3, 1),
        observations="High attendance.",
    )
    doc = programmes_search.implementation_report_document(report)
    assert doc["type"] == "implementation_report"
    assert doc["country"] == ["DE"]
    assert doc["setting"] == ["community"]
    assert doc["year"] == "2021"
    assert doc["target_group"] == ["offended-after-release"]
    assert doc["summary"] == "High attendance."


def test_a_standard_page_is_searchable_by_its_body(home):
    page = StandardPageFactory(
        parent=home,
        title="About the network",
        intro="Who we are.",
        body=[("heading", "Our members"), ("paragraph", RichText("<p>Clinics &amp; NGOs</p>"))],
    )
    doc = portal_search.standard_page_document(page)
    assert (doc["type"], doc["title"], doc["summary"]) == (
        "page",
        "About the network",
        "Who we are.",
    )
    assert "Our members" in doc["body"] and "Clinics & NGOs" in doc["body"]
    assert doc["rating"] is None and doc["rating_rank"] == -1


def test_a_support_service_is_listed_in_each_of_its_languages():
    service = SupportServiceFactory(name="Kein Täter werden", languages=["de", "en"])
    doc = portal_search.support_service_document(service)
    assert doc["key"] == f"support_service:{service.pk}"
    assert doc["title"] == "Kein Täter werden"
    assert doc["country"] == ["DE"]
    assert doc["available_in"] == ["de", "en"]
    assert doc["language"] in ("de", "en")
    assert doc["url"].endswith(f"#service-{service.pk}")
    assert "+49 800 000 000" in doc["body"]


def test_a_support_service_for_every_country_and_with_no_languages_is_still_listed():
    service = SupportServiceFactory(country=None)
    doc = portal_search.support_service_document(service)
    assert doc["country"] == []
    assert doc["available_in"] == ["en"]


def test_a_live_translation_makes_a_page_available_in_its_language(programme):
    german = programme.copy_for_translation(Locale.objects.get(language_code="de"), True)
    doc = programmes_search.programme_document(programme)
    assert "de" not in doc["available_in"]  # the copy is a draft until published
    german.save_revision().publish()
    doc = programmes_search.programme_document(type(programme).objects.get(pk=programme.pk))
    assert "de" in doc["available_in"]


def test_drafts_have_no_document(catalogue, home):
    assert (
        programmes_search.programme_document(ProgrammePageFactory(parent=catalogue, live=False))
        is None
    )
    assert (
        portal_search.standard_page_document(StandardPageFactory(parent=home, live=False)) is None
    )


def test_pages_behind_a_view_restriction_have_no_document(programme):
    evaluation = EvaluationPageFactory(parent=programme)
    PageViewRestriction.objects.create(page=programme, restriction_type="login")
    assert programmes_search.programme_document(programme) is None
    assert (
        programmes_search.evaluation_document(evaluation) is None
    )  # restricted through its parent


def test_pages_outside_the_portals_site_have_no_document():
    other_root = Page.get_first_root_node().add_child(
        instance=HomePage(title="Another site", slug="another-site")
    )
    page = StandardPageFactory(parent=other_root)
    assert page.live
    assert portal_search.standard_page_document(page) is None


def test_everything_lists_live_pages_only(catalogue):
    live = ProgrammePageFactory(parent=catalogue)
    ProgrammePageFactory(parent=catalogue, live=False)
    source = registry.source_for_type("programme")
    assert list(source.everything()) == [live]
    assert registry.source_for(live) is source


def test_programmes_carry_the_outcomes_they_are_rated_on(programme, publish):
    assert programmes_search.programme_document(programme)["outcome"] == []
    evaluation = EvaluationPageFactory(
        parent=programme,
        live=False,
        results=[
            {"outcome": "sexual-reoffending", "direction": "positive"},
            {"outcome": "attitudes", "direction": "none", "significance": "not_significant"},
        ],
    )
    publish(evaluation)
    programme = type(programme).objects.get(pk=programme.pk)
    assert programmes_search.programme_document(programme)["outcome"] == [
        "attitudes",
        "sexual-reoffending",
    ]
    assert programmes_search.evaluation_document(evaluation)["outcome"] == [
        "attitudes",
        "sexual-reoffending",
    ]


def test_the_search_finds_programmes_by_target_group_and_outcome(client, programme, publish):
    publish(EvaluationPageFactory(parent=programme, live=False, results=[{"outcome": "knowledge"}]))
    ProgrammePageFactory(parent=programme.get_parent(), target_groups=["offended-after-release"])

    params = {"type": "programme", "target_group": "offended-after-release", "outcome": "knowledge"}
    body = client.get("/api/search/", params).json()
    assert [hit["title"] for hit in body["results"]] == ["Circles of Support"]
    assert body["facets"]["outcome"] == [
        {"value": "knowledge", "label": "Knowledge", "count": 1, "selected": True}
    ]
