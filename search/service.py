"""Running a search: pick the backend, fall back to the embedded index, shape the answer.

The page, the JSON APIs and the suggestions all come through ``search``, so they show the same
results with the same checks and access rules.
"""

import logging
from dataclasses import replace

from django.db import DatabaseError

from . import backends, query
from .backends import elastic
from .query import SearchResults, facet_options
from .registry import visibility_for

logger = logging.getLogger(__name__)


__all__ = ["SearchUnavailable", "run", "search", "visibility_for"]


class SearchUnavailable(Exception):
    """Neither backend could answer (the database itself is failing)."""


def search(params, user, interface_language="en", **overrides):
    """The search ``params`` ask for, as ``user`` may see it. ``overrides`` fix parts of the
    request (suggestions are always the first few best matches).

    Raises ``query.BadSearch`` (``query.PageOutOfRange`` for a page past the end) or
    ``SearchUnavailable``.
    """
    request = query.parse(
        params, visibility=visibility_for(user), interface_language=interface_language
    )
    results = run(replace(request, **overrides))
    query.check_page(results)
    return results


def run(request):
    degraded = False
    try:
        if backends.elasticsearch_enabled() and elastic.recently_down():
            degraded = True  # it failed moments ago: do not make this visitor wait for it too
            total, hits, counts = backends.embedded_backend().search(request)
        elif backends.elasticsearch_enabled():
            try:
                total, hits, counts = backends.elasticsearch_backend().search(request)
            except Exception:  # any failure of the cluster or its answer: use the embedded index
                logger.warning("Elasticsearch failed; answering from the embedded index.",
                               exc_info=True)  # fmt: skip
                elastic.mark_down()
                degraded = True
                total, hits, counts = backends.embedded_backend().search(request)
        else:
            total, hits, counts = backends.embedded_backend().search(request)
    except DatabaseError as exc:
        logger.exception("The embedded search index could not answer.")
        raise SearchUnavailable from exc
    return SearchResults(request, total, hits, facet_options(counts, request), degraded)
