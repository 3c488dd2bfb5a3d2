"""Writing the index: the embedded table first, then (if configured) Elasticsearch via the queue.

Every change goes to ``IndexedDocument`` in the same database transaction as a
``PendingChange`` row for Elasticsearch, so a change is either fully recorded or not at all.
Elasticsearch is then brought up to date from the queue (``search.queue``), now if it answers,
later with backoff if it does not.
"""

import logging

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, OuterRef, Subquery
from django.utils import timezone

from . import backends, registry
from .facets import FACETS
from .fulltext import engine
from .models import FacetValue, IndexedDocument, PendingChange
from .schema import PUBLIC

logger = logging.getLogger(__name__)
BATCH_SIZE = 500


def _row(doc):
    return IndexedDocument(
        key=doc["key"],
        type=doc["type"],
        title=doc["title"][:500],
        summary=doc["summary"],
        body=doc["body"],
        language=doc["language"],
        family=doc.get("family") or doc["key"],
        url=doc["url"],
        date=doc["date"],
        rating_rank=doc["rating_rank"],
        is_public=PUBLIC in doc["visibility"],
        source=doc,
    )


def _facet_rows(document_id, doc, is_public, family):
    """(document_id, facet, value, is_public, family) of every facet value of the document."""
    rows = []
    for facet in (*FACETS, "visibility"):
        values = doc.get(facet)
        for value in values if isinstance(values, list) else [values]:
            if value not in (None, ""):
                rows.append((document_id, facet, str(value), is_public, family))
    return rows


def _insert_facet_values(cursor, rows):
    """Insert facet rows as plain tuples: about 15 per document, so building a model instance
    for each (``bulk_create``) took half of a rebuild's time."""
    meta = FacetValue._meta
    quote = connection.ops.quote_name
    columns = [meta.get_field(name).column for name in FACET_VALUE_COLUMNS]
    cursor.executemany(
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(map(quote, columns))}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(columns))})",
        rows,
    )


FACET_VALUE_COLUMNS = ("document", "facet", "value", "is_public", "family")


@transaction.atomic
def write(docs, fresh=False, queue=True):
    """Insert or replace documents in the embedded index. ``fresh``: none exist yet.
    ``queue``: also mark them for Elasticsearch (a rebuild sends everything anyway)."""
    if not docs:
        return
    rows = [_row(doc) for doc in docs]
    existing = {} if fresh else dict(
        IndexedDocument.objects.filter(key__in=[r.key for r in rows]).values_list("key", "id")
    )  # fmt: skip
    new = [row for row in rows if row.key not in existing]
    old = [row for row in rows if row.key in existing]
    for row in old:
        row.id = existing[row.key]
        row.updated_at = timezone.now()
    IndexedDocument.objects.bulk_create(new, batch_size=BATCH_SIZE)
    fields = ["type", "title", "summary", "body", "language", "family", "url", "date",
              "rating_rank", "is_public", "source", "updated_at"]  # fmt: skip
    IndexedDocument.objects.bulk_update(old, fields, batch_size=BATCH_SIZE)
    if old:
        FacetValue.objects.filter(document_id__in=[row.id for row in old]).delete()
    with connection.cursor() as cursor:
        _insert_facet_values(
            cursor,
            [
                value
                for row in rows
                for value in _facet_rows(row.id, row.source, row.is_public, row.family)
            ],
        )
        engine(connection).write(
            cursor, [(r.id, r.language, r.title, r.summary, r.body) for r in rows]
        )
    count_families({row.family for row in rows})
    if queue and backends.elasticsearch_enabled():
        enqueue([row.key for row in rows])


@transaction.atomic
def remove(keys):
    keys = list(keys)
    found = list(IndexedDocument.objects.filter(key__in=keys).values_list("id", "family"))
    ids = [doc_id for doc_id, _family in found]
    if ids:
        with connection.cursor() as cursor:
            engine(connection).delete(cursor, ids)
        FacetValue.objects.filter(document_id__in=ids).delete()
        IndexedDocument.objects.filter(id__in=ids).delete()
        count_families({family for _id, family in found})
    if backends.elasticsearch_enabled():
        enqueue(keys)


def count_families(families):
    """Store how many versions each of these families has in the index (see ``family_size``)."""
    sizes = (
        IndexedDocument.objects.filter(family=OuterRef("family"))
        .values("family")
        .annotate(size=Count("id"))
        .values("size")
    )
    families = list(families)
    for start in range(0, len(families), BATCH_SIZE):
        IndexedDocument.objects.filter(family__in=families[start : start + BATCH_SIZE]).update(
            family_size=Subquery(sizes)
        )


def enqueue(keys):
    """Mark documents for Elasticsearch; one row per key however often it changes."""
    now = timezone.now()
    for key in keys:
        # Bump in SQL, so two concurrent changes both count; create only if there is no row.
        bumped = PendingChange.objects.filter(key=key).update(
            version=F("version") + 1, next_attempt_at=now, attempts=0
        )
        if not bumped:
            try:
                with transaction.atomic():
                    PendingChange.objects.create(key=key, next_attempt_at=now)
            except IntegrityError:  # someone queued it in between: bump theirs
                PendingChange.objects.filter(key=key).update(
                    version=F("version") + 1, next_attempt_at=now, attempts=0
                )


def index_objects(objects):
    """Bring the index in line with these objects' current, committed state."""
    docs, gone = [], []
    for obj in objects:
        source = registry.source_for(obj)
        if source is None:
            continue
        doc = source.to_document(obj)
        if doc is None:
            gone.append(source.key(obj.pk))
        else:
            docs.append(doc)
    write(docs)
    remove(gone)
    return len(docs), len(gone)


def all_documents(sources=None, progress=None):
    """Every searchable document, source by source, for a rebuild."""
    for source in sources or registry.sources():
        for obj in source.everything().iterator(chunk_size=BATCH_SIZE):
            doc = source.to_document(obj)
            if progress:
                progress()
            if doc is not None:
                yield doc


def count_objects(sources=None):
    return sum(source.everything().count() for source in sources or registry.sources())


@transaction.atomic
def rebuild_embedded(documents):
    """Replace the embedded index with ``documents``, in one transaction: searches keep
    answering from the old index until it commits. Returns the number written."""
    with connection.cursor() as cursor:
        engine(connection).clear(cursor)
    FacetValue.objects.all()._raw_delete(FacetValue.objects.db)
    IndexedDocument.objects.all()._raw_delete(IndexedDocument.objects.db)
    written, batch = 0, []
    for doc in documents:
        batch.append(doc)
        if len(batch) >= BATCH_SIZE:
            write(batch, fresh=True, queue=False)
            written += len(batch)
            batch = []
    write(batch, fresh=True, queue=False)
    return written + len(batch)
