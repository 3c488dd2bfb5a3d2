"""The embedded index, kept in the database, and the durable queue towards Elasticsearch.

``IndexedDocument`` holds every searchable item as a ``search.schema.ContentDocument``. It is
what the embedded backend searches, and the source an Elasticsearch rebuild reads from. Its
full text lives beside it in a table of the database's own full-text engine (an FTS5 table on
SQLite, a tsvector table on PostgreSQL: see ``search.fulltext``), keyed by the document's id.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexedDocument(models.Model):
    key = models.CharField(max_length=120, unique=True, help_text="e.g. programme:12")
    type = models.CharField(max_length=40)
    title = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    language = models.CharField(max_length=8)
    # The translation family: every language version of one page shares it; a document
    # without translations is a family of its own (its key).
    family = models.CharField(max_length=120, default="", db_index=True)
    family_size = models.PositiveIntegerField(default=1)  # its indexed versions
    url = models.CharField(max_length=500)
    date = models.DateTimeField(null=True)
    rating_rank = models.SmallIntegerField(default=-1)
    is_public = models.BooleanField(default=True)
    source = models.JSONField(help_text="The whole ContentDocument, as Elasticsearch gets it.")
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("indexed document")
        indexes = [
            models.Index(fields=["is_public", "date"]),
            models.Index(fields=["rating_rank", "date"]),
        ]

    def __str__(self):
        return self.key


class FacetValue(models.Model):
    """One value of one facet of one document. Facet counts are GROUP BYs over this table.

    ``is_public`` and ``family`` repeat the document's, so counting the public families of each
    value reads one index only.
    """

    document = models.ForeignKey(IndexedDocument, on_delete=models.CASCADE, related_name="+")
    facet = models.CharField(max_length=40)
    value = models.CharField(max_length=120)
    is_public = models.BooleanField(default=True)
    family = models.CharField(max_length=120, default="")  # the document's, to count families

    class Meta:
        indexes = [
            models.Index(fields=["document", "facet", "value"]),
            models.Index(fields=["facet", "value", "document"]),
            models.Index(fields=["is_public", "facet", "value", "family"]),
        ]

    def __str__(self):
        return f"{self.facet}={self.value}"


class PendingChange(models.Model):
    """A document whose Elasticsearch copy may be out of date.

    One row per key: what to send is decided when the queue is processed, from the
    document table (present: index it; absent: delete it), so the queue cannot replay a
    stale version and draining it always converges on the database.
    """

    key = models.CharField(max_length=120, unique=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    last_error = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pending search change")

    def __str__(self):
        return self.key
