"""Reading Elasticsearch 8 search responses: totals, hits, snippets and facet counts."""

import copy

import pytest

from search import indexing, service
from search.backends.elastic import ElasticsearchBackend, parse_response
from search.backends.embedded import EmbeddedBackend
from search.query import SearchRequest
from tests.factories.search import day, search_document


def _facet(name, buckets, other=0):
    return {
        f"_filter_{name}": {
            "doc_count": sum(count for _key, count in buckets) + other,
            name: {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": other,
                "buckets": [{"key": key, "doc_count": count} for key, count in buckets],
            },
        }
    }


def _hit(key, score, source, highlight=None):
    hit = {
        "_index": "portal-test-content-20250101120000000000",
        "_id": key,
        "_score": score,
        "_source": source,
        "sort": [score, 1714564800000, key],
    }
    if highlight is not None:
        hit["highlight"] = highlight
    return hit


PROGRAMME = {
    "key": "programme:12",
    "type": "programme",
    "title": "Safer prisons",
    "summary": "Mentoring for young people in <custody> & after release.",
    "body": "A programme run in prisons across Bavaria.",
    "language": "en",
    "url": "/programmes/safer-prisons/",
    "date": "2024-05-01T12:00:00+00:00",
    "year": "2019",
    "rating": "promising",
    "rating_rank": 3,
    "target_group": ["young-people"],
    "practice": ["mentoring"],
    "prevention_level": ["indicated"],
    "setting": ["prison"],
    "topic": [],
    "country": ["DE"],
    "available_in": ["de", "en"],
    "visibility": ["public"],
}
EVALUATION = {
    **PROGRAMME,
    "key": "evaluation:40",
    "type": "evaluation",
    "title": "Evaluation of Safer prisons",
    "summary": "A randomised trial in two prisons.",
    "url": "/programmes/safer-prisons/evaluation/",
    "date": None,
    "rating": None,
    "rating_rank": -1,
}
REPORT = {
    **PROGRAMME,
    "key": "implementation_report:7",
    "type": "implementation_report",
    "title": "Berlin 2021",
    "summary": "x" * 300,
    "url": "/programmes/safer-prisons/berlin-2021/",
}

RESPONSE = {
    "took": 12,
    "timed_out": False,
    "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
    "hits": {
        "total": {"value": 42, "relation": "eq"},
        "max_score": 7.31,
        "hits": [
            _hit(
                "programme:12",
                7.31,
                PROGRAMME,
                {
                    # What an html encoder and <mark> tags give back: the text escaped.
                    "summary": ["Mentoring for young people in &lt;custody&gt; &amp; after"],
                    "body.english": ["A programme run in <mark>prisons</mark> across Bavaria."],
                },
            ),
            _hit("evaluation:40", 5.0, EVALUATION, {"summary.english": ["A randomised trial"]}),
            _hit("implementation_report:7", 1.2, REPORT),
        ],
    },
    "aggregations": {
        **_facet("type", [("programme", 30), ("evaluation", 10), ("implementation_report", 2)]),
        **_facet("country", [("DE", 40), ("AT", 5)]),
        **_facet("year", [(2019, 12), (2021, 3)]),
        **_facet("rating", [("promising", 9)]),
        **_facet("topic", []),
    },
}


def parse(response=RESPONSE, request=None):
    return parse_response(copy.deepcopy(response), request or SearchRequest(q="prisons"))


def test_the_total_is_the_exact_count_not_the_page():
    total, hits, _counts = parse()

    assert total == 42
    assert len(hits) == 3


def test_hits_keep_the_order_and_fields_of_the_response():
    _total, hits, _counts = parse()

    assert [hit.key for hit in hits] == ["programme:12", "evaluation:40", "implementation_report:7"]
    first = hits[0]
    assert (first.type, first.title, first.url, first.language) == (
        "programme",
        "Safer prisons",
        "/programmes/safer-prisons/",
        "en",
    )
    assert first.summary == PROGRAMME["summary"]
    assert first.rating == "promising"
    assert first.date == "2024-05-01T12:00:00+00:00"
    assert hits[1].rating is None
    assert hits[1].date is None


def test_the_snippet_is_the_fragment_that_marks_a_match():
    _total, hits, _counts = parse()

    # The summary fragment comes first but marks nothing; the body fragment marks the match.
    assert hits[0].snippet == "A programme run in <mark>prisons</mark> across Bavaria."


def test_without_a_marked_fragment_the_snippet_is_the_escaped_summary():
    _total, hits, _counts = parse()

    assert hits[1].snippet == "A randomised trial in two prisons."  # unmarked highlight ignored
    assert hits[2].snippet == "x" * 240  # no highlight at all: the summary, shortened


def test_a_summary_snippet_is_html_escaped():
    response = copy.deepcopy(RESPONSE)
    del response["hits"]["hits"][0]["highlight"]

    _total, hits, _counts = parse(response)

    assert hits[0].snippet == ("Mentoring for young people in &lt;custody&gt; &amp; after release.")
    assert "<custody>" not in hits[0].snippet


def test_facet_counts_come_from_the_filtered_aggregations():
    _total, _hits, counts = parse()

    assert counts["type"] == {"programme": 30, "evaluation": 10, "implementation_report": 2}
    assert counts["country"] == {"DE": 40, "AT": 5}
    assert counts["year"] == {"2019": 12, "2021": 3}  # keys as strings, like the filters
    assert counts["rating"] == {"promising": 9}
    assert counts["topic"] == {}
    assert not any(name.startswith("_filter_") for name in counts)


def test_a_response_without_hits_or_aggregations():
    response = {
        "took": 1,
        "timed_out": False,
        "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
    }

    assert parse(response) == (0, [], {})


@pytest.mark.parametrize(
    "broken",
    [
        {"hits": {"total": 3, "hits": []}},  # a pre-7 total: an integer, not {"value": ...}
        {"hits": {"hits": []}},
        {"error": "nonsense"},
    ],
)
def test_a_malformed_response_is_an_error_not_an_empty_answer(broken):
    with pytest.raises((KeyError, TypeError)):
        parse(broken)


def test_the_backend_answers_from_the_response(fake_es):
    fake_es.search_response = RESPONSE

    total, hits, counts = ElasticsearchBackend().search(SearchRequest(q="prisons"))

    assert total == 42
    assert hits[0].key == "programme:12"
    assert counts["country"] == {"DE": 40, "AT": 5}


def test_the_service_labels_the_counts_and_keeps_selected_values(fake_es, db):
    fake_es.search_response = RESPONSE
    request = SearchRequest(q="prisons", filters={"country": ("DE", "PL")})

    results = service.run(request)

    assert results.degraded is False
    assert results.total == 42
    countries = {
        option.value: (option.count, option.selected) for option in results.facets["country"]
    }
    assert countries == {"DE": (40, True), "AT": (5, False), "PL": (0, True)}
    types = [option.value for option in results.facets["type"]]
    assert types == ["programme", "evaluation", "implementation_report"]  # by count
    assert [option.value for option in results.facets["year"]] == ["2021", "2019"]


# --- one result per translation family ---------------------------------------------------------

# A page in English and German (one family) and a programme alone in its own, as the embedded
# backend's tests index them. The English version of the family is its newest.
SAFE = search_document(
    "Safe online", key=1, type="page", family="page:f1", language="en",
    summary="Safe online.", available_in=["de", "en"], date=day(2),
)  # fmt: skip
SICHER = search_document(
    "Sicher online", key=2, type="page", family="page:f1", language="de",
    summary="Sicher online.", available_in=["de", "en"], date=day(1),
)  # fmt: skip
HELPLINE = search_document("Online helpline", key=3, summary="An online helpline.", date=day(3))
FAMILY_REQUEST = SearchRequest(
    q="online", sort="newest", interface_language="de", one_per_family=True
)


def _collapsed(source, shown, highlight=None):
    """A collapsed hit: the family's first document in the sort order, and in its inner hits
    the version to show."""
    hit = _hit(source["key"], None, source)
    hit["sort"] = [source["date"], source["key"]]
    hit["fields"] = {"family": [source["family"]]}
    inner = _hit(shown["key"], None, shown, highlight)
    inner["sort"] = [0, len(shown["key"]), shown["key"]]
    hit["inner_hits"] = {
        "shown": {"hits": {"total": {"value": 2, "relation": "eq"}, "hits": [inner]}}
    }
    return hit


def _family_facet(name, buckets):
    """A facet whose values count documents (doc_count) and families (``metric``)."""
    facet = _facet(name, [(key, documents) for key, documents, _families in buckets])
    for bucket, (_key, _documents, families) in zip(
        facet[f"_filter_{name}"][name]["buckets"], buckets, strict=True
    ):
        bucket["metric"] = {"value": families}
    return facet


# What Elasticsearch answers FAMILY_REQUEST with over those documents.
FAMILY_RESPONSE = {
    "took": 3,
    "timed_out": False,
    "hits": {
        "total": {"value": 3, "relation": "eq"},  # documents: collapsing does not change it
        "max_score": None,
        "hits": [
            _collapsed(HELPLINE, HELPLINE),
            # The family comes where its newest version does; the German one is shown.
            _collapsed(SAFE, SICHER, {"summary": ["Sicher <mark>online</mark>."]}),
        ],
    },
    "aggregations": {
        "families": {"doc_count": 3, "count": {"value": 2}},
        **_family_facet("type", [("page", 2, 1), ("programme", 1, 1)]),
        **_family_facet("language", [("en", 2, 2), ("de", 1, 1)]),
        **_family_facet("available_in", [("en", 3, 2), ("de", 2, 1)]),
    },
}


def test_a_collapsed_response_lists_the_version_shown_of_each_family():
    total, hits, _counts = parse(FAMILY_RESPONSE, FAMILY_REQUEST)

    assert total == 2
    assert [(hit.key, hit.title, hit.language) for hit in hits] == [
        ("programme:3", "Online helpline", "en"),
        ("page:2", "Sicher online", "de"),
    ]
    assert [hit.also_in for hit in hits] == [[], ["en"]]
    assert hits[1].url == "/de/page/2/"
    assert hits[1].snippet == "Sicher <mark>online</mark>."  # the shown version's highlight


def test_facet_values_count_families_not_documents():
    _total, _hits, counts = parse(FAMILY_RESPONSE, FAMILY_REQUEST)

    assert counts == {
        "type": {"page": 1, "programme": 1},
        "language": {"en": 2, "de": 1},
        "available_in": {"en": 2, "de": 1},
    }


@pytest.mark.django_db
def test_a_collapsed_response_reads_as_the_embedded_backend_answers(fake_es):
    indexing.write([SAFE, SICHER, HELPLINE], queue=False)
    fake_es.search_response = FAMILY_RESPONSE

    embedded_total, embedded_hits, embedded_counts = EmbeddedBackend().search(FAMILY_REQUEST)
    total, hits, counts = ElasticsearchBackend().search(FAMILY_REQUEST)

    assert total == embedded_total == 2
    assert [(hit.key, hit.language, hit.also_in) for hit in hits] == [
        (hit.key, hit.language, hit.also_in) for hit in embedded_hits
    ]
    assert counts == embedded_counts


def test_an_index_without_families_lists_each_document_as_its_own_family():
    request = SearchRequest(q="prisons", one_per_family=True)

    assert parse(RESPONSE, request) == parse(RESPONSE, SearchRequest(q="prisons"))
    total, hits, counts = parse(RESPONSE, request)
    assert total == 42  # the documents
    assert [hit.key for hit in hits] == ["programme:12", "evaluation:40", "implementation_report:7"]
    assert counts["country"] == {"DE": 40, "AT": 5}  # doc_count


def test_a_family_without_an_inner_hit_shows_its_first_document():
    response = copy.deepcopy(FAMILY_RESPONSE)
    response["hits"]["hits"][1]["inner_hits"]["shown"]["hits"]["hits"] = []
    del response["hits"]["hits"][0]["inner_hits"]

    _total, hits, _counts = parse(response, FAMILY_REQUEST)

    assert [(hit.key, hit.also_in) for hit in hits] == [("programme:3", []), ("page:1", ["de"])]


def test_family_estimates_never_exceed_the_documents():
    response = copy.deepcopy(FAMILY_RESPONSE)
    response["aggregations"]["families"]["count"]["value"] = 4
    response["aggregations"]["_filter_type"]["type"]["buckets"][0]["metric"]["value"] = 3

    total, _hits, counts = parse(response, FAMILY_REQUEST)

    assert total == 3
    assert counts["type"]["page"] == 2
