"""Django can empty the database (``flush``, as after every transactional test) on both
databases, and the full-text table is emptied with it."""

from django.core.management import call_command
from django.db import connection

import pytest

from search import fulltext
from search.models import IndexedDocument
from tests.factories.search import search_document

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _full_text_rows():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {fulltext.TABLE}")  # noqa: S608 (a constant)
        return cursor.fetchone()[0]


def test_flush_empties_the_documents_and_their_full_text(index, search):
    # Earlier transactional tests may have left rows: their flushes skip post_migrate when
    # they restore the seeded data (serialized rollback). Such rows match no document.
    before = _full_text_rows()
    index(search_document("Prison therapy"), search_document("Prison visits"))
    assert _full_text_rows() == before + 2

    call_command("flush", interactive=False, verbosity=0)

    assert not IndexedDocument.objects.exists()
    assert _full_text_rows() == 0
    index(search_document("Prison garden"))
    assert [hit.title for hit in search(q="prison").hits] == ["Prison garden"]
