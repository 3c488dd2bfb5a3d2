"""Rebuilding the index from the content, for both backends.

The embedded index is rebuilt in one transaction (searches keep reading the old one until it
commits). Elasticsearch then gets a new timestamped index filled from the embedded table, and
the alias moves to it in one atomic step, so search never goes down during a rebuild.
"""

from django.utils import timezone

from . import backends, indexing
from .models import IndexedDocument, PendingChange

BULK_SIZE = 500


def rebuild_embedded(progress=None, sources=None):
    return indexing.rebuild_embedded(indexing.all_documents(sources, progress))


def rebuild_elasticsearch(progress=None):
    """Copy the embedded table into a fresh Elasticsearch index and swap the alias to it.

    Changes that arrive during the copy are queued as usual; after the swap every document
    changed since the copy began is queued again, so nothing written meanwhile is lost.
    """
    backend = backends.elasticsearch_backend()
    started = timezone.now()
    new_index = backend.create_index()
    batch = []
    for doc in (
        IndexedDocument.objects.order_by("id")
        .values_list("source", flat=True)
        .iterator(chunk_size=BULK_SIZE)
    ):
        batch.append(doc)
        if len(batch) >= BULK_SIZE:
            _send(backend, batch, new_index, progress)
            batch = []
    _send(backend, batch, new_index, progress)
    backend.swap_alias(new_index)
    changed = IndexedDocument.objects.filter(updated_at__gte=started).values_list("key", flat=True)
    indexing.enqueue(list(changed) + list(PendingChange.objects.values_list("key", flat=True)))
    return new_index


def _send(backend, batch, index, progress):
    if not batch:
        return
    failed = backend.bulk(batch, [], index=index)
    if failed:
        raise RuntimeError(f"Elasticsearch rejected {len(failed)} documents, e.g. {min(failed)}")
    if progress:
        progress(len(batch))
