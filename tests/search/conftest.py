"""Fixtures for the search tests: a way to put documents in the index and to search it."""

import pytest

from search import indexing, query, service
from search.models import IndexedDocument
from search.schema import PUBLIC
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
