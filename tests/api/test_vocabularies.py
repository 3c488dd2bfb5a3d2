"""The vocabularies as open data: every value a filter takes, with its stable identifier."""

import pytest

from search.facets import all_facets
from search.registry import type_labels
from vocabularies.models import TargetGroup

pytestmark = pytest.mark.django_db


def get(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, response.content
    return response.json()


def test_the_index_lists_every_vocabulary_and_the_filters_it_serves(client):
    found = {v["name"]: v for v in get(client, "/api/v1/vocabularies/")}
    assert found["language"]["filters"] == ["language", "available_in"]
    assert found["legal_anchor"]["filters"] == []
    for name, vocabulary in found.items():
        assert vocabulary["url"] == f"http://testserver/api/v1/vocabularies/{name}/"
        assert get(client, vocabulary["url"])["name"] == name


def test_the_catalogues_own_lists_sit_among_the_shared_ones(client):
    names = [v["name"] for v in get(client, "/api/v1/vocabularies/")]
    assert names[names.index("outcome") + 1] == "study_design"
    assert names[-1] == "rating"


def test_terms_have_slug_name_and_description(client):
    found = get(client, "/api/v1/vocabularies/target_group/")
    assert found["filters"] == ["target_group"]
    assert {"slug": "children", "name": "Children", "description": ""} in found["terms"]
    assert len(found["terms"]) == TargetGroup.objects.count()
    anchors = get(client, "/api/v1/vocabularies/legal_anchor/")["terms"]
    assert all(set(term) == {"slug", "name", "description", "article"} for term in anchors)
    designs = {
        t["slug"]: t["tier"] for t in get(client, "/api/v1/vocabularies/study_design/")["terms"]
    }
    assert designs["rct"] == "strong"


def test_countries_and_languages_have_codes(client):
    countries = get(client, "/api/v1/vocabularies/country/")["terms"]
    assert {"code": "DE", "name": "Germany", "is_eu": True} in countries
    languages = get(client, "/api/v1/vocabularies/language/")["terms"]
    assert {"code": "pl", "name": "Polish", "is_eu_official": True} in languages


def test_rating_levels_say_what_they_mean(client):
    levels = get(client, "/api/v1/vocabularies/rating/")["terms"]
    assert [level["slug"] for level in levels] == [
        "well_supported",
        "supported",
        "promising",
        "no_effect",
        "harmful",
        "insufficient",
    ]
    assert all(level["description"] for level in levels)


FACET_EXAMPLES = {facet.name: facet.example for facet in all_facets()}


@pytest.mark.parametrize("facet", sorted(FACET_EXAMPLES))
def test_the_schemas_example_values_are_real_values(client, facet):
    if facet == "type":  # only the search takes it, and a type is not a vocabulary
        assert FACET_EXAMPLES[facet] in type_labels()
        return
    url = "/api/v1/materials/" if facet == "adapted" else "/api/v1/programmes/"
    get(client, url, {facet: FACET_EXAMPLES[facet]})
