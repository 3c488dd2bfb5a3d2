"""Pages run a fixed number of queries, however many programmes or evaluations they show."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from programmes.ratings import refresh_rating
from tests.factories.programmes import (
    EvaluationPageFactory,
    ImplementationReportPageFactory,
    ProgrammePageFactory,
)
from tests.helpers import listed_programmes

pytestmark = pytest.mark.django_db

RESULTS = [
    {"outcome": "knowledge", "direction": "positive", "significance": "significant"},
    {"outcome": "attitudes", "direction": "none", "significance": "not_significant"},
]


def count_queries(client, url):
    """Queries for one request, after a warm-up request has filled per-process caches."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def add_programmes(catalogue, count):
    for _ in range(count):
        programme = ProgrammePageFactory(
            parent=catalogue,
            target_groups=["children", "parents-carers"],
            prevention_levels=["primary"],
            countries=["DE", "FR"],
        )
        EvaluationPageFactory(parent=programme, results=RESULTS)
        refresh_rating(programme)


def grow_programme(programme, count):
    for _ in range(count):
        EvaluationPageFactory(parent=programme, results=RESULTS)
        ImplementationReportPageFactory(parent=programme)
    refresh_rating(programme)


def test_programme_page(client, catalogue, django_assert_num_queries):
    programme = ProgrammePageFactory(
        parent=catalogue, target_groups=["children"], countries=["DE"], languages=["de"]
    )
    grow_programme(programme, 2)
    small, response = count_queries(client, programme.url)
    assert response.content.decode().count('class="card evaluation"') == 2

    grow_programme(programme, 4)
    client.get(programme.url)
    with django_assert_num_queries(small):
        response = client.get(programme.url)
    assert response.content.decode().count('class="card evaluation"') == 6


@pytest.mark.parametrize(
    "query",
    ["", "?target_group=children&country=DE&country=FR", "?rating=supported&rating=insufficient"],
)
def test_catalogue(client, catalogue, django_assert_num_queries, query):
    add_programmes(catalogue, 3)
    small, response = count_queries(client, catalogue.url + query)
    assert len(listed_programmes(response)) == 3

    add_programmes(catalogue, 12)
    client.get(catalogue.url + query)
    with django_assert_num_queries(small):
        response = client.get(catalogue.url + query)
    assert len(listed_programmes(response)) == 15


def test_home_page(client, demo_site, django_assert_num_queries):
    home, catalogue = demo_site
    add_programmes(catalogue, 3)
    small, response = count_queries(client, home.url)
    assert len(listed_programmes(response)) == 3

    add_programmes(catalogue, 12)
    client.get(home.url)
    with django_assert_num_queries(small):
        response = client.get(home.url)
    assert len(listed_programmes(response)) == 4
