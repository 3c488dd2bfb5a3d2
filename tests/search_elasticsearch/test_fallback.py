"""When Elasticsearch fails at query time, the embedded index answers: never an error page.

Each failure is checked against a control in which the fake cluster answers, so the tests
show the Elasticsearch path was really taken.
"""

from io import StringIO

from django.core.management import call_command

import pytest
from elastic_transport import ConnectionTimeout, TransportError
from elasticsearch import ConnectionError
from elasticsearch.dsl import connections

from search import indexing
from search.backends import elastic
from search.schema import PortalSearch

from .fakes import content_doc, empty_search_response, scripted_client, server_error

pytestmark = pytest.mark.django_db

NOTICE = "backup index"


@pytest.fixture
def embedded(es_on, home):
    """Two documents in the embedded index; only one is about prisons."""
    indexing.write(
        [
            content_doc(1, title="Safer prisons", body="Mentoring for people leaving prison."),
            content_doc(2, title="Healthy schools", body="Lessons on alcohol for pupils."),
        ]
    )


def only_in_elasticsearch():
    response = empty_search_response()
    response["hits"]["total"]["value"] = 1
    response["hits"]["hits"] = [
        {
            "_index": "portal-test-content-1",
            "_id": "programme:77",
            "_score": 3.2,
            "_source": content_doc(77, title="Answered by Elasticsearch"),
            "highlight": {"title": ["Answered by <mark>Elasticsearch</mark>"]},
        }
    ]
    return response


FAILURES = {
    "connection refused": ConnectionError("Connection refused"),
    "HTTP 500": server_error(),
    "timeout": ConnectionTimeout("Connection timed out after 5s"),
    "transport error": TransportError("Connection reset by peer"),
}
MALFORMED = {
    "total as an integer": {"hits": {"total": 1, "hits": []}},
    "hit without _source": {
        "hits": {"total": {"value": 1}, "hits": [{"_id": "programme:1", "_score": 1.0}]}
    },
    "aggregation without buckets": {
        "hits": {"total": {"value": 0}, "hits": []},
        "aggregations": {"_filter_type": {"doc_count": 0}},
    },
    "an error body": {"error": {"type": "illegal_state_exception"}, "status": 500},
}


def break_cluster(fake, how):
    if how in FAILURES:
        fake.failure = FAILURES[how]
    else:
        fake.search_response = MALFORMED[how]


def test_control_the_page_shows_what_elasticsearch_answers(fake_es, embedded, client):
    fake_es.search_response = only_in_elasticsearch()

    response = client.get("/search/", {"q": "prisons"})

    assert response.status_code == 200
    assert fake_es.calls_to("search")
    assert "Answered by Elasticsearch" in response.text
    assert "Safer prisons" not in response.text
    assert NOTICE not in response.text


def test_control_the_api_is_not_degraded_when_elasticsearch_answers(fake_es, embedded, client):
    fake_es.search_response = only_in_elasticsearch()

    data = client.get("/api/search/", {"q": "prisons"}).json()

    assert data["degraded"] is False
    assert [hit["title"] for hit in data["results"]] == ["Answered by Elasticsearch"]


@pytest.mark.parametrize("how", [*FAILURES, *MALFORMED])
def test_the_page_answers_from_the_embedded_index_with_a_discreet_notice(
    fake_es, embedded, client, how
):
    break_cluster(fake_es, how)

    response = client.get("/search/", {"q": "prisons"})

    assert response.status_code == 200
    assert fake_es.calls_to("search")
    assert "Safer prisons" in response.text
    assert "Healthy schools" not in response.text
    assert NOTICE in response.text


@pytest.mark.parametrize("how", [*FAILURES, *MALFORMED])
def test_the_api_answers_from_the_embedded_index_and_says_so(fake_es, embedded, client, how):
    break_cluster(fake_es, how)

    response = client.get("/api/search/", {"q": "prisons"})

    assert response.status_code == 200
    data = response.json()
    assert data["degraded"] is True
    assert data["total"] == 1
    assert [hit["title"] for hit in data["results"]] == ["Safer prisons"]
    assert {option["value"]: option["count"] for option in data["facets"]["type"]} == {
        "programme": 1
    }


def test_suggestions_fall_back_too(fake_es, embedded, client):
    fake_es.down = True

    response = client.get("/api/search/suggest/", {"q": "prisons"})

    assert response.status_code == 200
    assert [hit["title"] for hit in response.json()["suggestions"]] == ["Safer prisons"]


@pytest.mark.parametrize(
    "failure",
    [
        ConnectionTimeout("Read timed out. (read timeout=5)"),
        ConnectionError("Connection refused"),
    ],
)
def test_the_real_client_failing_on_the_wire_falls_back(es_on, embedded, client, failure):
    def script(method, target, body):
        raise failure

    es, requests = scripted_client(script, request_timeout=5, max_retries=1)
    connections.add_connection(PortalSearch.using, es)

    response = client.get("/api/search/", {"q": "prisons"})

    assert response.status_code == 200
    assert response.json()["degraded"] is True
    assert [hit["title"] for hit in response.json()["results"]] == ["Safer prisons"]
    assert 1 <= len(requests) <= 2  # tried, at most one retry, then gave up


def test_the_real_client_getting_an_http_error_falls_back(es_on, embedded, client):
    def script(method, target, body):
        return 503, {"error": {"type": "cluster_block_exception"}, "status": 503}

    es, _requests = scripted_client(script, max_retries=0)
    connections.add_connection(PortalSearch.using, es)

    response = client.get("/search/", {"q": "prisons"})

    assert response.status_code == 200
    assert NOTICE in response.text
    assert "Safer prisons" in response.text


def test_after_a_failure_searches_skip_the_cluster_until_it_has_cooled_down(
    fake_es, embedded, client
):
    fake_es.failure = FAILURES["timeout"]
    first = client.get("/api/search/", {"q": "prisons"})
    assert first.json()["degraded"] is True
    assert len(fake_es.calls_to("search")) == 1

    fake_es.failure = None
    fake_es.search_response = only_in_elasticsearch()
    second = client.get("/api/search/", {"q": "prisons"})

    # Answered at once from the embedded index, without waiting on the cluster again.
    assert second.json()["degraded"] is True
    assert [hit["title"] for hit in second.json()["results"]] == ["Safer prisons"]
    assert len(fake_es.calls_to("search")) == 1


def test_a_successful_queue_run_ends_the_cool_down(fake_es, live_index, embedded, client):
    elastic.mark_down()
    fake_es.search_response = only_in_elasticsearch()
    assert client.get("/api/search/", {"q": "prisons"}).json()["degraded"] is True

    call_command("process_search_queue", stdout=StringIO())

    assert client.get("/api/search/", {"q": "prisons"}).json()["degraded"] is False
