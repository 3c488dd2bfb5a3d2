"""Against a real Elasticsearch 8 cluster: the mapping, analyzers and aggregations for real.

Runs only when ELASTICSEARCH_URL is set (see tests/conftest.py), against
``settings.ELASTICSEARCH_TEST_URL`` under a throwaway index prefix, removed afterwards.
"""

import os
import uuid

import pytest

from search import indexing, queue, rebuild, service
from search.backends import elastic
from search.backends.elastic import ElasticsearchBackend
from search.backends.embedded import EmbeddedBackend
from search.query import SearchRequest
from search.schema import group_visibility, index_alias

from .fakes import content_doc

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


@pytest.fixture
def cluster(settings):
    settings.ELASTICSEARCH_URL = settings.ELASTICSEARCH_TEST_URL or os.environ["ELASTICSEARCH_URL"]
    prefix = f"portal-test-{uuid.uuid4().hex[:12]}"
    settings.SEARCH_INDEX_PREFIX = prefix
    es = elastic.client()
    yield es
    # Wildcard deletes are refused by default (action.destructive_requires_name): by name.
    names = es.indices.get(index=f"{prefix}-*", allow_no_indices=True, expand_wildcards="all")
    for name in names.body:
        es.indices.delete(index=name, ignore_unavailable=True)
    es.close()


@pytest.fixture
def indexed(cluster):
    indexing.write(
        [
            content_doc(
                1,
                title="Mentoring after release",
                summary="Support for young people leaving prison.",
                body="Mentors meet each young person in prison and for a year after release.",
                country=["IE"],
            ),
            content_doc(
                2,
                title="Gesunde Schule",
                language="de",
                summary="Suchtprävention für Klassen 5 bis 7.",
                body="Lehrkräfte an jeder Schule führen zehn Stunden durch.",
                country=["DE"],
            ),
            content_doc(
                3,
                type="evaluation",
                title="Evaluation of a family programme",
                summary="A randomised trial with 400 families.",
                country=["DE", "FR"],
            ),
            content_doc(
                4,
                title="Private prison notes",
                summary="Only for working group 9.",
                visibility=[group_visibility(9)],
            ),
        ],
        queue=False,
    )
    return rebuild.rebuild_elasticsearch()


def search(**request):
    return ElasticsearchBackend().search(SearchRequest(**request))


def test_the_rebuild_puts_the_alias_on_a_new_index(cluster, indexed):
    assert list(cluster.indices.get_alias(name=index_alias()).body) == [indexed]
    assert ElasticsearchBackend().document_keys() == {
        "programme:1",
        "programme:2",
        "evaluation:3",
        "programme:4",
    }


def test_english_words_match_their_stems(indexed):
    total, hits, _counts = search(q="prisons")

    assert [hit.key for hit in hits] == ["programme:1"]  # not the private one
    assert total == 1
    assert "<mark>prison</mark>" in hits[0].snippet


def test_german_words_match_their_stems(indexed):
    _total, hits, _counts = search(q="Schulen", interface_language="de")

    assert [hit.key for hit in hits] == ["programme:2"]


def test_members_find_their_groups_documents(indexed):
    _total, hits, _counts = search(q="prisons", visibility=("public", group_visibility(9)))

    assert {hit.key for hit in hits} == {"programme:1", "programme:4"}


def test_facet_counts_ignore_their_own_selection_and_hidden_documents(indexed):
    total, hits, counts = search(filters={"type": ("programme",)})

    assert total == 2
    assert {hit.key for hit in hits} == {"programme:1", "programme:2"}
    assert counts["type"] == {"programme": 2, "evaluation": 1}
    assert counts["country"] == {"IE": 1, "DE": 1}
    assert counts["language"] == {"en": 1, "de": 1}


def test_the_service_answers_from_elasticsearch(indexed):
    results = service.run(SearchRequest(q="trial"))

    assert results.degraded is False
    assert [hit.key for hit in results.hits] == ["evaluation:3"]


def test_queued_changes_are_searchable_once_sent(indexed):
    indexing.write([content_doc(5, title="Prison libraries")])
    indexing.remove(["programme:1", "programme:404"])  # the second was never indexed

    assert queue.process() == (3, 0)

    _total, hits, _counts = search(q="prison")
    assert [hit.key for hit in hits] == ["programme:5"]


# --- one result per translation family --------------------------------------------------------


@pytest.fixture
def families(cluster):
    """Family f1 in English, German and Polish; family f2 in Polish (its original, the lower
    id) and German; a page alone in its family. Written in id order, so the embedded index's
    "first indexed" is the original too."""

    def page(number, title, language, family, available_in, summary="Staying safe online."):
        return content_doc(
            number, type="page", title=title, language=language, family=family,
            summary=summary, available_in=available_in,
        )  # fmt: skip

    indexing.write(
        [
            page(10, "Safe online", "en", "page:f1", ["de", "en", "pl"]),
            page(11, "Sicher online", "de", "page:f1", ["de", "en", "pl"]),
            page(12, "Bezpiecznie online", "pl", "page:f1", ["de", "en", "pl"]),
            page(99, "Bezpieczny czat", "pl", "page:f2", ["de", "pl"], summary="Chat safely."),
            page(100, "Sicherer Chat", "de", "page:f2", ["de", "pl"], summary="Chat safely."),
            content_doc(7, title="Online helpline", summary="Staying safe online."),
        ],
        queue=False,
    )
    rebuild.rebuild_elasticsearch()


def both_backends(**request):
    request = SearchRequest(one_per_family=True, **request)
    return ElasticsearchBackend().search(request), EmbeddedBackend().search(request)


def shown(hits):
    return sorted((hit.key, hit.language, sorted(hit.also_in)) for hit in hits)


@pytest.mark.parametrize("interface_language", ["en", "de", "fr"])
def test_each_family_is_one_result_in_the_language_the_embedded_index_shows(
    families, interface_language
):
    (total, hits, counts), (embedded_total, embedded_hits, embedded_counts) = both_backends(
        q="online", interface_language=interface_language
    )

    assert total == embedded_total == 2
    assert shown(hits) == shown(embedded_hits)
    assert counts["language"] == embedded_counts["language"]
    assert counts["type"] == embedded_counts["type"]


def test_a_family_without_the_visitor_s_language_or_english_shows_its_original(families):
    (total, hits, counts), (_t, embedded_hits, _c) = both_backends(
        q="chat", interface_language="fr"
    )

    assert total == 1
    assert [(hit.key, hit.language) for hit in hits] == [("page:99", "pl")]
    assert shown(hits) == shown(embedded_hits)
    assert counts["language"] == {"pl": 1, "de": 1}


def test_available_in_my_language_shows_that_version_and_counts_families(families):
    (total, hits, counts), (_t, embedded_hits, embedded_counts) = both_backends(
        filters={"available_in": ("de",)}, interface_language="fr", per_page=1, page=2
    )

    assert total == 2  # families, though five documents are available in German
    assert len(hits) == 1 and hits[0].language == "de"
    assert counts["available_in"] == embedded_counts["available_in"] == {"de": 2, "en": 2, "pl": 2}
