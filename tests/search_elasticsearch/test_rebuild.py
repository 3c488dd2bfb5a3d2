"""Rebuilding Elasticsearch: a new timestamped index, filled from the embedded table, swapped
in behind the alias in one step; and the command, which keeps going when the cluster is down."""

import re
from io import StringIO

from django.core.management import CommandError, call_command

import pytest

from search import indexing, queue, rebuild
from search.backends.elastic import ElasticsearchBackend
from search.models import IndexedDocument, PendingChange
from search.schema import ContentDocument, index_alias, language_document
from tests.factories.programmes import ProgrammePageFactory

from .fakes import content_doc

pytestmark = pytest.mark.django_db

INDEX_NAME = re.compile(r"^portal-test-content-\d{20}$")


def embedded_table():
    """The embedded table, as Elasticsearch gets it (text copied into its language's fields)."""
    return {doc.key: language_document(doc.source) for doc in IndexedDocument.objects.all()}


def queued_keys():
    return set(PendingChange.objects.values_list("key", flat=True))


@pytest.fixture
def documents(es_on):
    docs = [content_doc(n) for n in range(1, 8)]
    indexing.write(docs, queue=False)
    return docs


def test_a_rebuild_fills_a_new_index_and_moves_the_alias_in_one_step(
    fake_es, live_index, documents, monkeypatch
):
    monkeypatch.setattr(rebuild, "BULK_SIZE", 3)
    sent = []

    new_index = rebuild.rebuild_elasticsearch(progress=sent.append)

    assert INDEX_NAME.match(new_index)
    assert new_index != live_index
    assert fake_es.resolve(index_alias()) == [new_index]
    assert fake_es.documents(new_index) == embedded_table()
    assert len(embedded_table()) == 7
    assert sent == [3, 3, 1]  # progress per batch
    (created,) = fake_es.calls_to("indices.create")
    assert created["index"] == new_index
    assert created["body"]["mappings"] == ContentDocument._index.to_dict()["mappings"]
    (swap,) = fake_es.calls_to("indices.update_aliases")
    assert swap["actions"] == [
        {"remove": {"index": live_index, "alias": index_alias()}},
        {"add": {"index": new_index, "alias": index_alias()}},
    ]
    assert live_index not in fake_es.store  # the old index is dropped
    assert set(fake_es.store) == {new_index}
    # The copy goes to the new index by name, never through the alias.
    for bulk in fake_es.calls_to("bulk"):
        assert {op["index"]["_index"] for op in bulk["operations"] if "index" in op} == {new_index}
    assert queued_keys() == set()


def test_the_first_rebuild_creates_the_alias(fake_es, documents):
    new_index = rebuild.rebuild_elasticsearch()

    (swap,) = fake_es.calls_to("indices.update_aliases")
    assert swap["actions"] == [{"add": {"index": new_index, "alias": index_alias()}}]
    assert fake_es.documents(index_alias()) == embedded_table()


def test_an_index_squatting_the_alias_name_is_replaced_in_the_same_step(fake_es, documents):
    fake_es.add_index(index_alias(), docs=[content_doc(99)])  # e.g. auto-created by a write

    new_index = rebuild.rebuild_elasticsearch()

    (swap,) = fake_es.calls_to("indices.update_aliases")
    assert swap["actions"] == [
        {"remove_index": {"index": index_alias()}},
        {"add": {"index": new_index, "alias": index_alias()}},
    ]
    assert fake_es.resolve(index_alias()) == [new_index]
    assert fake_es.documents(index_alias()) == embedded_table()


def test_documents_changed_during_the_rebuild_are_queued_again(fake_es, live_index, documents):
    old_index = live_index

    def edit_while_copying(operations, options):
        # An editor publishes and unpublishes while the copy runs; the queue sends both
        # changes at once, through the alias, to the old index.
        indexing.write([content_doc(1, title="Renamed during the rebuild"), content_doc(50)])
        indexing.remove(["programme:2"])
        assert queue.process(keys=["programme:1", "programme:50", "programme:2"]) == (3, 0)
        assert queued_keys() == set()
        assert "programme:50" in fake_es.documents(old_index)

    fake_es.before_bulk = edit_while_copying
    new_index = rebuild.rebuild_elasticsearch()

    # The copy read the documents before the edits reached it, so the new index is stale
    # for exactly these three keys, and they are queued again.
    assert fake_es.documents(new_index)["programme:1"]["title"] == "Programme 1"
    assert queued_keys() == {"programme:1", "programme:50", "programme:2"}

    call_command("process_search_queue", stdout=StringIO(), stderr=StringIO())

    assert queued_keys() == set()
    assert fake_es.documents(index_alias()) == embedded_table()
    assert "programme:2" not in fake_es.documents(index_alias())


def test_unchanged_documents_are_not_queued_again(fake_es, live_index, documents):
    rebuild.rebuild_elasticsearch()

    # Every document was written moments ago, yet the copy has them as they are.
    assert queued_keys() == set()


def test_changes_still_queued_stay_queued_for_the_new_index(fake_es, live_index, documents):
    PendingChange.objects.create(key="programme:3", next_attempt_at="2099-01-01T00:00:00Z")

    rebuild.rebuild_elasticsearch()

    change = PendingChange.objects.get()
    assert change.key == "programme:3"
    assert change.version == 1  # a send in flight to the old index will not dequeue it


def test_a_failed_copy_drops_the_new_index_and_leaves_the_alias(fake_es, live_index, documents):
    fake_es.reject = {"programme:4"}

    with pytest.raises(rebuild.RejectedDocuments, match="programme:4"):
        rebuild.rebuild_elasticsearch()

    assert set(fake_es.store) == {live_index}
    assert fake_es.resolve(index_alias()) == [live_index]
    assert fake_es.calls_to("indices.update_aliases") == []


def test_the_command_rebuilds_both_indices(fake_es, live_index, catalogue):
    page = ProgrammePageFactory(parent=catalogue, title="Published")  # signals not run
    assert not IndexedDocument.objects.exists()
    out = StringIO()

    call_command("rebuild_search_index", stdout=out, stderr=StringIO(), verbosity=1)

    assert set(embedded_table()) == {f"programme:{page.pk}"}
    assert fake_es.documents(index_alias()) == embedded_table()
    assert fake_es.resolve(index_alias()) != [live_index]
    assert "Elasticsearch index portal-test-content-" in out.getvalue()


def test_the_command_with_elasticsearch_down_still_rebuilds_the_embedded_index(fake_es, catalogue):
    page = ProgrammePageFactory(parent=catalogue, title="Published")
    indexing.write([content_doc(999_999, title="Stale")], queue=False)
    fake_es.down = True

    with pytest.raises(CommandError) as error:
        call_command("rebuild_search_index", stdout=StringIO(), stderr=StringIO(), verbosity=0)

    message = str(error.value)
    assert "Elasticsearch is not reachable" in message
    assert "embedded index was rebuilt" in message
    assert "run this command again" in message
    assert set(embedded_table()) == {f"programme:{page.pk}"}  # rebuilt: the stale one is gone
    assert fake_es.store == {}


def test_the_live_keys_can_be_listed(fake_es, live_index, documents):
    indexing.write([content_doc(n) for n in range(1, 4)])
    queue.process()

    assert ElasticsearchBackend().document_keys() == {"programme:1", "programme:2", "programme:3"}
    assert fake_es.calls_to("clear_scroll")
