"""Fixtures for the search tests: a way to put documents in the index and to search it."""

import contextlib

import pytest

from search import indexing, query, service
from search.models import IndexedDocument
from search.schema import PUBLIC
from tests.factories.search import day, search_document
from vocabularies import labels


@pytest.fixture(autouse=True)
def _fresh_labels():
    """Facet labels are cached for minutes; each test's vocabulary starts from the database."""
    labels.forget()
    yield
    labels.forget()


@pytest.fixture
def index(db):
    """Write documents (dicts from ``tests.factories.search.search_document``) to the index."""

    def _index(*docs):
        indexing.write(list(docs))
        return docs

    return _index


@pytest.fixture
def search(db):
    """Search like the views do: ``search(q="prison", country=["DE"])`` -> SearchResults."""

    def _search(visibility=(PUBLIC,), interface_language="en", **params):
        request = query.parse(params, visibility=visibility, interface_language=interface_language)
        return service.run(request)

    return _search


@pytest.fixture
def indexed(db):
    """The indexed document with this key, as stored (the whole dict), or None."""

    def _indexed(key):
        row = IndexedDocument.objects.filter(key=key).first()
        return row.source if row else None

    return _indexed


@pytest.fixture
def corpus(index):
    """Three documents: two English programmes about prisons, one German support service."""
    index(
        search_document(
            "Prison therapy",
            summary="Group therapy for men in prisons.",
            target_group=["offended-in-prison"],
            country=["DE"],
            rating="supported",
            date=day(3),
            url="/programmes/prison-therapy/",
        ),
        search_document("Prison visits", country=["FR"], date=day(2)),
        search_document(
            "Kein Täter werden",
            language="de",
            type="support_service",
            summary="Vertrauliche Hilfe für Menschen, die fürchten zu handeln.",
            available_in=["de", "en"],
            date=day(1),
        ),
    )


@pytest.fixture
def elasticsearch_down(settings):
    """Elasticsearch configured but not answering (nothing listens on the port)."""
    from elasticsearch.dsl import connections

    def forget_client():
        with contextlib.suppress(KeyError):
            connections.remove_connection("portal")

    forget_client()
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    yield
    forget_client()
