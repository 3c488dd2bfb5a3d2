"""The request bodies the Elasticsearch backend sends, and the index mapping it creates.

Filters are checked by meaning as well as by shape: ``matches`` evaluates the bits of the
Query DSL the portal uses (bool, terms, match_all) against plain documents, the way
Elasticsearch would.
"""

import importlib
import json

import pytest
from elasticsearch.dsl import connections

from search.backends import elastic
from search.backends.elastic import ElasticsearchBackend, faceted_search
from search.facets import FACETS
from search.languages import LANGUAGES
from search.query import SearchRequest
from search.schema import (
    FAMILY_PRECISION,
    LANGUAGE_STEMMERS,
    ContentDocument,
    PortalSearch,
    analysis,
    index_alias,
    language_document,
)

from .fakes import empty_search_response, scripted_client

DATE_DESC = {"date": {"order": "desc", "missing": "_last"}}


def body(**request):
    return faceted_search(SearchRequest(**request))._s.to_dict()


def matches(query, doc):
    """Does ``doc`` match ``query``? Just the Query DSL the portal builds."""
    ((kind, params),) = query.items()
    if kind == "match_all":
        return True
    if kind == "terms":
        ((field, values),) = params.items()
        value = doc.get(field)
        have = set(value) if isinstance(value, list) else {value}
        return bool(have & set(values))
    if kind == "bool":
        return (
            all(matches(q, doc) for q in params.get("must", []) + params.get("filter", []))
            and not any(matches(q, doc) for q in params.get("must_not", []))
            and (not params.get("should") or any(matches(q, doc) for q in params["should"]))
        )
    raise AssertionError(f"unexpected query {query}")


DOCS = {
    "de-programme": {"type": "programme", "country": ["DE"], "language": "de"},
    "de-evaluation": {"type": "evaluation", "country": ["DE"], "language": "de"},
    "de-at-page": {"type": "page", "country": ["AT", "DE"], "language": "de"},
    "fr-programme": {"type": "programme", "country": ["FR"], "language": "fr"},
    "fr-evaluation": {"type": "evaluation", "country": ["FR"], "language": "en"},
}


def matching(query):
    return {key for key, doc in DOCS.items() if matches(query, doc)}


# --- the text query ----------------------------------------------------------------------


def test_words_must_all_match_across_title_summary_body_and_their_language_analyses():
    sent = body(q="prison schools")

    (text_query,) = sent["query"]["bool"]["must"]
    multi_match = text_query["multi_match"]
    assert multi_match["query"] == "prison schools"
    assert multi_match["type"] == "cross_fields"
    assert multi_match["operator"] == "and"
    fields = set(multi_match["fields"])
    assert {"title^5", "summary^2", "body^1", "title_de^5", "summary_cs^2", "body_mt^1"} <= fields
    assert len(fields) == 3 + 3 * len(LANGUAGES)


def test_a_known_query_language_searches_only_its_own_stems_and_whole_words():
    sent = body(q="rodina", q_language="cs")

    (text_query,) = sent["query"]["bool"]["must"]
    assert set(text_query["multi_match"]["fields"]) == {
        "title^5", "summary^2", "body^1", "title_cs^5", "summary_cs^2", "body_cs^1"
    }  # fmt: skip


def test_the_query_fields_are_every_text_field_of_the_mapping():
    properties = ContentDocument._index.to_dict()["mappings"]["properties"]
    text_fields = {name for name, field in properties.items() if field["type"] == "text"}
    assert {field.split("^")[0] for field in PortalSearch().fields} == text_fields


def test_a_document_s_text_is_copied_into_its_own_language_fields_only():
    doc = language_document({"language": "sk", "title": "Rodina", "summary": "", "body": "x"})

    assert doc["title_sk"] == "Rodina" and doc["body_sk"] == "x"
    assert not any(key.endswith("_cs") for key in doc)


def test_without_words_there_is_no_text_query_and_the_newest_come_first():
    sent = body(q="")

    assert "must" not in sent["query"]["bool"]
    assert "multi_match" not in json.dumps(sent)
    assert sent["sort"] == [DATE_DESC, "key"]


# --- visibility and facets ---------------------------------------------------------------


def test_visibility_is_a_filter_of_the_query_so_it_also_limits_the_facet_counts():
    sent = body(q="x", visibility=("public", "group:7"))

    assert sent["query"]["bool"]["filter"] == [{"terms": {"visibility": ["public", "group:7"]}}]
    # Aggregations run on the query's hits; the post_filter would not limit them.
    assert "post_filter" not in sent
    assert "visibility" not in json.dumps(sent["aggs"])


def test_values_of_one_facet_combine_with_or_in_the_post_filter():
    sent = body(filters={"type": ("programme", "evaluation")})

    assert sent["post_filter"] == {"terms": {"type": ["programme", "evaluation"]}}
    assert matching(sent["post_filter"]) == {
        "de-programme",
        "de-evaluation",
        "fr-programme",
        "fr-evaluation",
    }


def test_different_facets_combine_with_and_in_the_post_filter():
    sent = body(filters={"type": ("programme", "page"), "country": ("DE",)})

    assert matching(sent["post_filter"]) == {"de-programme", "de-at-page"}


def test_no_selection_means_no_post_filter():
    assert "post_filter" not in body(q="x")


def test_each_facet_counts_under_the_other_facets_selections_only():
    filters = {"type": ("programme",), "country": ("DE", "AT")}
    aggs = body(filters=filters)["aggs"]

    assert set(aggs) == {f"_filter_{name}" for name in FACETS}
    for name in FACETS:
        bucket = aggs[f"_filter_{name}"]
        assert bucket["aggs"][name]["terms"]["field"] == name
        assert bucket["aggs"][name]["terms"]["size"] >= 50
    # The type counts ignore the type selection, so other types stay visible with counts.
    assert matching(aggs["_filter_type"]["filter"]) == {
        "de-programme",
        "de-evaluation",
        "de-at-page",
    }
    # The country counts ignore the country selection.
    assert matching(aggs["_filter_country"]["filter"]) == {"de-programme", "fr-programme"}
    # Every other facet counts under both selections.
    assert matching(aggs["_filter_language"]["filter"]) == {"de-programme"}


def test_without_selections_every_facet_counts_every_hit():
    aggs = body(q="x")["aggs"]

    for name in FACETS:
        assert aggs[f"_filter_{name}"]["filter"] == {"match_all": {}}


# --- sorting, paging, highlighting -------------------------------------------------------


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("relevance", ["_score", DATE_DESC, "key"]),
        ("newest", [DATE_DESC, "key"]),
        ("evidence", [{"rating_rank": {"order": "desc"}}, DATE_DESC, "key"]),
    ],
)
def test_sort_orders_end_with_the_key_so_pages_never_overlap(sort, expected):
    assert body(q="x", sort=sort)["sort"] == expected


def test_relevance_without_words_sorts_by_date():
    assert body(q="", sort="relevance")["sort"] == [DATE_DESC, "key"]


@pytest.mark.parametrize(
    ("page", "per_page", "start"), [(1, 20, 0), (2, 20, 20), (3, 10, 20), (7, 100, 600)]
)
def test_the_page_becomes_from_and_size(page, per_page, start):
    faceted = faceted_search(SearchRequest(q="x", page=page, per_page=per_page))

    assert faceted._s.to_dict()["from"] == start
    assert faceted._s.to_dict()["size"] == per_page
    # The unsliced search is the same request without the page.
    unsliced = faceted.build_search().to_dict()
    assert "from" not in unsliced and "size" not in unsliced
    assert {k: v for k, v in faceted._s.to_dict().items() if k not in ("from", "size")} == unsliced


def test_totals_are_exact():
    assert body(q="x")["track_total_hits"] is True


def test_highlights_are_html_escaped_with_mark_tags():
    highlight = body(q="x")["highlight"]

    assert highlight["encoder"] == "html"
    assert highlight["pre_tags"] == ["<mark>"]
    assert highlight["post_tags"] == ["</mark>"]
    assert highlight["number_of_fragments"] == 1
    assert {"summary", "summary_*", "body", "body_*"} <= set(highlight["fields"])


# --- one result per translation family ---------------------------------------------------

FAMILY_COUNT = {"cardinality": {"field": "family", "precision_threshold": FAMILY_PRECISION}}


def family_body(**request):
    return body(one_per_family=True, **request)


def preferred_languages(sent):
    language_rank = sent["collapse"]["inner_hits"]["sort"][0]["_script"]
    assert language_rank["order"] == "asc"
    return language_rank["script"]["params"]["preferred"]


def test_every_version_is_listed_unless_one_per_family_is_asked():
    sent = body(q="x", filters={"type": ("programme",)})

    assert "collapse" not in sent
    assert "families" not in sent["aggs"]
    assert "cardinality" not in json.dumps(sent)


def test_hits_collapse_on_the_family_and_show_one_version_of_each():
    sent = family_body(q="x", sort="newest", interface_language="de")

    collapse = sent["collapse"]
    assert collapse["field"] == "family"
    shown = collapse["inner_hits"]
    assert shown["name"] == "shown" and shown["size"] == 1
    # Families come in the request's own order (collapse keeps each family's first hit);
    # only the version shown is chosen by language.
    assert sent["sort"] == [DATE_DESC, "key"]
    assert preferred_languages(sent) == ["de", "en"]
    # Then the original: the oldest version, "page:9" before "page:10".
    by_length, by_key = shown["sort"][1:]
    assert by_length["_script"]["script"]["source"] == "doc['key'].value.length()"
    assert by_length["_script"]["order"] == "asc"
    assert by_key == {"key": {"order": "asc"}}
    # The version shown is highlighted as the hits are.
    assert shown["highlight"] == sent["highlight"]


@pytest.mark.parametrize(
    ("interface_language", "filters", "preferred"),
    [
        ("en", {}, ["en"]),
        ("fr", {}, ["fr", "en"]),
        # "Available in my language" asks for that language's version.
        ("fr", {"available_in": ("de",)}, ["de", "en"]),
        ("fr", {"available_in": ("de", "pl")}, ["fr", "en"]),
    ],
)
def test_the_version_shown_is_the_visitor_s_language_then_english(
    interface_language, filters, preferred
):
    sent = family_body(interface_language=interface_language, filters=filters)

    assert preferred_languages(sent) == preferred


def test_the_total_counts_the_families_of_the_hits_after_every_selection():
    filters = {"type": ("programme", "page"), "country": ("DE",)}
    sent = family_body(filters=filters)

    families = sent["aggs"]["families"]
    assert families["aggs"] == {"count": FAMILY_COUNT}
    # The post_filter narrows the hits but not the aggregations: the count applies it itself.
    assert (
        matching(families["filter"])
        == matching(sent["post_filter"])
        == {
            "de-programme",
            "de-at-page",
        }
    )
    assert family_body()["aggs"]["families"]["filter"] == {"match_all": {}}


def test_each_facet_value_counts_its_families():
    aggs = family_body(filters={"country": ("DE",)})["aggs"]

    for name in FACETS:
        terms = aggs[f"_filter_{name}"]["aggs"][name]
        assert terms["aggs"] == {"metric": FAMILY_COUNT}
        assert "order" not in terms["terms"]  # the values with the most documents, as before
    assert matching(aggs["_filter_country"]["filter"]) == set(DOCS)


@pytest.mark.parametrize(("page", "per_page", "start"), [(1, 20, 0), (3, 10, 20)])
def test_collapsed_results_page_by_family_with_from_and_size(page, per_page, start):
    sent = family_body(q="x", page=page, per_page=per_page)

    assert (sent["from"], sent["size"]) == (start, per_page)
    assert sent["collapse"]["field"] == "family"


def test_a_document_without_a_family_is_a_family_of_its_own():
    doc = language_document({"key": "programme:3", "language": "en", "title": "T"})

    assert doc["family"] == "programme:3"
    assert language_document({"key": "page:4", "family": "page:f1"})["family"] == "page:f1"


# --- sending it --------------------------------------------------------------------------


def test_the_backend_sends_the_paged_body_to_the_alias(fake_es):
    request = SearchRequest(q="prisons", filters={"country": ("DE",)}, page=2, per_page=5)

    ElasticsearchBackend().search(request)

    (call,) = fake_es.calls_to("search")
    assert call["index"] == "portal-test-content"
    assert call["body"] == faceted_search(request)._s.to_dict()
    assert call["body"]["from"] == 5


@pytest.mark.parametrize("one_per_family", [False, True])
def test_the_real_client_puts_the_body_on_the_wire(es_on, one_per_family):
    def script(method, target, sent):
        return 200, empty_search_response()

    es, requests = scripted_client(script, request_timeout=elastic.REQUEST_TIMEOUT_SECONDS)
    connections.add_connection(PortalSearch.using, es)
    request = SearchRequest(
        q="prisons",
        filters={"type": ("programme",)},
        sort="evidence",
        one_per_family=one_per_family,
    )

    ElasticsearchBackend().search(request)

    (sent,) = requests
    assert sent["method"] == "POST"
    assert sent["target"] == "/portal-test-content/_search"
    assert json.loads(sent["body"]) == faceted_search(request)._s.to_dict()
    assert sent["request_timeout"] == elastic.REQUEST_TIMEOUT_SECONDS


def test_the_client_is_made_on_first_use_with_short_timeouts(es_on):
    importlib.reload(elastic)  # importing makes no client
    with pytest.raises(KeyError):
        connections.get_connection(PortalSearch.using)

    es = elastic.client()

    assert connections.get_connection(PortalSearch.using) is es
    assert elastic.client() is es
    assert 0 < es._request_timeout <= 10
    assert es._retry_on_timeout is False
    assert es._max_retries <= 1
    (node,) = es.transport.node_pool.all()
    assert (node.config.host, node.config.port) == ("es.invalid", 9200)


# --- the mapping -------------------------------------------------------------------------


def test_facets_and_visibility_are_keywords():
    properties = ContentDocument._index.to_dict()["mappings"]["properties"]

    for name in (*FACETS, "visibility", "key", "family"):
        assert properties[name]["type"] == "keyword", name
    assert properties["rating_rank"]["type"] == "integer"
    assert properties["date"]["type"] == "date"


@pytest.mark.parametrize("field", ["title", "summary", "body"])
def test_text_fields_fold_whole_words_and_each_language_has_its_own(field):
    properties = ContentDocument._index.to_dict()["mappings"]["properties"]

    assert properties[field] == {"type": "text", "analyzer": "portal_folded"}
    for code in LANGUAGES:
        assert properties[f"{field}_{code}"] == {"type": "text", "analyzer": f"portal_{code}"}


def test_each_language_analyzer_folds_then_stems_with_its_own_stemmer():
    settings = ContentDocument._index.to_dict()["settings"]["analysis"]
    assert settings == analysis()
    czech = settings["analyzer"]["portal_cs"]
    assert czech["tokenizer"] == "standard"
    assert czech["filter"] == [
        "lowercase",
        "portal_keep_and_fold",
        "portal_cs_stemmer",
        "asciifolding",
        "portal_same_position_once",
    ]
    assert settings["filter"]["portal_keep_and_fold"] == {
        "type": "asciifolding",
        "preserve_original": True,
    }
    stemmers = {
        code: settings["filter"][f"portal_{code}_stemmer"]["language"] for code in LANGUAGE_STEMMERS
    }
    assert stemmers["sk"] == "czech" and stemmers["hr"] == "serbian"
    assert stemmers["bg"] == "bulgarian" and stemmers["lv"] == "latvian"
    assert stemmers["mt"] == "light_italian"  # no Maltese stemmer exists
    # Polish needs the Stempel plugin: folded whole words only.
    assert settings["analyzer"]["portal_pl"]["filter"] == [
        "lowercase",
        "asciifolding",
        "portal_same_position_once",
    ]
    assert "portal_pl_stemmer" not in settings["filter"]


def test_the_alias_and_new_indices_carry_the_prefix(fake_es, settings):
    settings.SEARCH_INDEX_PREFIX = "acme-staging"

    name = ElasticsearchBackend().create_index()

    assert index_alias() == "acme-staging-content"
    assert PortalSearch().index == "acme-staging-content"
    assert name.startswith("acme-staging-content-")
    (call,) = fake_es.calls_to("indices.create")
    assert call["index"] == name
    assert call["body"]["mappings"] == ContentDocument._index.to_dict()["mappings"]
