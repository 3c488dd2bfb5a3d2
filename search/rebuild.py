"""Rebuilding the index from the content, for both backends.

The embedded index is rebuilt in one transaction (searches keep reading the old one until it
commits). Elasticsearch then gets a new timestamped index filled from the embedded table, and
the alias moves to it in one atomic step, so search never goes down during a rebuild.
"""

import hashlib
import json
import logging
from datetime import timedelta

from django.utils import timezone

from . import backends, indexing
from .models import IndexedDocument, PendingChange

logger = logging.getLogger(__name__)
BULK_SIZE = 500
IN_FLIGHT_MARGIN = timedelta(minutes=10)


def rebuild_embedded(progress=None, sources=None):
    return indexing.rebuild_embedded(indexing.all_documents(sources, progress))


def rebuild_elasticsearch(progress=None):
    """Copy the embedded table into a fresh Elasticsearch index and swap the alias to it.

    Changes that arrive during the copy are queued as usual (and reach the old index through
    the alias). After the swap, every document that differs from the copy sent (changed,
    created or deleted since) is queued again, and so is everything still queued, so nothing
    written meanwhile is lost. If the copy or the swap fails, the new index is dropped and
    the alias stays where it was.
    """
    backend = backends.elasticsearch_backend()
    # updated_at is set when a change is made, not when it commits: look back far enough to
    # catch a change that was still being committed when the copy read its document.
    started = timezone.now() - IN_FLIGHT_MARGIN
    new_index = backend.create_index()
    copied = {}  # key -> digest of the source sent
    try:
        batch = []
        for key, doc in (
            IndexedDocument.objects.order_by("id")
            .values_list("key", "source")
            .iterator(chunk_size=BULK_SIZE)
        ):
            copied[key] = _digest(doc)
            batch.append(doc)
            if len(batch) >= BULK_SIZE:
                _send(backend, batch, new_index, progress)
                batch = []
        _send(backend, batch, new_index, progress)
        backend.swap_alias(new_index)
    except BaseException:
        _drop(backend, new_index)
        raise
    indexing.enqueue(sorted(_changed_since(started, copied)))
    return new_index


def _digest(source):
    return hashlib.blake2b(
        json.dumps(source, sort_keys=True, default=str).encode(), digest_size=16
    ).digest()


def _changed_since(started, copied):
    """Keys whose copy in the new index may be out of date, and keys still queued."""
    stale = set(PendingChange.objects.values_list("key", flat=True))
    recent = IndexedDocument.objects.filter(updated_at__gte=started).values_list("key", "source")
    for key, source in recent.iterator(chunk_size=BULK_SIZE):
        if copied.get(key) != _digest(source):
            stale.add(key)
    existing = set(IndexedDocument.objects.values_list("key", flat=True))
    stale.update(key for key in copied if key not in existing)  # deleted since the copy
    return stale


def _drop(backend, index):
    try:
        backend.delete_index(index)
    except Exception:
        logger.warning("Could not drop the unfinished index %s.", index, exc_info=True)


class RejectedDocuments(RuntimeError):
    """Elasticsearch refused documents during a rebuild (a mapping conflict, say)."""


def _send(backend, batch, index, progress):
    if not batch:
        return
    failed = backend.bulk(batch, [], index=index)
    if failed:
        raise RejectedDocuments(
            f"Elasticsearch rejected {len(failed)} documents, e.g. {min(failed)}"
        )
    if progress:
        progress(len(batch))
