"""The API filters like search does: the same facet names and values find the same items;
values of one facet combine with OR, facets with AND. A typo is a 400 that says what to send,
never an empty list and never a 500."""

import pytest

from programmes.models import ProgrammePage
from search.facets import FACETS

pytestmark = pytest.mark.django_db


def api_ids(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["results"]}


def search_ids(client, doc_type, params):
    """Ids (translation keys) of what the search API finds of one type."""
    response = client.get("/api/search/", {**params, "type": doc_type, "per_page": 100})
    assert response.status_code == 200, response.content
    keys = {page.get_url(): str(page.translation_key) for page in ProgrammePage.objects.live()}
    return {keys[hit["url"]] for hit in response.json()["results"]}


SAME_AS_SEARCH = [
    {"target_group": "fear-they-might-offend"},
    {"target_group": ["fear-they-might-offend", "offended-in-prison"]},
    {"practice": "healthcare"},
    {"prevention_level": "tertiary"},
    {"country": "DE"},
    {"country": "fr"},  # codes in any case, as in search
    {"country": ["AT", "FR"]},
    {"language": "de"},
    {"available_in": "de"},
    {"available_in": "fr"},
    {"rating": "supported"},
    {"rating": "insufficient"},
    {"outcome": "dynamic-risk-factors"},
    {"outcome": "knowledge"},
    {"year": "2005"},
    {"country": "DE", "target_group": "offended-in-prison"},
    {"country": "DE", "prevention_level": "secondary"},
    {"q": "prison"},
    {"q": "therapy", "country": "DE"},
]


def test_a_filter_finds_the_programmes_search_finds(client, content):
    found_something = 0
    for params in SAME_AS_SEARCH:
        found = api_ids(client, "/api/v1/programmes/", params)
        assert found == search_ids(client, "programme", params), params
        found_something += bool(found)
    assert found_something >= len(SAME_AS_SEARCH) - 4  # most of them find something


def test_values_of_one_filter_are_or_and_filters_are_and(client, content):
    therapy, prison = str(content.therapy.translation_key), str(content.prison.translation_key)
    url = "/api/v1/programmes/"
    assert api_ids(client, url, {"country": ["DE", "FR"]}) == {therapy, prison}
    assert api_ids(client, url, {"country": "DE", "practice": "healthcare"}) == {therapy}
    assert api_ids(client, url, {"country": "FR", "practice": "healthcare"}) == set()


def test_evaluations_and_reports_take_their_programmes_facets(client, content):
    evaluation = str(content.evaluation.translation_key)
    report = str(content.report.translation_key)
    evaluations, reports = "/api/v1/evaluations/", "/api/v1/implementation-reports/"
    assert api_ids(client, evaluations, {"target_group": "fear-they-might-offend"}) == {evaluation}
    assert api_ids(client, evaluations, {"target_group": "offended-in-prison"}) == set()
    assert api_ids(client, evaluations, {"outcome": "wellbeing", "year": "2021"}) == {evaluation}
    assert api_ids(client, evaluations, {"rating": "supported"}) == {evaluation}
    assert api_ids(client, reports, {"practice": "healthcare", "country": "DE"}) == {report}
    assert api_ids(client, reports, {"year": "2020"}) == set()


def test_materials_filter_by_audience_language_and_adaptations(client, content):
    poster = str(content.poster.translation_key)
    adaptation = str(content.adaptation.translation_key)
    url = "/api/v1/materials/"
    assert api_ids(client, url, {"target_group": "children"}) == {poster, adaptation}
    assert api_ids(client, url, {"topic": "sextortion"}) == {poster}
    assert api_ids(client, url, {"available_in": "ga"}) == {poster}  # an Irish file
    assert api_ids(client, url, {"available_in": "de"}) == {poster}  # a German translation
    assert api_ids(client, url, {"language": "pl"}) == {adaptation}
    assert api_ids(client, url, {"country": "PL"}) == {adaptation}  # made for Poland
    assert api_ids(client, url, {"adapted": "1"}) == {poster}
    assert api_ids(client, url, {"adapted": "2"}) == set()


@pytest.mark.parametrize(
    ("url", "params", "message"),
    [
        ("/api/v1/programmes/", {"contry": "DE"}, "Unknown parameter “contry”."),
        ("/api/v1/programmes/", {"adapted": "1"}, "The search filter “adapted” does not apply"),
        ("/api/v1/programmes/", {"type": "programme"}, "The search filter “type”"),
        ("/api/v1/programmes/", {"country": "XX"}, "Unknown value “XX” for “country”."),
        ("/api/v1/programmes/", {"target_group": "kids"}, "/api/v1/vocabularies/target_group/"),
        ("/api/v1/programmes/", {"available_in": "xx"}, "/api/v1/vocabularies/language/"),
        ("/api/v1/programmes/", {"rating": "great"}, "Unknown value “great” for “rating”."),
        ("/api/v1/programmes/", {"year": "20x5"}, "“year” must be a four-digit year"),
        ("/api/v1/programmes/", {"lang": "xx"}, "Unknown language “xx” for “lang”."),
        ("/api/v1/programmes/", {"q": "x" * 501}, "the limit is 500"),
        ("/api/v1/programmes/", {"page": "two"}, "“page” must be a whole number"),
        ("/api/v1/programmes/", {"page": "0"}, "“page” must be 1 or more."),
        ("/api/v1/programmes/", {"page_size": "500"}, "“page_size” must be 1–100."),
        ("/api/v1/programmes/", {"country": "DE\x00"}, "not allowed"),
        ("/api/v1/materials/", {"adapted": "7"}, "“adapted” is a number of countries"),
        ("/api/v1/materials/", {"rating": "supported"}, "“rating” does not apply"),
        ("/api/v1/evaluations/", {"outcome": "happiness"}, "for “outcome”"),
        ("/api/v1/programmes.csv", {"page": "2"}, "Unknown parameter “page”."),
        ("/api/v1/vocabularies/country/", {"q": "x"}, "Unknown parameter “q”."),
    ],
)
def test_a_bad_parameter_is_a_400_that_says_what_to_send(client, db, url, params, message):
    response = client.get(url, params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    assert message in response.json()["detail"]


def test_every_list_filter_is_a_search_facet():
    from campaigns.api.filters import MATERIALS
    from programmes.api.filters import EVALUATIONS, PROGRAMMES, REPORTS

    for filters in (PROGRAMMES, EVALUATIONS, REPORTS, MATERIALS):
        assert set(filters.names) <= set(FACETS) - {"type"}
