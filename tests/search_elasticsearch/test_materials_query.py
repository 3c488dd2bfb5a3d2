"""Campaign materials on the Elasticsearch path: the "adapted in n+ countries" facet in the
request body, the mapping, and the answer, as the API gives it."""

import pytest

from campaigns.search import adapted_values
from search.schema import ContentDocument

from .fakes import empty_search_response
from .test_query_body import body, matches

MATERIALS = {
    "adapted-in-3": {"type": "material", "country": ["IE"], "adapted": adapted_values(3)},
    "adapted-in-2": {"type": "material", "country": ["IE"], "adapted": adapted_values(2)},
    "adapted-in-7": {"type": "material", "country": ["PL"], "adapted": adapted_values(7)},
    "not-adapted": {"type": "material", "country": ["IE"], "adapted": []},
    "programme": {"type": "programme", "country": ["IE"]},
}


def matching(query):
    return {key for key, doc in MATERIALS.items() if matches(query, doc)}


def test_adapted_values_are_cumulative_and_capped_at_five():
    assert adapted_values(0) == []
    assert adapted_values(3) == ["1", "2", "3"]
    assert adapted_values(7) == ["1", "2", "3", "4", "5"]


def test_adapted_3_keeps_materials_adapted_in_three_countries_or_more():
    sent = body(filters={"adapted": ("3",)})

    assert sent["post_filter"] == {"terms": {"adapted": ["3"]}}
    assert matching(sent["post_filter"]) == {"adapted-in-3", "adapted-in-7"}


def test_adapted_combines_with_the_other_facets_with_and():
    sent = body(filters={"adapted": ("2",), "country": ("IE",)})

    assert matching(sent["post_filter"]) == {"adapted-in-3", "adapted-in-2"}


def test_the_adapted_counts_ignore_their_own_selection_but_apply_the_others():
    aggs = body(filters={"adapted": ("3",), "country": ("IE",)})["aggs"]

    assert aggs["_filter_adapted"]["aggs"]["adapted"]["terms"]["field"] == "adapted"
    assert matching(aggs["_filter_adapted"]["filter"]) == set(MATERIALS) - {"adapted-in-7"}
    assert matching(aggs["_filter_country"]["filter"]) == {"adapted-in-3", "adapted-in-7"}


def test_adapted_is_a_keyword_field_of_the_mapping():
    properties = ContentDocument._index.to_dict()["mappings"]["properties"]

    assert properties["adapted"] == {"type": "keyword"}


def _response():
    response = empty_search_response()
    response["aggregations"] = {
        f"_filter_{name}": {"doc_count": 0, name: {"buckets": []}} for name in ("type", "country")
    }
    response["aggregations"]["_filter_adapted"] = {
        "doc_count": 4,
        "adapted": {
            "buckets": [
                {"key": "1", "doc_count": 4},
                {"key": "3", "doc_count": 2},
                {"key": "2", "doc_count": 2},
            ]
        },
    }
    return response


@pytest.mark.django_db
def test_the_api_sends_adapted_3_and_labels_the_counts(fake_es, client):
    fake_es.search_response = _response()

    response = client.get("/api/search/", {"adapted": "3", "type": "material"})

    assert response.status_code == 200
    (call,) = fake_es.calls_to("search")
    assert matches(call["body"]["post_filter"], MATERIALS["adapted-in-3"])
    assert not matches(call["body"]["post_filter"], MATERIALS["adapted-in-2"])
    found = response.json()
    assert found["degraded"] is False
    assert found["facets"]["adapted"] == [
        {"value": "1", "label": "Adapted in 1+ countries", "count": 4, "selected": False},
        {"value": "2", "label": "Adapted in 2+ countries", "count": 2, "selected": False},
        {"value": "3", "label": "Adapted in 3+ countries", "count": 2, "selected": True},
    ]
