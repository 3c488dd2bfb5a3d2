"""Fixtures for the Elasticsearch path, run offline against ``fakes.FakeElasticsearch``."""

import contextlib

import pytest
from elasticsearch.dsl import connections

from search.backends.elastic import ElasticsearchBackend
from search.schema import PortalSearch

from .fakes import FakeElasticsearch


def _forget_client():
    with contextlib.suppress(KeyError):
        connections.remove_connection(PortalSearch.using)


@pytest.fixture(autouse=True)
def _no_shared_client():
    """No client survives a test: each test injects its own (or creates one on purpose)."""
    _forget_client()
    yield
    _forget_client()


@pytest.fixture
def es_on(settings):
    """Turn the Elasticsearch path on. The host never resolves: only a fake may answer."""
    settings.ELASTICSEARCH_URL = "http://es.invalid:9200"
    return settings


@pytest.fixture
def fake_es(es_on):
    fake = FakeElasticsearch()
    connections.add_connection(PortalSearch.using, fake)
    yield fake
    _forget_client()


@pytest.fixture
def live_index(fake_es):
    """An index behind the alias, as the first rebuild leaves it. Returns its name."""
    backend = ElasticsearchBackend()
    name = backend.create_index()
    backend.swap_alias(name)
    fake_es.calls.clear()
    return name
