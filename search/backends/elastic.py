"""The Elasticsearch 8 backend: queries through ``search.schema.PortalSearch``, writes from the
embedded table (the source of truth), rebuilds into a new timestamped index behind an alias.

The client is created on first use, never at import. Every call has a short timeout (writes a
little longer, in proportion to what they carry): a slow or absent cluster must make the portal
fall back to the embedded index, not hang.
"""

import html
import logging
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import cache

from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.dsl import connections

from .. import registry
from ..query import Hit
from ..schema import (
    SHOWN_VERSION,
    PortalSearch,
    content_document,
    index_alias,
    language_document,
)

logger = logging.getLogger(__name__)

# What "Elasticsearch is not working" looks like to the client: network, timeouts, HTTP errors.
ElasticsearchUnavailable = (TransportError, ApiError, ConnectionError, TimeoutError)
REQUEST_TIMEOUT_SECONDS = 5
# Writes get longer the more they carry: one published page stays quick to give up, while a
# batch of 500 documents (analysed into ~60 fields each) gets time to be indexed.
MAX_WRITE_TIMEOUT_SECONDS = 60


# After a failure, give the cluster this long before trying again from a request, so visitors
# and editors do not each wait for a timeout while it is down. The queue command always tries.
COOL_DOWN_SECONDS = 30
_COOL_DOWN_KEY = "search:elasticsearch-cooling-down"


def mark_down():
    cache.set(_COOL_DOWN_KEY, True, COOL_DOWN_SECONDS)


def mark_up():
    cache.delete(_COOL_DOWN_KEY)


def recently_down():
    return bool(cache.get(_COOL_DOWN_KEY))


def write_timeout(operations):
    return min(MAX_WRITE_TIMEOUT_SECONDS, REQUEST_TIMEOUT_SECONDS + operations / 10)


def client():
    """The shared client, registered with elasticsearch-dsl under ``PortalSearch.using``."""
    try:
        return connections.get_connection(PortalSearch.using)
    except KeyError:
        es = Elasticsearch(
            settings.ELASTICSEARCH_URL,
            request_timeout=REQUEST_TIMEOUT_SECONDS,
            retry_on_timeout=False,
            max_retries=1,
        )
        connections.add_connection(PortalSearch.using, es)
        return es


def faceted_search(request):
    """The PortalSearch for a SearchRequest, sliced to its page.

    ``faceted_search(request).build_search()`` is the elasticsearch-dsl Search, and its
    ``to_dict()`` the request body; the sliced search actually sent is ``._s``.
    """
    faceted = PortalSearch(
        query=request.q or None,
        filters={name: list(values) for name, values in request.filters.items()},
        sort=request.sort if request.q or request.sort != "relevance" else "newest",
        visibility=request.visibility,
        q_language=request.q_language,
        family_language=request.family_language if request.one_per_family else None,
    )
    return faceted[request.offset : request.offset + request.per_page]


def parse_response(response_body, request):
    """(total, hits, raw facet counts) from a search response body (a dict).

    Collapsed on families (``request.one_per_family``), each hit shows the version of its
    family in its inner hits, the total counts families and so do the facet buckets. Parts
    an older index cannot give (no family: no inner hits, no family counts) fall back to the
    documents, each then a family of its own.
    """
    documents = response_body["hits"]["total"]["value"]
    hits = [_hit(_shown_version(raw)) for raw in response_body["hits"]["hits"]]
    aggregations = response_body.get("aggregations") or {}
    total = documents
    if request.one_per_family and "families" in aggregations:
        # An estimate (see schema.FAMILY_PRECISION): never more than the documents.
        total = min(aggregations["families"]["count"]["value"], documents)
    counts = {}
    for name, agg in aggregations.items():
        if name.startswith("_filter_"):
            facet = name.removeprefix("_filter_")
            counts[facet] = {str(bucket["key"]): _count(bucket) for bucket in agg[facet]["buckets"]}
    return total, hits, counts


def _shown_version(raw):
    """The version of the hit's family to show: its first inner hit, else the hit itself."""
    inner = ((raw.get("inner_hits") or {}).get(SHOWN_VERSION) or {}).get("hits") or {}
    return (inner.get("hits") or [raw])[0]


def _hit(raw):
    source = raw["_source"]
    return Hit(
        key=source["key"],
        type=source["type"],
        title=source["title"],
        url=source["url"],
        language=source["language"],
        summary=source.get("summary") or "",
        snippet=_snippet(raw.get("highlight") or {}, source),
        rating=registry.shown_rating(source),
        date=source.get("date"),
        also_in=[c for c in source.get("available_in") or [] if c != source["language"]],
    )


def _count(bucket):
    """A facet value's families (``metric``: elasticsearch-dsl's name for the facet's
    cardinality), else its documents."""
    families = (bucket.get("metric") or {}).get("value")
    return bucket["doc_count"] if families is None else min(families, bucket["doc_count"])


def _snippet(highlight, source):
    """The first highlighted fragment that marks a match, else the start of the summary."""
    fragments = [fragment for fragments in highlight.values() for fragment in fragments]
    marked = [fragment for fragment in fragments if "<mark>" in fragment]
    if marked:
        return marked[0]
    return html.escape((source.get("summary") or "")[:240])


class ElasticsearchBackend:
    name = "elasticsearch"

    def search(self, request):
        body = faceted_search(request)._s.to_dict()
        response = client().search(index=index_alias(), body=body)
        return parse_response(response.body, request)

    # --- writing ------------------------------------------------------------------------

    def bulk(self, documents, deleted_keys, index=None):
        """Index ``documents`` and delete ``deleted_keys``. Returns the keys that failed.

        Without ``index`` the writes go through the alias and require it to exist: writing to a
        missing alias would otherwise auto-create a concrete index under the alias's name, with
        guessed mappings, which no later rebuild could put the alias on. A delete answered
        404 (never indexed, or already gone) succeeded.
        """
        target = index or index_alias()
        operations, keys = [], []
        for doc in documents:
            operations += [{"index": {"_index": target, "_id": doc["key"]}}, language_document(doc)]
            keys.append(doc["key"])
        for key in deleted_keys:
            operations.append({"delete": {"_index": target, "_id": key}})
            keys.append(key)
        if not keys:
            return set()
        params = {"refresh": False} if index else {"refresh": "wait_for", "require_alias": True}
        es = client().options(request_timeout=write_timeout(len(keys)))
        response = es.bulk(operations=operations, **params)
        items = response.body.get("items")
        if not isinstance(items, list) or len(items) != len(keys):
            # An answer we cannot match to the request confirms nothing.
            logger.warning("Unexpected bulk response from Elasticsearch: %.500r", response.body)
            return set(keys)
        failed = set()
        for key, item in zip(keys, items, strict=True):
            ((action, result),) = item.items()
            status = result.get("status", 500)
            not_found = action == "delete" and status == 404
            if (status >= 300 or "error" in result) and not not_found:
                failed.add(key)
        return failed

    def create_index(self):
        """A new, empty, timestamped index with the schema's mappings. Returns its name."""
        name = f"{index_alias()}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        content_document()._index.clone(name).create(using=client())
        return name

    def delete_index(self, name):
        client().indices.delete(index=name, ignore_unavailable=True)

    def swap_alias(self, new_index):
        """Point the alias at ``new_index`` in one atomic step, then drop the old indices.

        A concrete index that took the alias's name (written to before any rebuild) is dropped
        in the same step. Returns the names of the indices the alias (or name) pointed at.
        """
        es = client()
        alias = index_alias()
        actions = []
        if es.indices.exists_alias(name=alias):
            old = sorted(es.indices.get_alias(name=alias).body)
            actions += [{"remove": {"index": name, "alias": alias}} for name in old]
        elif es.indices.exists(index=alias):
            old = [alias]
            actions.append({"remove_index": {"index": alias}})
        else:
            old = []
        actions.append({"add": {"index": new_index, "alias": alias}})
        es.options(request_timeout=MAX_WRITE_TIMEOUT_SECONDS).indices.refresh(index=new_index)
        es.indices.update_aliases(actions=actions)
        for name in old:
            if name not in (new_index, alias):
                try:
                    es.indices.delete(index=name, ignore_unavailable=True)
                except ElasticsearchUnavailable:
                    # The swap is done; a leftover index costs disk, not correctness.
                    logger.warning("Could not delete the old index %s.", name, exc_info=True)
        return old

    def document_keys(self):
        """Every key in the live index (for checking it matches the database)."""
        es = client()
        keys = set()
        response = es.search(
            index=index_alias(), query={"match_all": {}}, source=False, size=1000, scroll="1m"
        )
        scroll_id = response.body.get("_scroll_id")
        try:
            while response.body["hits"]["hits"]:
                keys.update(hit["_id"] for hit in response.body["hits"]["hits"])
                response = es.scroll(scroll_id=scroll_id, scroll="1m")
                scroll_id = response.body.get("_scroll_id", scroll_id)
        finally:
            if scroll_id:
                es.clear_scroll(scroll_id=scroll_id)
        return keys
