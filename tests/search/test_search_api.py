"""The first JSON search address, /api/search/, kept for existing links, and its title
suggestions: their shape, and clear 400s, never a 500. /api/v1/search/ answers the same
(test_open_data_search.py)."""

import pytest

from search.facets import FACETS
from tests.factories.search import day, search_document

pytestmark = pytest.mark.django_db


def api(client, params=None, status=200):
    response = client.get("/api/search/", params or {})
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_the_response_has_a_documented_shape(client, corpus):
    found = api(client, {"q": "prison therapy"})
    assert set(found) == {
        "total",
        "page",
        "pages",
        "per_page",
        "sort",
        "degraded",
        "results",
        "facets",
    }
    assert (found["total"], found["page"], found["pages"], found["per_page"]) == (1, 1, 1, 20)
    assert (found["sort"], found["degraded"]) == ("relevance", False)
    (result,) = found["results"]
    assert result == {
        "type": "programme",
        "title": "Prison therapy",
        "url": "/programmes/prison-therapy/",
        "language": "en",
        "summary": "Group therapy for men in prisons.",
        "snippet": "Group <mark>therapy</mark> for men in <mark>prisons</mark>.",
        "rating": "supported",
        "date": day(3).isoformat(),
        "also_in": [],
    }
    assert list(found["facets"]) == list(FACETS)


def test_facet_options_have_value_label_count_and_selected(client, corpus):
    facets = api(client, {"country": "DE"})["facets"]
    assert facets["country"] == [  # by count, then by label
        {"value": "FR", "label": "France", "count": 1, "selected": False},
        {"value": "DE", "label": "Germany", "count": 1, "selected": True},
    ]
    assert facets["target_group"] == [
        {
            "value": "offended-in-prison",
            "label": "People who have offended: in prison",
            "count": 1,
            "selected": False,
        }
    ]
    assert facets["type"] == [
        {"value": "programme", "label": "Programme", "count": 1, "selected": False}
    ]


def test_text_is_returned_as_unicode(client, corpus):
    response = client.get("/api/search/", {"q": "täter"})
    assert "Kein Täter werden".encode() in response.content
    assert response.json()["results"][0]["language"] == "de"


def test_without_a_query_the_newest_come_first(client, corpus):
    found = api(client)
    assert found["sort"] == "newest"
    assert [r["title"] for r in found["results"]] == [
        "Prison therapy",
        "Prison visits",
        "Kein Täter werden",
    ]


def test_paging(client, corpus):
    found = api(client, {"per_page": "2", "page": "2"})
    assert (found["total"], found["page"], found["pages"], found["per_page"]) == (3, 2, 2, 2)
    assert [r["title"] for r in found["results"]] == ["Kein Täter werden"]


def test_several_values_of_one_facet_are_repeated_parameters(client, corpus):
    assert api(client, {"country": ["DE", "FR"]})["total"] == 2
    assert api(client, {"country": "DE", "available_in": "de"})["total"] == 0


@pytest.mark.parametrize(
    "params, message",
    [
        (
            {"colour": "red"},
            "Unknown filter “colour”. Known filters: " + ", ".join(FACETS) + ".",
        ),
        ({"page": "abc"}, "“page” must be a whole number, not “abc”."),
        ({"page": "0"}, "“page” must be 1 or more."),
        ({"page": "2"}, "Page 2 does not exist: this search has 1 page(s)."),
        ({"q": "a" * 501}, "The search text is 501 characters long; the limit is 500."),
        (
            {"sort": "random"},
            "Unknown sort order “random”. Use one of: relevance, newest, evidence.",
        ),
        ({"per_page": "101"}, "“per_page” must be 1–100."),
        ({"country": [f"C{n}" for n in range(51)]}, "Too many or too long values for “country”."),
        ({"q": "prison\x00"}, "The search contains a character that is not allowed."),
    ],
)
def test_bad_parameters_get_a_400_with_a_message(client, corpus, params, message):
    assert api(client, params, status=400) == {"error": message}


def test_a_query_of_exactly_the_limit_is_accepted(client, corpus):
    assert api(client, {"q": "prison " + "a" * 493})["total"] == 0


def test_the_page_past_the_end_is_measured_with_the_filters(client, corpus):
    assert api(client, {"per_page": "1", "page": "3"})["page"] == 3
    assert api(client, {"per_page": "1", "page": "2", "country": "DE"}, status=400) == {
        "error": "Page 2 does not exist: this search has 1 page(s)."
    }


@pytest.mark.parametrize(
    "query_string",
    [
        "q=%22",
        "q=NEAR(",
        "q=*",
        "q=-prison",
        "q=prison+OR+AND+NOT",
        "q=%27%3B+DROP+TABLE+search_indexeddocument%3B--",
        "q=%00",
        "q=a%00b",
        "country=D%00E",
        "q=%F0%9F%98%80",
        "q=%ED%A0%80",
        "q=%FF%FE",
        "country=" + "x" * 121,
        "page=99999999999999999999999",
        "page=-1",
        "page=1.5",
        "per_page=",
        "q=&country=",
        "type=programme&type=programme",
    ],
)
def test_odd_input_never_causes_a_server_error(client, corpus, query_string):
    for url in ("/api/search/", "/api/search/suggest/", "/search/"):
        response = client.get(f"{url}?{query_string}")
        assert response.status_code in (200, 400), (url, response.status_code)


def test_only_get_is_allowed(client, corpus):
    assert client.post("/api/search/", {"q": "prison"}).status_code == 405


def test_suggestions_are_titles_of_matching_content(client, corpus):
    response = client.get("/api/search/suggest/", {"q": "prison"})
    assert response.status_code == 200
    suggestions = response.json()["suggestions"]
    assert {s["title"] for s in suggestions} == {"Prison therapy", "Prison visits"}
    assert set(suggestions[0]) == {"title", "url", "type"}


def test_suggestions_for_an_empty_query_are_empty(client, corpus):
    assert client.get("/api/search/suggest/", {"q": "  "}).json() == {"suggestions": []}


def test_suggestions_are_few(client, index):
    index(*(search_document(f"Helpline {n}", date=day(n)) for n in range(12)))
    suggestions = client.get("/api/search/suggest/", {"q": "helpline"}).json()["suggestions"]
    assert len(suggestions) == 8


def test_suggestions_refuse_bad_parameters_like_the_api(client, corpus):
    response = client.get("/api/search/suggest/", {"q": "prison", "colour": "red"})
    assert response.status_code == 400
    assert response.json()["error"].startswith("Unknown filter “colour”")


def test_when_elasticsearch_is_down_the_embedded_index_answers(client, corpus, elasticsearch_down):
    for _attempt in range(2):  # the first finds it down, the next does not wait for it
        found = api(client, {"q": "prison"})
        assert found["degraded"] is True
        assert {r["title"] for r in found["results"]} == {"Prison therapy", "Prison visits"}
    response = client.get("/search/", {"q": "prison"})
    assert response.status_code == 200
    assert b"backup index" in response.content
