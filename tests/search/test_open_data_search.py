"""The search in the open-data API, /api/v1/search/ and its suggestions: the same answers as
the first address, /api/search/, under the API's convention (``page_size``, ``{"detail": …}``
errors, its rate limit) and fully described in its OpenAPI schema."""

from django.db import DatabaseError

import pytest

from search.backends.embedded import EmbeddedBackend
from search.facets import FACETS
from tests.factories.search import day, search_document
from tests.helpers import dom

pytestmark = pytest.mark.django_db

SEARCH = "/api/v1/search/"
SUGGEST = "/api/v1/search/suggest/"
PARAMETERS = ", ".join((*FACETS, "q", "q_language", "sort", "page", "page_size"))


def get(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "prison therapy"},
        {"q": "täter"},
        {},
        {"country": "DE"},
        {"country": ["DE", "FR"], "sort": "evidence"},
        {"type": "support_service", "available_in": "de"},
    ],
)
def test_the_same_answer_as_the_first_address(client, corpus, params):
    old = get(client, "/api/search/", params)
    new = get(client, SEARCH, params)
    old["page_size"] = old.pop("per_page")
    assert new == old
    assert list(new["facets"]) == list(FACETS)


def test_results_and_facets(client, corpus):
    found = get(client, SEARCH, {"q": "prison", "country": "DE"})
    assert (found["total"], found["page"], found["pages"], found["page_size"]) == (1, 1, 1, 20)
    assert (found["sort"], found["degraded"]) == ("relevance", False)
    (result,) = found["results"]
    assert result["title"] == "Prison therapy"
    assert result["snippet"] == "Group therapy for men in <mark>prisons</mark>."
    assert found["facets"]["country"] == [
        {"value": "FR", "label": "France", "count": 1, "selected": False},
        {"value": "DE", "label": "Germany", "count": 1, "selected": True},
    ]


def test_paging_with_page_size(client, corpus):
    found = get(client, SEARCH, {"page_size": "2", "page": "2"})
    assert (found["total"], found["page"], found["pages"], found["page_size"]) == (3, 2, 2, 2)
    assert [r["title"] for r in found["results"]] == ["Kein Täter werden"]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"colour": "red"}, f"Unknown parameter “colour”. Parameters here: {PARAMETERS}."),
        # per_page is the first address's name; the open-data API says page_size everywhere.
        ({"per_page": "2"}, f"Unknown parameter “per_page”. Parameters here: {PARAMETERS}."),
        (
            {"sort": "random"},
            "Unknown sort order “random”. Use one of: relevance, newest, evidence.",
        ),
        ({"q": "prison\x00"}, "The request contains a character that is not allowed."),
        ({"country": "D\x00E"}, "The request contains a character that is not allowed."),
        ({"page": "abc"}, "“page” must be a whole number, not “abc”."),
        ({"page": "0"}, "“page” must be 1 or more."),
        ({"page_size": "101"}, "“page_size” must be 1–100."),
        ({"q": "a" * 501}, "The search text is 501 characters long; the limit is 500."),
        ({"country": [f"C{n}" for n in range(51)]}, "Too many or too long values for “country”."),
        (
            {"page": "101", "page_size": "100"},
            "Only the first 10000 results can be paged through. Add a filter or a word.",
        ),
    ],
)
def test_bad_parameters_get_the_apis_400(client, corpus, params, message):
    assert get(client, SEARCH, params, status=400) == {"detail": message}


def test_a_page_past_the_end_is_a_404_as_in_the_apis_lists(client, corpus):
    assert get(client, SEARCH, {"page_size": "1", "page": "3"})["page"] == 3
    assert get(client, SEARCH, {"page_size": "1", "page": "2", "country": "DE"}, status=404) == {
        "detail": "Page 2 does not exist: this search has 1 page(s)."
    }


def test_only_reading_is_allowed(client, corpus):
    response = client.post(SEARCH, {"q": "prison"})
    assert response.status_code == 405
    assert response.json() == {"detail": 'Method "POST" not allowed.'}
    assert client.head(SEARCH).status_code == 200


def test_suggestions(client, corpus):
    suggestions = get(client, SUGGEST, {"q": "prison"})["suggestions"]
    assert {s["title"] for s in suggestions} == {"Prison therapy", "Prison visits"}
    assert set(suggestions[0]) == {"title", "url", "type"}
    filtered = get(client, SUGGEST, {"q": "prison", "country": "FR"})["suggestions"]
    assert [s["title"] for s in filtered] == ["Prison visits"]
    assert get(client, SUGGEST, {"q": "  "}) == {"suggestions": []}


def test_suggestions_are_few_and_refuse_what_they_do_not_use(client, index):
    index(*(search_document(f"Helpline {n}", date=day(n)) for n in range(12)))
    assert len(get(client, SUGGEST, {"q": "helpline"})["suggestions"]) == 8
    refused = get(client, SUGGEST, {"q": "helpline", "page_size": "20"}, status=400)
    assert refused["detail"].startswith("Unknown parameter “page_size”.")


@pytest.fixture
def database_failing(monkeypatch):
    """The embedded index cannot answer: its database fails (and Elasticsearch is not set)."""

    def fail(self, request):
        raise DatabaseError("the database went away")

    monkeypatch.setattr(EmbeddedBackend, "search", fail)


def test_when_search_cannot_answer_it_is_a_503_with_the_apis_body(client, database_failing):
    message = "Text search is not available at the moment. Please try again in a minute."
    assert get(client, SEARCH, {"q": "prison"}, status=503) == {"detail": message}
    assert get(client, SUGGEST, {"q": "prison"}, status=503) == {"detail": message}
    # The first address keeps its own body.
    old = get(client, "/api/search/", {"q": "prison"}, status=503)
    assert old == {"error": "Search is not available at the moment. Please try again in a minute."}


def test_when_elasticsearch_is_down_the_embedded_index_answers(client, corpus, elasticsearch_down):
    found = get(client, SEARCH, {"q": "prison"})
    assert found["degraded"] is True
    assert {r["title"] for r in found["results"]} == {"Prison therapy", "Prison visits"}


def test_anonymous_clients_share_the_apis_rate_limit(client, corpus, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    assert client.get("/api/v1/vocabularies/").status_code == 200
    assert client.get(SEARCH, {"q": "prison"}).status_code == 200
    assert client.get(SUGGEST, {"q": "prison"}).status_code == 200
    for url in (SEARCH, SUGGEST):
        response = client.get(url, {"q": "prison"})
        assert response.status_code == 429
        assert 0 < int(response["Retry-After"]) <= 60
        assert "Request was throttled" in response.json()["detail"]


def test_the_api_lists_the_search(client, db):
    endpoints = get(client, "/api/v1/")
    assert endpoints["search"]["url"] == "http://testserver/api/v1/search/"
    assert endpoints["search_suggestions"]["url"] == "http://testserver/api/v1/search/suggest/"


def test_the_schema_describes_the_search(client, db):
    schema = get_schema(client)
    search = schema["paths"]["/api/v1/search/"]["get"]
    parameters = {parameter["name"]: parameter for parameter in search["parameters"]}
    assert set(parameters) == {*FACETS, "q", "q_language", "sort", "page", "page_size"}
    assert parameters["sort"]["schema"]["enum"] == ["evidence", "newest", "relevance"]
    assert parameters["page_size"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 100}
    assert {"programme", "material"} <= set(parameters["type"]["schema"]["items"]["enum"])
    for facet in FACETS:
        assert parameters[facet]["description"].endswith(
            "Repeat for OR; different filters combine with AND."
        )
    assert set(search["responses"]) == {"200", "400", "404", "429", "503"}
    results = schema["components"]["schemas"]["SearchResults"]
    assert set(results["required"]) == {
        "total",
        "page",
        "pages",
        "page_size",
        "sort",
        "degraded",
        "results",
        "facets",
    }
    facets = schema["components"]["schemas"]["SearchFacets"]
    assert list(facets["properties"]) == list(FACETS)
    suggest = schema["paths"]["/api/v1/search/suggest/"]["get"]
    assert {p["name"] for p in suggest["parameters"]} == {*FACETS, "q", "q_language"}
    assert set(suggest["responses"]) == {"200", "400", "429", "503"}


def get_schema(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return response.json()


def test_the_search_box_asks_the_open_data_api_for_suggestions(client, corpus):
    search_box = dom(client.get("/search/")).find("input", id="search-q")
    assert search_box.attrs["data-suggest-url"] == SUGGEST


def test_a_hit_has_a_rating_only_when_it_is_a_programme(client, index):
    index(
        search_document("Stop trial", rating="supported"),
        search_document("Stop trial 2019", type="evaluation", rating="supported"),
    )
    found = get(client, SEARCH, {"rating": "supported"})["results"]
    assert {r["title"]: r["rating"] for r in found} == {
        "Stop trial": "supported",
        "Stop trial 2019": None,
    }
