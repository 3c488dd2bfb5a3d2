"""The durable queue towards Elasticsearch: nothing written while the cluster is down is lost.

``FakeElasticsearch`` keeps what it was sent, so after the queue drains its index must equal
the embedded table: the same keys with the same sources.
"""

import json
from datetime import UTC, datetime, timedelta
from io import StringIO
from urllib.parse import parse_qsl

from django.core.management import call_command
from django.utils import timezone

import pytest
from elasticsearch.dsl import connections

from search import indexing, queue, rebuild
from search.models import IndexedDocument, PendingChange
from search.schema import PortalSearch, index_alias, language_document
from tests.factories.programmes import ProgrammePageFactory

from .fakes import content_doc, scripted_client

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 3, 1, 12, 0, tzinfo=UTC)


def embedded_table():
    """The embedded table, as Elasticsearch gets it (text copied into its language's fields)."""
    return {doc.key: language_document(doc.source) for doc in IndexedDocument.objects.all()}


def queued():
    return {change.key: change for change in PendingChange.objects.all()}


def drain():
    out = StringIO()
    call_command("process_search_queue", stdout=out, stderr=StringIO())
    return out.getvalue()


def process_at(moment, monkeypatch, **options):
    with monkeypatch.context() as patch:
        patch.setattr(timezone, "now", lambda: moment)
        return queue.process(**options)


def test_backoff_doubles_up_to_an_hour():
    assert [queue.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [10, 20, 40, 80]
    assert queue.backoff(30) == timedelta(hours=1)


def test_writes_and_removals_while_down_stay_queued_until_it_is_back(
    fake_es, live_index, monkeypatch
):
    indexing.write([content_doc(1), content_doc(2), content_doc(3)])
    assert queue.process() == (3, 0)
    assert embedded_table() == fake_es.documents(index_alias())

    fake_es.down = True
    indexing.write([content_doc(1, title="Renamed"), content_doc(4)])
    indexing.remove(["programme:2"])

    assert set(queued()) == {"programme:1", "programme:4", "programme:2"}
    assert process_at(NOW, monkeypatch, include_waiting=True) == (0, 3)
    for change in queued().values():
        assert change.attempts == 1
        assert change.next_attempt_at == NOW + timedelta(seconds=10)
        assert "ConnectionError" in change.last_error
    later = NOW + timedelta(minutes=1)
    assert process_at(later, monkeypatch, include_waiting=True) == (0, 3)
    for change in queued().values():
        assert change.attempts == 2
        assert change.next_attempt_at == later + timedelta(seconds=20)
    # Elasticsearch still has what it had before it went down.
    assert fake_es.documents(index_alias())["programme:1"]["title"] == "Programme 1"
    assert "programme:2" in fake_es.documents(index_alias())

    fake_es.down = False
    output = drain()

    assert "Sent 3 changes; 0 failed; 0 still queued." in output
    assert queued() == {}
    assert fake_es.documents(index_alias()) == embedded_table()
    assert set(embedded_table()) == {"programme:1", "programme:3", "programme:4"}
    assert fake_es.documents(index_alias())["programme:1"]["title"] == "Renamed"


def test_publishing_and_unpublishing_pages_while_down_loses_nothing(
    fake_es, live_index, catalogue, publish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        kept = ProgrammePageFactory(parent=catalogue, title="Kept")
        dropped = ProgrammePageFactory(parent=catalogue, title="Dropped")
    kept_key, dropped_key = f"programme:{kept.pk}", f"programme:{dropped.pk}"
    assert set(fake_es.documents(index_alias())) == {kept_key, dropped_key}
    assert queued() == {}

    fake_es.down = True
    bulks_before = len(fake_es.calls_to("bulk"))
    kept.title = "Kept, renamed"
    publish(kept)
    with django_capture_on_commit_callbacks(execute=True):
        dropped.unpublish()
        added = ProgrammePageFactory(parent=catalogue, title="Added while down")
    added_key = f"programme:{added.pk}"

    changes = queued()
    assert set(changes) == {kept_key, dropped_key, added_key}
    # The first publish tried at once and failed. While the cluster cools down, later changes
    # (including the rating refresh that re-queued the renamed programme) are only queued, so
    # no editor waits for a timeout.
    assert len(fake_es.calls_to("bulk")) == bulks_before + 1
    assert all(change.attempts == 0 for change in changes.values())
    assert set(embedded_table()) == {kept_key, added_key}
    assert fake_es.documents(index_alias())[kept_key]["title"] == "Kept"

    fake_es.down = False
    drain()

    assert queued() == {}
    assert fake_es.documents(index_alias()) == embedded_table()
    assert fake_es.documents(index_alias())[kept_key]["title"] == "Kept, renamed"
    assert dropped_key not in fake_es.documents(index_alias())


def test_waiting_changes_wait_for_their_turn_with_due_only(fake_es, live_index, monkeypatch):
    indexing.write([content_doc(1)])
    fake_es.down = True
    process_at(timezone.now(), monkeypatch)  # failed: now waits out its backoff
    fake_es.down = False

    call_command("process_search_queue", "--due-only", stdout=StringIO(), stderr=StringIO())
    assert set(queued()) == {"programme:1"}

    drain()
    assert queued() == {}


def test_a_document_changed_while_being_sent_stays_queued(fake_es, live_index):
    indexing.write([content_doc(1, title="First")])

    def change_meanwhile(operations, options):
        indexing.write([content_doc(1, title="Second")])

    fake_es.before_bulk = change_meanwhile
    assert queue.process() == (1, 0)

    # Elasticsearch confirmed the first version; the second is still to be sent.
    assert fake_es.documents(index_alias())["programme:1"]["title"] == "First"
    assert set(queued()) == {"programme:1"}

    queue.process()
    assert queued() == {}
    assert fake_es.documents(index_alias()) == embedded_table()
    assert embedded_table()["programme:1"]["title"] == "Second"


def test_a_failed_send_does_not_delay_a_newer_change(fake_es, live_index):
    indexing.write([content_doc(1, title="First")])

    def change_and_fail(operations, options):
        indexing.write([content_doc(1, title="Second")])
        fake_es.reject.add("programme:1")

    fake_es.before_bulk = change_and_fail
    queue.process()

    (change,) = queued().values()
    assert change.attempts == 0
    assert change.next_attempt_at <= timezone.now()  # due at once, not after a backoff


def test_deleting_a_document_elasticsearch_never_had_is_not_a_failure(fake_es, live_index):
    indexing.remove(["programme:999"])

    assert queue.process() == (1, 0)

    assert queued() == {}
    (bulk,) = fake_es.calls_to("bulk")
    assert bulk["operations"] == [{"delete": {"_index": index_alias(), "_id": "programme:999"}}]


def test_rejected_documents_stay_queued_and_the_others_go_through(fake_es, live_index):
    indexing.write([content_doc(1), content_doc(2), content_doc(3)])
    fake_es.reject = {"programme:2"}

    assert queue.process() == (2, 1)

    (change,) = queued().values()
    assert change.key == "programme:2"
    assert change.attempts == 1
    assert "rejected" in change.last_error
    assert set(fake_es.documents(index_alias())) == {"programme:1", "programme:3"}

    fake_es.reject = set()
    drain()
    assert queued() == {}
    assert fake_es.documents(index_alias()) == embedded_table()


@pytest.mark.parametrize(
    "answer",
    [
        {"took": 1, "errors": False},  # no items at all
        {"took": 1, "errors": False, "items": []},  # fewer items than operations
    ],
)
def test_an_answer_that_confirms_nothing_keeps_everything_queued(fake_es, live_index, answer):
    indexing.write([content_doc(1), content_doc(2)])
    fake_es.bulk = lambda **kwargs: type("Response", (), {"body": answer})()

    assert queue.process() == (0, 2)

    assert set(queued()) == {"programme:1", "programme:2"}


def test_an_unexpected_client_error_keeps_the_change_queued(fake_es, live_index):
    indexing.write([content_doc(1)])
    fake_es.failure = ValueError("Circular reference detected")

    assert queue.process() == (0, 1)

    assert "ValueError" in queued()["programme:1"].last_error


def test_before_the_first_rebuild_nothing_is_written_under_the_alias_name(fake_es):
    indexing.write([content_doc(1)])

    assert queue.process() == (0, 1)

    # Writing to the missing alias must not auto-create an index that takes its name.
    assert fake_es.store == {}
    (bulk,) = fake_es.calls_to("bulk")
    assert bulk["require_alias"] is True
    assert set(queued()) == {"programme:1"}

    rebuild.rebuild_elasticsearch()
    drain()
    assert queued() == {}
    assert fake_es.documents(index_alias()) == embedded_table()


def test_a_cluster_that_is_down_is_not_asked_again_for_every_batch(
    fake_es, live_index, monkeypatch
):
    monkeypatch.setattr(queue, "BATCH_SIZE", 2)
    indexing.write([content_doc(n) for n in range(1, 6)])
    fake_es.down = True

    assert queue.process() == (0, 5)

    assert len(fake_es.calls_to("bulk")) == 1
    assert sorted(change.attempts for change in queued().values()) == [0, 0, 0, 1, 1]


def test_without_elasticsearch_nothing_is_queued(settings):
    settings.ELASTICSEARCH_URL = ""

    indexing.write([content_doc(1)])
    indexing.remove(["programme:1"])

    assert queued() == {}


def test_one_change_gives_up_quickly_and_a_full_batch_gets_time(fake_es, live_index):
    indexing.write([content_doc(1)])
    queue.process()
    indexing.write([content_doc(n) for n in range(1, 501)])
    queue.process()

    single, batch = (kwargs["request_timeout"] for kwargs in fake_es.calls_to("options"))
    assert single <= 6
    assert 30 <= batch <= 60


def test_the_real_client_sends_the_changes_as_one_bulk_request(es_on, monkeypatch):
    indexing.write([content_doc(1)])
    indexing.remove(["programme:2"])

    def script(method, target, body):
        lines = [json.loads(line) for line in body.decode().splitlines()]
        items = [
            {"index": {"_id": "programme:1", "status": 201, "result": "created"}},
            {"delete": {"_id": "programme:2", "status": 404, "result": "not_found"}},
        ]
        assert [next(iter(line)) for line in lines if "key" not in line] == ["index", "delete"]
        return 200, {"took": 3, "errors": False, "items": items}

    es, requests = scripted_client(script)
    connections.add_connection(PortalSearch.using, es)

    assert queue.process() == (2, 0)

    (sent,) = requests
    assert sent["method"] == "PUT"
    path, _, query = sent["target"].partition("?")
    assert path == "/_bulk"
    assert dict(parse_qsl(query)) == {"refresh": "wait_for", "require_alias": "true"}
    assert sent["headers"]["content-type"].startswith("application/vnd.elasticsearch+x-ndjson")
    assert sent["request_timeout"] <= 6
    assert queued() == {}
