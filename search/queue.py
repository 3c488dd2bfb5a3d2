"""Draining the durable queue of changes towards Elasticsearch.

Each ``PendingChange`` names a document key. Processing reads the key's current state from
the embedded table, so the newest version is sent (or a delete if it is gone). A key leaves the
queue only when Elasticsearch confirmed it and nobody changed it meanwhile; failures stay, with
exponential backoff, until ``process_search_queue`` (or the next change) gets them through.
"""

import logging
from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from . import backends
from .backends import elastic
from .backends.elastic import ElasticsearchUnavailable
from .models import IndexedDocument, PendingChange

logger = logging.getLogger(__name__)
BATCH_SIZE = 500
MAX_BACKOFF = timedelta(hours=1)


def backoff(attempts):
    """10 s, 20 s, 40 s … at most an hour."""
    return min(timedelta(seconds=10 * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def process(keys=None, include_waiting=False, backend=None):
    """Send due changes (or just ``keys``). Returns (sent, failed).

    Sending just ``keys`` is what happens right after a change, inside someone's request: it is
    skipped while Elasticsearch is cooling down after a failure (the changes stay queued).
    """
    if keys is not None and elastic.recently_down():
        return 0, 0
    backend = backend or backends.elasticsearch_backend()
    pending = PendingChange.objects.order_by("created_at")
    if keys is not None:
        pending = pending.filter(key__in=list(keys))
    elif not include_waiting:
        pending = pending.filter(next_attempt_at__lte=timezone.now())
    sent = failed = 0
    last_id = 0
    while True:
        batch = list(pending.filter(id__gt=last_id).order_by("id")[:BATCH_SIZE])
        if not batch:
            return sent, failed
        last_id = batch[-1].id
        ok, bad = _send(batch, backend)
        sent, failed = sent + ok, failed + bad
        if keys is None and bad and not ok:
            return sent, failed + pending.filter(id__gt=last_id).count()  # it is down: stop


def _send(batch, backend):
    documents = {
        doc.key: doc.source
        for doc in IndexedDocument.objects.filter(key__in=[change.key for change in batch])
    }
    deleted = [change.key for change in batch if change.key not in documents]
    try:
        failed_keys = set(backend.bulk(list(documents.values()), deleted))
        error = "Elasticsearch rejected the document."
    except Exception as exc:  # down, timing out, or answering nonsense: nothing was confirmed
        failed_keys = {change.key for change in batch}
        error = f"{type(exc).__name__}: {exc}"[:1000]
        elastic.mark_down()
        expected = isinstance(exc, ElasticsearchUnavailable)
        logger.warning(
            "Elasticsearch unavailable; %d changes stay queued: %s", len(batch), error,
            exc_info=not expected,
        )  # fmt: skip
    now = timezone.now()
    failed = 0
    for change in batch:
        # Either way, only if nobody changed the document meanwhile: a newer change is due now.
        current = PendingChange.objects.filter(pk=change.pk, version=change.version)
        if change.key in failed_keys:
            failed += 1
            current.update(
                attempts=F("attempts") + 1,
                next_attempt_at=now + backoff(change.attempts + 1),
                last_error=error,
            )
        else:
            current.delete()
    if failed < len(batch):
        elastic.mark_up()  # it answered
    return len(batch) - failed, failed
