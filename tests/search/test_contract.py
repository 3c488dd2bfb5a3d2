"""Both backends answer the same search the same way.

The same fixed corpus goes into the embedded index (SQLite or PostgreSQL, whichever the suite
runs on) and, when ELASTICSEARCH_URL is set, into a throwaway Elasticsearch index; the same
SearchRequests then go through each backend's ``search``. Only rankings by score may differ
in detail, so for relevance these tests check the order that matters to a visitor.
"""

import contextlib
import uuid

import pytest

from search import backends, query, rebuild
from search.schema import PUBLIC, group_visibility
from tests.factories.search import day, search_document

pytestmark = pytest.mark.django_db

GROUP_A, GROUP_B = 101, 102

# Public documents, newest first: programme:3 (day 30), programme:2 and support_service:6
# (day 20, tie broken by key), evaluation:4 and programme:1 (day 10, ditto), page:5 (no date).
CORPUS = [
    {
        "key": 1,
        "title": "Prison therapy",
        "body": "Group therapy for men in prison, twice a week.",
        "target_group": ["offended-in-prison"],
        "country": ["DE"],
        "rating": "supported",
        "date": day(10),
    },
    {
        "key": 2,
        "title": "Stop it now helpline",
        "summary": "Anonymous helpline for people who fear they might offend.",
        "target_group": ["fear-they-might-offend"],
        "country": ["DE", "NL"],
        "rating": "promising",
        "date": day(20),
    },
    {
        "key": 3,
        "title": "Safe school curriculum",
        "body": "Lessons for children, taught by former prison staff.",
        "target_group": ["children"],
        "country": ["FR"],
        "rating": "well_supported",
        "date": day(30),
    },
    {
        "key": 4,
        "type": "evaluation",
        "title": "Evaluation of prison therapy",
        "target_group": ["offended-in-prison"],
        "country": ["FR"],
        "rating": "supported",
        "date": day(10),
    },
    {"key": 5, "type": "page", "title": "About the network", "summary": "Who we are."},
    {
        "key": 6,
        "type": "support_service",
        "title": "Therapy helpline",
        "summary": "Confidential calls.",
        "country": ["NL"],
        "date": day(20),
    },
    {
        "key": 7,
        "title": "Prison reentry pilot",
        "body": "A closed pilot of group A.",
        "target_group": ["offended-in-prison"],
        "country": ["DE", "MT"],
        "topic": ["grooming"],
        "date": day(40),
        "visibility": [group_visibility(GROUP_A)],
    },
    {
        "key": 8,
        "title": "Prison reentry study",
        "body": "A closed study of group B.",
        "country": ["CY"],
        "date": day(50),
        "visibility": [group_visibility(GROUP_B)],
    },
]
PUBLIC_NEWEST = [
    "programme:3",
    "programme:2",
    "support_service:6",
    "evaluation:4",
    "programme:1",
    "page:5",
]
PUBLIC_BY_EVIDENCE = [
    "programme:3",  # well supported
    "evaluation:4",  # supported, day 10: tie with programme:1 broken by key
    "programme:1",
    "programme:2",  # promising
    "support_service:6",  # no rating, newer
    "page:5",  # no rating, no date
]


@pytest.fixture
def corpus(index):
    return index(*(search_document(**fields) for fields in CORPUS))


@pytest.fixture(params=["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def backend(request, settings, corpus):
    if request.param == "embedded":
        yield backends.embedded_backend()
        return
    from elasticsearch.dsl import connections

    from search.backends.elastic import client

    with contextlib.suppress(KeyError):  # a client made for another URL
        connections.remove_connection("portal")
    settings.ELASTICSEARCH_URL = settings.ELASTICSEARCH_TEST_URL
    settings.SEARCH_INDEX_PREFIX = prefix = f"portal-test-{uuid.uuid4().hex}"
    try:
        rebuild.rebuild_elasticsearch()
        yield backends.elasticsearch_backend()
    finally:
        try:
            es = client()
            created = es.indices.get(index=f"{prefix}-*", allow_no_indices=True).body
            for name in created:  # one by one: deleting by wildcard is refused by default
                es.indices.delete(index=name, ignore_unavailable=True)
        finally:
            with contextlib.suppress(KeyError):
                connections.remove_connection("portal")


def run(backend, visibility=(PUBLIC,), **params):
    """(total, keys in order, {facet: {value: count}}) for a search, like the API shapes it."""
    request = query.parse(params, visibility=visibility)
    total, hits, counts = backend.search(request)
    options = query.facet_options(counts, request)
    facets = {name: {o.value: o.count for o in found} for name, found in options.items()}
    return total, [hit.key for hit in hits], facets


def keys(backend, **params):
    return run(backend, **params)[1]


def test_without_a_query_everything_public_is_found_newest_first(backend):
    total, found, facets = run(backend)
    assert total == 6
    assert found == PUBLIC_NEWEST
    assert facets["type"] == {"programme": 3, "evaluation": 1, "page": 1, "support_service": 1}


def test_a_text_query_finds_its_words_in_any_field(backend):
    assert set(keys(backend, q="helpline")) == {"programme:2", "support_service:6"}
    assert set(keys(backend, q="children")) == {"programme:3"}  # in the body only
    assert set(keys(backend, q="anonymous")) == {"programme:2"}  # in the summary only


def test_every_word_of_a_query_must_match(backend):
    assert set(keys(backend, q="prison therapy")) == {"programme:1", "evaluation:4"}
    assert keys(backend, q="prison helpline") == []


def test_a_title_match_ranks_above_a_match_in_the_body_only(backend):
    found = keys(backend, q="prison")
    assert set(found[:2]) == {"programme:1", "evaluation:4"}
    assert found[2:] == ["programme:3"]


def test_values_of_one_facet_combine_with_or(backend):
    assert set(keys(backend, target_group=["offended-in-prison"])) == {
        "programme:1",
        "evaluation:4",
    }
    assert set(keys(backend, target_group=["offended-in-prison", "children"])) == {
        "programme:1",
        "evaluation:4",
        "programme:3",
    }


def test_different_facets_combine_with_and(backend):
    assert keys(backend, target_group=["offended-in-prison"], country=["DE"]) == ["programme:1"]
    assert keys(backend, type=["evaluation"], country=["DE"]) == []


def test_facets_combine_with_a_text_query(backend):
    assert keys(backend, q="helpline", country=["DE"]) == ["programme:2"]


def test_each_facets_counts_ignore_its_own_selection_but_apply_the_others(backend):
    total, found, facets = run(backend, target_group=["offended-in-prison"], country=["FR"])
    assert (total, found) == (1, ["evaluation:4"])
    # What choosing another target group would add, among French content:
    assert facets["target_group"] == {"offended-in-prison": 1, "children": 1}
    # What choosing another country would add, among the target group's content:
    assert facets["country"] == {"DE": 1, "FR": 1}
    # Facets nobody chose count the results themselves:
    assert facets["type"] == {"evaluation": 1}
    assert facets["rating"] == {"supported": 1}


def test_facet_counts_follow_the_text_query(backend):
    _total, _found, facets = run(backend, q="helpline")
    assert facets["country"] == {"DE": 1, "NL": 2}
    assert facets["type"] == {"programme": 1, "support_service": 1}


def test_a_selected_value_that_matches_nothing_is_still_offered_with_zero(backend):
    total, _found, facets = run(backend, country=["IT"])
    assert total == 0
    assert facets["country"]["IT"] == 0


def test_private_documents_are_found_only_with_their_groups_visibility(backend):
    public = (PUBLIC,)
    group_a = (PUBLIC, group_visibility(GROUP_A))
    group_b = (PUBLIC, group_visibility(GROUP_B))
    assert keys(backend, q="reentry", visibility=public) == []
    assert keys(backend, q="reentry", visibility=group_a) == ["programme:7"]
    assert keys(backend, q="reentry", visibility=group_b) == ["programme:8"]
    assert run(backend, visibility=public)[0] == 6
    assert run(backend, visibility=group_a)[0] == 7


def test_private_documents_do_not_count_in_facets_for_others(backend):
    facets = run(backend)[2]
    assert "MT" not in facets["country"] and "CY" not in facets["country"]
    assert facets["topic"] == {}
    assert facets["target_group"]["offended-in-prison"] == 2
    facets = run(backend, visibility=(PUBLIC, group_visibility(GROUP_A)))[2]
    assert facets["country"]["MT"] == 1 and "CY" not in facets["country"]
    assert facets["topic"] == {"grooming": 1}
    assert facets["target_group"]["offended-in-prison"] == 3


def test_a_filter_on_a_private_only_value_finds_nothing_for_others(backend):
    assert run(backend, country=["MT"])[:2] == (0, [])
    assert run(backend, topic=["grooming"])[:2] == (0, [])


@pytest.mark.parametrize(
    "sort, expected", [("newest", PUBLIC_NEWEST), ("evidence", PUBLIC_BY_EVIDENCE)]
)
def test_pages_follow_each_other_in_a_stable_order(backend, sort, expected):
    pages = [run(backend, sort=sort, per_page="2", page=str(n)) for n in (1, 2, 3)]
    assert [total for total, _keys, _facets in pages] == [6, 6, 6]
    assert [found for _total, found, _facets in pages] == [
        expected[0:2],
        expected[2:4],
        expected[4:6],
    ]


def test_a_page_past_the_end_is_empty_but_keeps_the_total(backend):
    assert run(backend, per_page="5", page="3")[:2] == (6, [])


def test_relevance_without_a_query_means_newest(backend):
    assert keys(backend, sort="relevance") == PUBLIC_NEWEST


def test_sorting_by_evidence_applies_to_text_matches(backend):
    assert keys(backend, q="prison", sort="evidence") == [
        "programme:3",
        "evaluation:4",
        "programme:1",
    ]


def test_hits_carry_what_a_result_shows(backend):
    request = query.parse({"q": "helpline", "type": ["programme"]})
    _total, (hit,), _counts = backend.search(request)
    assert hit.title == "Stop it now helpline"
    assert hit.url == "/en/programme/2/"
    assert hit.language == "en"
    assert hit.rating == "promising"
    assert hit.date == day(20).isoformat()
    assert hit.summary == "Anonymous helpline for people who fear they might offend."
    assert "<mark>helpline</mark>" in hit.snippet
