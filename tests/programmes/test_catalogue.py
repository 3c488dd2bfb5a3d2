"""Browsing the catalogue through plain GET parameters, the way a visitor without JS does."""

import pytest

from programmes.models import ProgrammeRating
from tests.factories.programmes import ProgrammePageFactory
from tests.helpers import dom, filter_chips, links, listed_programmes, visible_text

pytestmark = pytest.mark.django_db

ALL = ["Alpha", "Beta", "Delta", "Gamma"]


@pytest.fixture
def programmes(catalogue, rate):
    """Four live programmes (Alpha rated Supported, Delta rated Insufficient, Beta and Gamma
    never rated) and a draft that matches most filters."""

    def make(title, **terms):
        return ProgrammePageFactory(parent=catalogue, title=title, **terms)

    found = {
        "alpha": make("Alpha", target_groups=["children"], countries=["DE"]),
        "beta": make("Beta", target_groups=["parents-carers"], countries=["FR"]),
        "gamma": make(
            "Gamma",
            target_groups=["children", "parents-carers"],
            countries=["FR"],
            prevention_levels=["primary"],
        ),
        "delta": make("Delta", target_groups=["general-public"]),
        "draft": make("Draft", live=False, target_groups=["children"], countries=["IT"]),
    }
    ProgrammeRating.objects.create(
        programme=found["alpha"], level="supported", rank=4, explanation="x", rubric_version="1.0"
    )
    rate(found["delta"])  # no evaluations: a stored "insufficient" row
    return found


def titles(client, catalogue, query=""):
    response = client.get(catalogue.url + query)
    assert response.status_code == 200
    return listed_programmes(response)


def test_lists_live_programmes_in_title_order_and_not_drafts(client, catalogue, programmes):
    response = client.get(catalogue.url)
    assert listed_programmes(response) == ALL
    assert dom(response).find(id="results-title").text == "4 programmes"


def test_values_within_one_facet_combine_with_or(client, catalogue, programmes):
    assert titles(client, catalogue, "?target_group=children") == ["Alpha", "Gamma"]
    query = "?target_group=children&target_group=general-public"
    assert titles(client, catalogue, query) == ["Alpha", "Delta", "Gamma"]


def test_different_facets_combine_with_and(client, catalogue, programmes):
    assert titles(client, catalogue, "?target_group=children&country=FR") == ["Gamma"]
    assert titles(client, catalogue, "?target_group=parents-carers&level=primary") == ["Gamma"]


def test_filters_are_named_as_the_search_facets_and_old_links_still_work(
    client, catalogue, programmes
):
    facet_name = "?target_group=parents-carers&prevention_level=primary"
    assert titles(client, catalogue, facet_name) == ["Gamma"]
    assert titles(client, catalogue, "?level=primary") == titles(
        client, catalogue, "?prevention_level=primary"
    )
    boxes = dom(client.get(catalogue.url)).find_all("input", name="prevention_level")
    assert {box.attrs["value"] for box in boxes} == {"primary", "secondary", "tertiary"}


def test_filter_by_rating(client, catalogue, programmes):
    assert titles(client, catalogue, "?rating=supported") == ["Alpha"]


def test_insufficient_also_matches_programmes_never_rated(client, catalogue, programmes):
    assert titles(client, catalogue, "?rating=insufficient") == ["Beta", "Delta", "Gamma"]
    assert titles(client, catalogue, "?rating=insufficient&rating=supported") == ALL


def test_cards_show_the_rating_badge(client, catalogue, programmes):
    cards = dom(client.get(catalogue.url)).find_all("li", cls="result")
    badges = {card.find("h3").text: card.find("span", cls="rating").classes for card in cards}
    assert "rating--supported" in badges["Alpha"]
    assert "rating--insufficient" in badges["Beta"]


def test_no_match_explains_how_filters_combine(client, catalogue, programmes):
    response = client.get(catalogue.url + "?target_group=offended-in-prison")
    assert listed_programmes(response) == []
    assert "No programme matches all of these filters." in visible_text(response)


def test_country_filter_offers_only_countries_where_live_programmes_run(
    client, catalogue, programmes
):
    boxes = dom(client.get(catalogue.url)).find_all("input", name="country")
    assert sorted(box.attrs["value"] for box in boxes) == ["DE", "FR"]


@pytest.mark.parametrize(
    "query",
    [
        "?target_group=nonexistent",
        "?country=ZZ",
        "?rating=excellent",
        "?level=",
        "?practice=healthcare&practice=%00",
        "?page=abc",
        "?page=999",
    ],
)
def test_invalid_values_do_not_break_the_page(client, catalogue, programmes, query):
    response = client.get(catalogue.url + query)
    assert response.status_code == 200
    assert listed_programmes(response) == ALL


def test_invalid_value_is_reported_next_to_its_filter(client, catalogue, programmes):
    page = dom(client.get(catalogue.url + "?target_group=nonexistent"))
    error = page.find("p", cls="field-error")
    assert error.attrs["id"] == "id_target_group-error"
    assert "nonexistent is not one of the available choices" in error.text


def test_invalid_values_are_escaped_when_echoed(client, catalogue, programmes):
    page = client.get(catalogue.url + "?level=<script>alert(1)</script>").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_each_active_filter_is_a_chip_that_removes_just_itself(client, catalogue, programmes):
    query = "?target_group=children&target_group=parents-carers&country=FR&rating=insufficient"
    assert filter_chips(client.get(catalogue.url + query)) == {
        "Target group: Children": "?target_group=parents-carers&country=FR&rating=insufficient",
        "Target group: Parents and carers": "?target_group=children&country=FR&rating=insufficient",
        "Country: France": "?target_group=children&target_group=parents-carers&rating=insufficient",
        "Evidence rating: Insufficient evidence": (
            "?target_group=children&target_group=parents-carers&country=FR"
        ),
    }


def test_removing_the_last_chip_shows_everything(client, catalogue, programmes):
    assert filter_chips(client.get(catalogue.url + "?country=FR")) == {"Country: France": "?"}
    assert titles(client, catalogue, "?") == ALL


def test_no_chips_without_filters(client, catalogue, programmes):
    assert filter_chips(client.get(catalogue.url)) == {}


def test_checked_boxes_reflect_the_query(client, catalogue, programmes):
    inputs = dom(client.get(catalogue.url + "?target_group=children")).find_all("input")
    checked = [(i.attrs["name"], i.attrs["value"]) for i in inputs if "checked" in i.attrs]
    assert checked == [("target_group", "children")]


class TestPagination:
    @pytest.fixture
    def many(self, catalogue):
        for n in range(21):
            groups = ["children"] if n % 2 == 0 else ["general-public"]
            ProgrammePageFactory(parent=catalogue, title=f"Programme {n:02d}", target_groups=groups)

    def test_twenty_per_page(self, client, catalogue, many):
        first = client.get(catalogue.url)
        assert len(listed_programmes(first)) == 20
        assert ("?page=2", "Next") in links(first)
        second = client.get(catalogue.url + "?page=2")
        assert listed_programmes(second) == ["Programme 20"]
        assert ("?page=1", "Previous") in links(second)
        assert "Page 2 of 2" in visible_text(second)

    def test_no_pagination_when_everything_fits(self, client, catalogue, many):
        response = client.get(catalogue.url + "?target_group=children")
        assert len(listed_programmes(response)) == 11
        assert dom(response).find_all("nav", cls="pagination") == []

    def test_page_links_keep_the_filters(self, client, catalogue, many):
        response = client.get(catalogue.url + "?target_group=children&target_group=general-public")
        next_link = ("?target_group=children&target_group=general-public&page=2", "Next")
        assert next_link in links(response)

    def test_a_filtered_second_page(self, client, catalogue, many):
        query = "?target_group=children&target_group=general-public&page=2"
        assert titles(client, catalogue, query) == ["Programme 20"]


def test_a_card_flags_possible_harm_in_words_and_a_symbol(client, catalogue, programmes):
    ProgrammeRating.objects.filter(programme=programmes["alpha"]).update(has_harm_signal=True)
    cards = dom(client.get(catalogue.url)).find_all("li", cls="result")
    flags = {card.find("h3").text: card.find_all("strong", cls="harm-flag") for card in cards}
    [flag] = flags["Alpha"]
    assert flag.text == "⚠ Possible harm was reported."
    assert flag.find("span").attrs.get("aria-hidden") == "true"
    assert flags["Beta"] == [] and flags["Delta"] == []
