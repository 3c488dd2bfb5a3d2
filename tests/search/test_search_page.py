"""The search page, used the way a visitor does: a plain GET form, links, no JavaScript."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.factories.search import day, search_document
from tests.helpers import dom, filter_chips, links

pytestmark = pytest.mark.django_db

PRISON_NEWEST = [
    "Prison therapy",
    "Prison visits",
    "Prison library",
    "Prison garden",
    "Prison school",
]


@pytest.fixture
def corpus(index):
    index(
        search_document(
            "Prison therapy",
            summary="Group therapy for men in prisons.",
            target_group=["offended-in-prison"],
            country=["DE"],
            rating="supported",
            date=day(5),
        ),
        search_document(
            "Prison visits",
            summary="Families visit a prison.",
            target_group=["offended-in-prison"],
            country=["FR"],
            rating="promising",
            date=day(4),
        ),
        search_document("Prison library", country=["DE"], date=day(3)),
        search_document("Prison garden", date=day(2)),
        search_document("Prison school", rating="well_supported", date=day(1)),
        search_document(
            "Schulprojekt",
            language="de",
            summary="Prävention an Schulen.",
            country=["AT"],
            date=day(6),
        ),
    )


def get(client, url, params=None, status=200):
    response = client.get(url, params or {})
    assert response.status_code == status
    return response


def result_titles(response):
    return [h3.text for h3 in dom(response).find_all("h3", cls="result__title")]


def facet_options(response, legend):
    """The option labels (with counts) of the facet whose legend is ``legend``."""
    for fieldset in dom(response).find_all("fieldset", cls="facet"):
        if fieldset.find("legend").text == legend:
            return [label.text for label in fieldset.find_all("label")]
    return None


def query_of(href):
    return parse_qs(urlsplit(href).query)


def submitted(response):
    """The parameters a browser sends when the search form is submitted as it stands."""
    form = dom(response).find("form", cls="search-form")
    params = []
    for field in form.find_all("input"):
        kind = field.attrs.get("type", "text")
        if kind in ("checkbox", "radio") and "checked" not in field.attrs:
            continue
        if field.attrs.get("name"):
            params.append((field.attrs["name"], field.attrs.get("value", "")))
    for select in form.find_all("select"):
        chosen = [o for o in select.find_all("option") if "selected" in o.attrs]
        chosen = chosen or select.find_all("option")[:1]
        params.append((select.attrs["name"], chosen[0].attrs["value"]))
    return sorted(params)


def test_the_form_is_a_plain_get_form_that_keeps_the_query(client, corpus):
    response = get(client, "/search/", {"q": "prison therapy"})
    form = dom(response).find("form", cls="search-form")
    assert (form.attrs["method"], form.attrs["action"]) == ("get", "/search/")
    assert dom(response).find("input", id="search-q").attrs["value"] == "prison therapy"
    assert result_titles(response) == ["Prison therapy"]


def test_the_empty_page_lists_everything_newest_first(client, corpus):
    response = get(client, "/search/")
    assert dom(response).find(id="results-title").text == "6 results"
    assert result_titles(response) == ["Schulprojekt", *PRISON_NEWEST]


def test_facets_show_labels_and_counts(client, corpus):
    response = get(client, "/search/", {"q": "prison"})
    assert facet_options(response, "Target group") == ["People who have offended: in prison (2)"]
    assert facet_options(response, "Country") == ["Germany (2)", "France (1)"]
    assert facet_options(response, "Evidence rating") == [
        "Promising (1)",
        "Supported (1)",
        "Well supported (1)",
    ]
    assert facet_options(response, "Topic") is None  # nothing to choose from: not shown


def test_chosen_values_are_checked_and_each_chip_removes_exactly_one(client, corpus):
    response = get(
        client,
        "/search/",
        {"q": "prison", "country": ["DE", "FR"], "target_group": "offended-in-prison"},
    )
    assert sorted(result_titles(response)) == ["Prison therapy", "Prison visits"]
    checked = {
        (box.attrs["name"], box.attrs["value"])
        for box in dom(response).find_all("input", type="checkbox")
        if "checked" in box.attrs
    }
    assert checked == {("country", "DE"), ("country", "FR"), ("target_group", "offended-in-prison")}
    chips = filter_chips(response)
    assert set(chips) == {
        "Country: Germany",
        "Country: France",
        "Target group: People who have offended: in prison",
    }
    assert query_of(chips["Country: Germany"]) == {
        "q": ["prison"],
        "country": ["FR"],
        "target_group": ["offended-in-prison"],
    }
    assert query_of(chips["Target group: People who have offended: in prison"]) == {
        "q": ["prison"],
        "country": ["DE", "FR"],
    }
    clear = [href for href, text in links(response) if text == "Clear all filters"]
    assert clear == ["?q=prison"]
    followed = get(client, "/search/" + chips["Country: France"])
    assert result_titles(followed) == ["Prison therapy"]
    assert set(filter_chips(followed)) == {
        "Country: Germany",
        "Target group: People who have offended: in prison",
    }


def test_removing_a_chip_goes_back_to_the_first_page(client, corpus):
    response = get(client, "/search/", {"country": "DE", "per_page": "1", "page": "2"})
    assert "page" not in query_of(filter_chips(response)["Country: Germany"])


def test_sort_select_shows_the_order_in_use(client, corpus):
    def selected(response):
        select = dom(response).find("select", id="search-sort")
        return [o.attrs["value"] for o in select.find_all("option") if "selected" in o.attrs]

    assert selected(get(client, "/search/", {"q": "prison"})) == ["relevance"]
    assert selected(get(client, "/search/")) == ["newest"]
    response = get(client, "/search/", {"q": "prison", "sort": "evidence"})
    assert selected(response) == ["evidence"]
    assert result_titles(response)[:3] == ["Prison school", "Prison therapy", "Prison visits"]


def test_pagination_links_keep_every_parameter(client, corpus):
    params = {"q": "prison", "sort": "newest", "per_page": "2", "language": "en"}
    first = get(client, "/search/", params)
    assert result_titles(first) == PRISON_NEWEST[0:2]
    assert "Page 1 of 3" in dom(first).find("nav", cls="pagination").text
    (next_href,) = [href for href, text in links(first) if text == "Next"]
    assert query_of(next_href) == {**{k: [v] for k, v in params.items()}, "page": ["2"]}

    second = get(client, "/search/" + next_href)
    assert result_titles(second) == PRISON_NEWEST[2:4]
    hrefs = {text: href for href, text in links(second)}
    assert query_of(hrefs["Previous"])["page"] == ["1"]
    assert query_of(hrefs["Next"])["page"] == ["3"]
    last = get(client, "/search/" + hrefs["Next"])
    assert result_titles(last) == PRISON_NEWEST[4:]
    assert "Next" not in {text: href for href, text in links(last)}
    assert dom(last).find("ol", cls="search-results").attrs["start"] == "5"


def test_matches_are_highlighted_in_the_snippet(client, corpus):
    response = get(
        client,
        "/search/",
        {"q": "prisons", "target_group": "offended-in-prison", "sort": "newest"},
    )
    snippets = dom(response).find_all("p", cls="result__snippet")
    assert [[mark.text for mark in s.find_all("mark")] for s in snippets] == [
        ["prisons"],
        ["prison"],
    ]


def test_content_and_query_cannot_inject_markup(client, index):
    index(
        search_document(
            "<script>alert('title')</script> Prison help",
            summary="<img src=x onerror=alert(1)> help for prisons",
            url="javascript:alert(1)",
        )
    )
    response = get(client, "/search/", {"q": "prison"})
    html = response.content.decode()
    assert "<script>alert(" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt; Prison help" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    response = get(client, "/search/", {"q": '"><script>alert(2)</script>'})
    html = response.content.decode()
    assert "<script>alert(2)" not in html
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_no_results_offers_a_way_on(client, corpus, catalogue):
    response = get(client, "/search/", {"q": "zebra"})
    page = dom(response)
    assert page.find(id="results-title").text == "0 results"
    empty = page.find("div", cls="empty")
    assert empty.find("h3").text == "Nothing found for “zebra”"
    assert "Check the spelling" in empty.text
    hrefs = [a.attrs["href"] for a in empty.find_all("a")]
    assert catalogue.url in hrefs
    assert "/support/" in hrefs


def test_no_results_because_of_filters_explains_how_filters_combine(client, corpus):
    response = get(client, "/search/", {"country": "AT", "target_group": "offended-in-prison"})
    empty = dom(response).find("div", cls="empty")
    assert empty.find("h3").text == "Nothing matches these filters"
    assert "Remove a filter above" in empty.text
    assert len(filter_chips(response)) == 2


def test_available_in_my_language(client, corpus):
    response = get(client, "/search/")
    box = dom(response).find("input", id="available-mine")
    assert (box.attrs["name"], box.attrs["value"]) == ("available_in", "en")
    assert "checked" not in box.attrs
    assert dom(response).find("label", **{"for": "available-mine"}).text == (
        "Available in my language (English)"
    )
    response = get(client, "/search/", {"available_in": "en"})
    assert "checked" in dom(response).find("input", id="available-mine").attrs
    assert "Schulprojekt" not in result_titles(response)
    assert len(result_titles(response)) == 5


def test_available_in_my_language_follows_the_interface_language(client, corpus):
    response = get(client, "/de/search/", {"available_in": "de"})
    box = dom(response).find("input", id="available-mine")
    assert box.attrs["value"] == "de" and "checked" in box.attrs
    assert result_titles(response) == ["Schulprojekt"]


def test_the_url_holds_the_whole_state(client, corpus):
    """Opening a shared link shows the same search, and submitting it changes nothing."""
    params = [
        ("q", "prison"),
        ("sort", "evidence"),
        ("country", "DE"),
        ("country", "FR"),
        ("target_group", "offended-in-prison"),
        ("available_in", "en"),
    ]
    url = "/search/?" + "&".join(f"{k}={v}" for k, v in params)
    response = get(client, url)
    assert result_titles(response) == ["Prison therapy", "Prison visits"]
    assert submitted(response) == sorted([*params, ("q_language", "")])  # "any language"
    again = get(client, "/search/", {})
    assert result_titles(again) != result_titles(response)  # state is not kept elsewhere
    assert result_titles(get(client, url)) == result_titles(response)


def chosen_language(response):
    options = dom(response).find("select", id="search-q-language").find_all("option")
    return [option.text for option in options if "selected" in option.attrs][0]


def test_the_visitor_can_name_the_language_of_the_search_words(client, index):
    index(search_document("Eine Schule ohne Gewalt", language="de"))
    anywhere = get(client, "/search/", {"q": "Schulen"})
    select = dom(anywhere).find("select", id="search-q-language")
    options = select.find_all("option")
    assert len(options) == 25 and options[0].attrs["value"] == ""  # any language, then 24
    assert "selected" not in options[0].attrs and ("q_language", "") in submitted(anywhere)

    german = get(client, "/search/", {"q": "Schulen", "q_language": "de"})
    assert result_titles(german) == ["Eine Schule ohne Gewalt"]
    assert ("q_language", "de") in submitted(german)  # kept when filters are applied
    assert chosen_language(german) == "German"


def test_the_languages_of_the_search_words_are_named_in_the_visitors_language(client, index):
    response = get(client, "/pl/search/", {"q": "szkoła", "q_language": "pl"})
    assert chosen_language(response) == "Polski"
    select = dom(response).find("select", id="search-q-language")
    names = [option.text for option in select.find_all("option")]
    assert names.index("Litewski") < names.index("Łotewski") < names.index("Maltański")


def test_an_other_languages_choice_survives_a_submission(client, corpus):
    response = get(client, "/search/", {"available_in": "de"})
    assert result_titles(response) == ["Schulprojekt"]
    assert ("available_in", "de") in submitted(response)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"colour": "red"}, "Unknown filter “colour”"),
        ({"page": "abc"}, "“page” must be a whole number, not “abc”."),
        ({"page": "9"}, "Page 9 does not exist: this search has 1 page(s)."),
        ({"q": "x" * 501}, "The search text is 501 characters long; the limit is 500."),
        ({"sort": "random"}, "Unknown sort order “random”"),
        ({"per_page": "1000"}, "“per_page” must be 1–100."),
    ],
)
def test_bad_parameters_get_a_clear_message(client, corpus, params, message):
    response = get(client, "/search/", params, status=400)
    alert = dom(response).find(role="alert")
    assert message in alert.text
    assert dom(response).find("input", id="search-q")  # the visitor can search again


def test_a_too_long_query_is_refused_and_given_back_within_the_limit(client, corpus):
    response = get(client, "/search/", {"q": "prison " * 80}, status=400)
    assert "the limit is 500" in dom(response).find(role="alert").text
    assert len(dom(response).find("input", id="search-q").attrs["value"]) <= 500


def test_results_show_type_rating_and_a_foreign_language(client, corpus):
    response = get(client, "/search/")
    items = {
        item.find("h3").text: item for item in dom(response).find_all("li", cls="search-result")
    }
    therapy = items["Prison therapy"]
    assert therapy.find("span", cls="result__type").text == "Programme"
    assert therapy.find("span", cls="rating").text == "Supported"
    assert not therapy.find_all("span", cls="result__language")
    german = items["Schulprojekt"]
    assert german.find("span", cls="result__language").text == "Deutsch"
    assert german.find("a").attrs["lang"] == "de"


def test_only_a_programme_shows_a_rating_and_an_evaluation_is_still_filtered_by_it(client, index):
    index(
        search_document("Stop trial", rating="supported"),
        search_document("Stop trial 2019", type="evaluation", rating="supported"),
        search_document("Stop rollout", type="implementation_report", rating="harmful"),
    )
    response = get(client, "/search/", {"rating": "supported"})
    assert sorted(result_titles(response)) == ["Stop trial", "Stop trial 2019"]
    items = {
        item.find("h3").text: item for item in dom(response).find_all("li", cls="search-result")
    }
    assert items["Stop trial"].find("span", cls="rating").text == "Supported"
    assert items["Stop trial 2019"].find_all("span", cls="rating") == []
    report = dom(get(client, "/search/", {"type": "implementation_report"}))
    assert report.find_all("span", cls="rating") == []
