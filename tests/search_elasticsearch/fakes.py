"""Stand-ins for an Elasticsearch 8 cluster, so the Elasticsearch path runs offline.

``FakeElasticsearch`` has the methods of ``elasticsearch.Elasticsearch`` the portal calls, with
their real keyword arguments (an argument the real client does not take is a ``TypeError``
here too). It keeps documents per index, resolves aliases the way Elasticsearch does, answers
bulk requests item by item, and can be switched down: then every call raises the client's own
``ConnectionError``, as a refused connection would.

``ScriptedNode`` goes one level lower: it is a transport node for the real client, so the
real client serialises the request and parses scripted HTTP answers.
"""

import copy
import inspect
import json
from collections.abc import Callable

from elastic_transport import (
    ApiResponseMeta,
    BaseNode,
    HeadApiResponse,
    HttpHeaders,
    NodeConfig,
    ObjectApiResponse,
)
from elastic_transport._node import NodeApiResponse  # not re-exported at the top
from elasticsearch import (
    ApiError,
    BadRequestError,
    ConnectionError,
    Elasticsearch,
    NotFoundError,
)
from elasticsearch._sync.client.indices import IndicesClient

NODE = NodeConfig("http", "es.invalid", 9200)


def meta(status=200):
    return ApiResponseMeta(
        status=status,
        http_version="1.1",
        headers=HttpHeaders({"x-elastic-product": "Elasticsearch"}),
        duration=0.001,
        node=NODE,
    )


def api_error(cls, status, error_type, reason):
    body = {"error": {"type": error_type, "reason": reason}, "status": status}
    return cls(message=error_type, meta=meta(status), body=body)


def server_error():
    """What a failing cluster answers: HTTP 500."""
    return api_error(ApiError, 500, "search_phase_execution_exception", "all shards failed")


def _check_arguments(real_method, kwargs):
    """Reject what the real client would reject: unknown or positional-only arguments."""
    parameters = inspect.signature(real_method).parameters
    unknown = set(kwargs) - set(parameters)
    if unknown:
        raise TypeError(f"{real_method.__qualname__}() got unexpected arguments {unknown}")


def _json_copy(value):
    """What Elasticsearch would store: the JSON the client sends (so it must serialise)."""
    return json.loads(json.dumps(value))


class FakeElasticsearch:
    def __init__(self):
        self.store = {}  # index name -> {"body": create body, "docs": {id: source}}
        self.aliases = {}  # alias -> set of index names
        self.failure = None  # an exception every call raises
        self.reject = set()  # document ids whose index operation fails with 400
        self.search_response = None  # a dict, or callable(kwargs) -> dict, for search()
        self.before_bulk = None  # callable(operations, kwargs), run once before a bulk
        self.calls = []  # (method name, kwargs)
        self.indices = _Indices(self)

    # --- switching ---------------------------------------------------------------------

    @property
    def down(self):
        return self.failure is not None

    @down.setter
    def down(self, value):
        self.failure = (
            ConnectionError("Connection refused (fake cluster is down)") if value else None
        )

    def _call(self, name, real_method, kwargs):
        _check_arguments(real_method, kwargs)
        self.calls.append((name, copy.deepcopy(kwargs)))
        if self.failure is not None:
            raise self.failure

    def calls_to(self, name):
        return [kwargs for called, kwargs in self.calls if called == name]

    # --- state -------------------------------------------------------------------------

    def resolve(self, name):
        """Concrete index names behind an alias or index name ([] if neither exists)."""
        if name in self.aliases:
            return sorted(self.aliases[name])
        if name in self.store:
            return [name]
        return []

    def documents(self, name):
        """{id: source} of the index (or the single index behind the alias) ``name``."""
        (index,) = self.resolve(name)
        return copy.deepcopy(self.store[index]["docs"])

    def add_index(self, name, docs=(), body=None):
        self.store[name] = {"body": body or {}, "docs": {doc["key"]: doc for doc in docs}}

    # --- API ---------------------------------------------------------------------------

    def options(self, **kwargs):
        """Per-request options (a timeout, say): recorded; the same fake answers."""
        _check_arguments(Elasticsearch.options, kwargs)
        self.calls.append(("options", dict(kwargs)))
        return self

    def bulk(self, **kwargs):
        self._call("bulk", Elasticsearch.bulk, kwargs)
        operations = kwargs["operations"]
        if self.before_bulk is not None:
            hook, self.before_bulk = self.before_bulk, None
            hook(operations, kwargs)
        items, position = [], 0
        while position < len(operations):
            ((action, params),) = operations[position].items()
            position += 1
            source = None
            if action in ("index", "create", "update"):
                source = operations[position]
                position += 1
            require_alias = kwargs.get("require_alias") or params.get("require_alias")
            items.append({action: self._bulk_item(action, params, source, require_alias)})
        body = {
            "took": 4,
            "errors": any("error" in result for item in items for result in item.values()),
            "items": items,
        }
        return ObjectApiResponse(body=body, meta=meta())

    def _bulk_item(self, action, params, source, require_alias):
        name, doc_id = params["_index"], params["_id"]
        result = {"_index": name, "_id": doc_id}
        indices = self.resolve(name)
        if action == "index" and require_alias and name not in self.aliases:
            return result | self._item_error(
                404,
                "index_not_found_exception",
                f"no such index [{name}] and [require_alias] request flag is [true] and "
                f"[{name}] is not an alias",
            )
        if action == "index" and not indices:
            self.add_index(name)  # auto-created, with guessed mappings
            indices = [name]
        if len(indices) > 1:
            return result | self._item_error(
                400, "illegal_argument_exception", f"alias [{name}] has more than one index"
            )
        if action == "delete":
            if not indices:
                return result | self._item_error(404, "index_not_found_exception", "no such index")
            docs = self.store[indices[0]]["docs"]
            found = docs.pop(doc_id, None) is not None
            return result | {
                "_index": indices[0],
                "result": "deleted" if found else "not_found",
                "status": 200 if found else 404,
            }
        if doc_id in self.reject:
            return result | self._item_error(
                400, "document_parsing_exception", "failed to parse field [date] of type [date]"
            )
        docs = self.store[indices[0]]["docs"]
        created = doc_id not in docs
        docs[doc_id] = _json_copy(source)
        return result | {
            "_index": indices[0],
            "result": "created" if created else "updated",
            "status": 201 if created else 200,
        }

    @staticmethod
    def _item_error(status, error_type, reason):
        return {"status": status, "error": {"type": error_type, "reason": reason}}

    def search(self, **kwargs):
        self._call("search", Elasticsearch.search, kwargs)
        if kwargs.get("scroll"):
            hits = [
                {"_index": index, "_id": doc_id, "_score": 1.0}
                for index in self.resolve(kwargs["index"])
                for doc_id in sorted(self.store[index]["docs"])
            ]
            body = {"_scroll_id": "scroll-1", "hits": {"total": {"value": len(hits)}, "hits": hits}}
            return ObjectApiResponse(body=body, meta=meta())
        response = self.search_response
        if callable(response):
            response = response(kwargs)
        if response is None:
            response = empty_search_response()
        return ObjectApiResponse(body=copy.deepcopy(response), meta=meta())

    def scroll(self, **kwargs):
        self._call("scroll", Elasticsearch.scroll, kwargs)
        body = {"_scroll_id": kwargs["scroll_id"], "hits": {"total": {"value": 0}, "hits": []}}
        return ObjectApiResponse(body=body, meta=meta())

    def clear_scroll(self, **kwargs):
        self._call("clear_scroll", Elasticsearch.clear_scroll, kwargs)
        return ObjectApiResponse(body={"succeeded": True, "num_freed": 1}, meta=meta())


class _Indices:
    def __init__(self, es):
        self.es = es

    def create(self, **kwargs):
        self.es._call("indices.create", IndicesClient.create, kwargs)
        name = kwargs["index"]
        if name in self.es.store or name in self.es.aliases:
            raise api_error(
                BadRequestError, 400, "resource_already_exists_exception", f"[{name}] exists"
            )
        self.es.add_index(name, body=_json_copy(kwargs.get("body") or {}))
        body = {"acknowledged": True, "shards_acknowledged": True, "index": name}
        return ObjectApiResponse(body=body, meta=meta())

    def exists(self, **kwargs):
        self.es._call("indices.exists", IndicesClient.exists, kwargs)
        return HeadApiResponse(meta=meta(200 if self.es.resolve(kwargs["index"]) else 404))

    def exists_alias(self, **kwargs):
        self.es._call("indices.exists_alias", IndicesClient.exists_alias, kwargs)
        return HeadApiResponse(meta=meta(200 if kwargs["name"] in self.es.aliases else 404))

    def get_alias(self, **kwargs):
        self.es._call("indices.get_alias", IndicesClient.get_alias, kwargs)
        name = kwargs["name"]
        if name not in self.es.aliases:
            raise api_error(NotFoundError, 404, "aliases_not_found_exception", f"[{name}] missing")
        body = {index: {"aliases": {name: {}}} for index in sorted(self.es.aliases[name])}
        return ObjectApiResponse(body=body, meta=meta())

    def refresh(self, **kwargs):
        self.es._call("indices.refresh", IndicesClient.refresh, kwargs)
        if not self.es.resolve(kwargs["index"]):
            raise api_error(NotFoundError, 404, "index_not_found_exception", "no such index")
        body = {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        return ObjectApiResponse(body=body, meta=meta())

    def update_aliases(self, **kwargs):
        """All actions succeed or none do, as in Elasticsearch."""
        self.es._call("indices.update_aliases", IndicesClient.update_aliases, kwargs)
        aliases = copy.deepcopy(self.es.aliases)
        dropped = []
        for action in kwargs["actions"]:
            ((kind, params),) = action.items()
            if kind == "add":
                index, alias = params["index"], params["alias"]
                if index not in self.es.store or index in dropped:
                    raise api_error(NotFoundError, 404, "index_not_found_exception", index)
                if alias in self.es.store and alias not in dropped:
                    raise api_error(
                        BadRequestError,
                        400,
                        "invalid_alias_name_exception",
                        f"an index or data stream exists with the same name as the alias [{alias}]",
                    )
                aliases.setdefault(alias, set()).add(index)
            elif kind == "remove":
                index, alias = params["index"], params["alias"]
                if index not in aliases.get(alias, set()):
                    raise api_error(NotFoundError, 404, "aliases_not_found_exception", alias)
                aliases[alias].discard(index)
                if not aliases[alias]:
                    del aliases[alias]
            elif kind == "remove_index":
                index = params["index"]
                if index not in self.es.store:
                    raise api_error(NotFoundError, 404, "index_not_found_exception", index)
                dropped.append(index)
            else:
                raise api_error(BadRequestError, 400, "x_content_parse_exception", kind)
        for index in dropped:
            del self.es.store[index]
            for members in aliases.values():
                members.discard(index)
        self.es.aliases = {alias: members for alias, members in aliases.items() if members}
        return ObjectApiResponse(body={"acknowledged": True, "errors": False}, meta=meta())

    def delete(self, **kwargs):
        self.es._call("indices.delete", IndicesClient.delete, kwargs)
        name = kwargs["index"]
        if name in self.es.aliases:
            raise api_error(
                BadRequestError,
                400,
                "illegal_argument_exception",
                f"The provided expression [{name}] matches an alias, specify the corresponding "
                "concrete indices instead.",
            )
        if name not in self.es.store:
            if kwargs.get("ignore_unavailable"):
                return ObjectApiResponse(body={"acknowledged": True}, meta=meta())
            raise api_error(NotFoundError, 404, "index_not_found_exception", name)
        del self.es.store[name]
        for members in self.es.aliases.values():
            members.discard(name)
        self.es.aliases = {alias: members for alias, members in self.es.aliases.items() if members}
        return ObjectApiResponse(body={"acknowledged": True}, meta=meta())


def empty_search_response():
    return {
        "took": 1,
        "timed_out": False,
        "_shards": {"total": 1, "successful": 1, "skipped": 0, "failed": 0},
        "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
        "aggregations": {},
    }


class ScriptedNode(BaseNode):
    """A transport node answering from ``script``: callable(method, target, body) returning
    (status, body dict) or raising a transport error. Requests are kept in ``requests``."""

    script: Callable = None
    requests: list = None

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        self.requests.append(
            {
                "method": method,
                "target": target,
                "body": body,
                "headers": headers,
                "request_timeout": request_timeout,
            }
        )
        status, answer = type(self).script(method, target, body)
        raw = json.dumps(answer).encode()
        response_meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders(
                {"x-elastic-product": "Elasticsearch", "content-type": "application/json"}
            ),
            duration=0.001,
            node=self.config,
        )
        return NodeApiResponse(response_meta, raw)


def scripted_client(script, **options):
    """A real ``Elasticsearch`` client whose only node answers from ``script``.

    Returns (client, requests): the list of requests the node received.
    """
    requests = []
    node_class = type(
        "Node", (ScriptedNode,), {"script": staticmethod(script), "requests": requests}
    )
    es = Elasticsearch("http://es.invalid:9200", node_class=node_class, **options)
    return es, requests


def content_doc(number, type="programme", title=None, language="en", **fields):
    """A complete ContentDocument dict, as ``search.documents`` makes them."""
    from datetime import UTC, datetime

    from search.documents import document

    fields.setdefault("summary", f"Summary of {type} {number}.")
    fields.setdefault("date", datetime(2024, 1, 1 + number % 28, 12, tzinfo=UTC))
    return document(
        number,
        type,
        title or f"{type.title()} {number}",
        language,
        f"/{language}/{type}/{number}/",
        **fields,
    )
