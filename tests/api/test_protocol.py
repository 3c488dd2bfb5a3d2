"""The API as HTTP: read-only, paged, rate-limited, cheap in queries, and described by a valid
OpenAPI schema."""

import pytest
from drf_spectacular.validation import validate_schema

from portal.api.throttling import MEMBER_FACTOR, anonymous_rate
from tests.factories.campaigns import MaterialPageFactory
from tests.factories.portal import UserFactory
from tests.factories.programmes import (
    EvaluationPageFactory,
    ImplementationReportPageFactory,
    ProgrammePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v1/programmes/", "/api/v1/programmes.csv"])
def test_writing_is_not_allowed(client, db, method, url):
    response = getattr(client, method)(url, {}, content_type="application/json")
    assert response.status_code == 405
    assert response.json() == {"detail": f'Method "{method.upper()}" not allowed.'}


def test_head_and_options_are_allowed(client, content):
    assert client.head("/api/v1/programmes/").status_code == 200
    response = client.options("/api/v1/programmes/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_pages_have_a_stable_order_and_links(client, content):
    for number in range(3):
        ProgrammePageFactory(parent=content.catalogue, title=f"Zeta {number}")
    first = client.get("/api/v1/programmes/", {"page_size": 2}).json()
    assert first["count"] == 5
    assert first["next"] == "http://testserver/api/v1/programmes/?page=2&page_size=2"
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()
    titles = [item["title"] for page in (first, second, third) for item in page["results"]]
    assert titles == sorted(titles)
    assert len(set(titles)) == 5
    assert third["next"] is None
    response = client.get("/api/v1/programmes/", {"page_size": 2, "page": 4})
    assert response.status_code == 404


def test_anonymous_clients_are_rate_limited(client, content, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    for _ in range(3):
        assert client.get("/api/v1/vocabularies/").status_code == 200
    response = client.get("/api/v1/programmes/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "Request was throttled" in response.json()["detail"]
    # Signed-in members have a higher limit.
    client.force_login(UserFactory())
    for _ in range(4):
        assert client.get("/api/v1/vocabularies/").status_code == 200


def test_the_members_rate_is_ten_times_the_anonymous_rate(settings):
    assert anonymous_rate() == (100000, "minute")  # the test settings' generous limit
    assert MEMBER_FACTOR == 10
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "lots"},
    }
    with pytest.raises(Exception, match="API_ANON_RATE must look like 120/minute"):
        anonymous_rate()


def test_the_schema_is_valid_openapi(client, db):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    schema = response.json()
    validate_schema(schema)  # raises if it is not valid OpenAPI 3
    assert schema["info"]["version"] == "1.0.0"
    assert "translation key" in schema["info"]["description"]
    assert set(schema["paths"]) >= {
        "/api/v1/programmes/",
        "/api/v1/programmes/{id}/",
        "/api/v1/programmes/{id}/rating/",
        "/api/v1/programmes/{id}/rating/history/",
        "/api/v1/evaluations/",
        "/api/v1/implementation-reports/",
        "/api/v1/materials/",
        "/api/v1/vocabularies/",
        "/api/v1/vocabularies/country/",
        "/api/v1/programmes.csv",
        "/api/v1/evaluations.csv",
        "/api/v1/search/",
        "/api/v1/search/suggest/",
    }
    assert all(path.startswith("/api/v1/") for path in schema["paths"])
    yaml = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi")
    assert yaml.content.startswith(b"openapi: 3")


def test_every_operation_documents_the_rate_limit(client, db):
    schema = client.get("/api/schema/").json()
    operations = [
        (method, path, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
    ]
    assert ("get", "/api/v1/", schema["paths"]["/api/v1/"]["get"]) in operations
    for method, path, operation in operations:
        limited = operation["responses"]["429"]
        assert limited["headers"]["Retry-After"]["schema"]["type"] == "integer", (method, path)
        assert limited["content"]["application/json"]["schema"] == {
            "$ref": "#/components/schemas/Error"
        }


def _more_content(content, count):
    for number in range(count):
        programme = ProgrammePageFactory(
            parent=content.catalogue,
            title=f"Extra programme {number}",
            target_groups=["children"],
            countries=["IE"],
            languages=["en"],
        )
        EvaluationPageFactory(parent=programme)
        ImplementationReportPageFactory(parent=programme)
        MaterialPageFactory(
            parent=content.poster.get_parent().specific,
            title=f"Extra material {number}",
            audiences=["children"],
            files=["en", "de"],
        )


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/programmes/",
        "/api/v1/evaluations/",
        "/api/v1/implementation-reports/",
        "/api/v1/materials/",
    ],
)
def test_a_list_costs_a_fixed_number_of_queries(
    client, content, url, django_assert_max_num_queries
):
    client.get(url)  # warm Wagtail's site-root cache
    with django_assert_max_num_queries(30) as few:
        assert client.get(url, {"page_size": 100}).status_code == 200
    _more_content(content, 6)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url, {"page_size": 100}).status_code == 200
