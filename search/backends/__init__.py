"""Which backend answers searches: Elasticsearch when ``ELASTICSEARCH_URL`` is set, else the
embedded index. The embedded index is always written, so it can answer when Elasticsearch
cannot."""

from django.conf import settings


def elasticsearch_enabled():
    return bool(settings.ELASTICSEARCH_URL)


def embedded_backend():
    from .embedded import EmbeddedBackend

    return EmbeddedBackend()


def elasticsearch_backend():
    from .elastic import ElasticsearchBackend

    return ElasticsearchBackend()


def primary():
    return elasticsearch_backend() if elasticsearch_enabled() else embedded_backend()
