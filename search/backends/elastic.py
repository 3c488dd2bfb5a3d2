"""The Elasticsearch 8 backend: queries through ``search.schema.PortalSearch``, writes from the
embedded table (the source of truth), rebuilds into a new timestamped index behind an alias.

The client is created on first use, never at import. Every call has a short timeout: a slow or
absent cluster must make the portal fall back to the embedded index, not hang.
"""

import html
from datetime import UTC, datetime

from django.conf import settings

from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.dsl import connections

from ..query import Hit
from ..schema import ContentDocument, PortalSearch, index_alias

# What "Elasticsearch is not working" looks like to the client: network, timeouts, HTTP errors.
ElasticsearchUnavailable = (TransportError, ApiError, ConnectionError, TimeoutError)
REQUEST_TIMEOUT_SECONDS = 5


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
    )
    return faceted[request.offset : request.offset + request.per_page]


def parse_response(response_body, request):
    """(total, hits, raw facet counts) from a search response body (a dict)."""
    total = response_body["hits"]["total"]["value"]
    hits = []
    for raw in response_body["hits"]["hits"]:
        source = raw["_source"]
        hits.append(
            Hit(
                key=source["key"],
                type=source["type"],
                title=source["title"],
                url=source["url"],
                language=source["language"],
                summary=source.get("summary") or "",
                snippet=_snippet(raw.get("highlight") or {}, source),
                rating=source.get("rating"),
                date=source.get("date"),
            )
        )
    counts = {}
    for name, agg in (response_body.get("aggregations") or {}).items():
        facet = name.removeprefix("_filter_")
        counts[facet] = {
            str(bucket["key"]): bucket["doc_count"] for bucket in agg[facet]["buckets"]
        }
    return total, hits, counts


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
        """Index ``documents`` and delete ``deleted_keys``. Returns the keys that failed."""
        operations = []
        for doc in documents:
            operations += [{"index": {"_index": index or index_alias(), "_id": doc["key"]}}, doc]
        for key in deleted_keys:
            operations.append({"delete": {"_index": index or index_alias(), "_id": key}})
        if not operations:
            return set()
        response = client().bulk(operations=operations, refresh="wait_for" if not index else False)
        failed = set()
        for item in response.body.get("items", []):
            ((action, result),) = item.items()
            not_found = action == "delete" and result.get("status") == 404
            if result.get("status", 500) >= 300 and not not_found:
                failed.add(result["_id"])
        return failed

    def create_index(self):
        """A new, empty, timestamped index with the schema's mappings. Returns its name."""
        name = f"{index_alias()}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"
        ContentDocument._index.clone(name).create(using=client())
        return name

    def swap_alias(self, new_index):
        """Point the alias at ``new_index`` in one atomic step, then drop the old indices."""
        es = client()
        alias = index_alias()
        old = list(es.indices.get_alias(name=alias, ignore_unavailable=True).body) if (
            es.indices.exists_alias(name=alias)
        ) else []  # fmt: skip
        actions = [{"remove": {"index": name, "alias": alias}} for name in old]
        actions.append({"add": {"index": new_index, "alias": alias}})
        es.indices.refresh(index=new_index)
        es.indices.update_aliases(actions=actions)
        for name in old:
            if name != new_index:
                es.indices.delete(index=name, ignore_unavailable=True)
        return old

    def document_keys(self):
        """Every key in the live index (for checking it matches the database)."""
        es = client()
        keys, response = (
            set(),
            es.search(
                index=index_alias(), query={"match_all": {}}, source=["key"], size=1000, scroll="1m"
            ),
        )
        while response.body["hits"]["hits"]:
            keys.update(hit["_id"] for hit in response.body["hits"]["hits"])
            response = es.scroll(scroll_id=response.body["_scroll_id"], scroll="1m")
        return keys
