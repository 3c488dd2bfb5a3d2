"""The evidence-and-gap map: target groups × outcomes, counted once per programme."""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from programmes.evidence import Level
from programmes.insights.gap_map import build, legend
from programmes.ratings import refresh_rating
from tests.factories.programmes import EvaluationPageFactory, ProgrammePageFactory
from tests.helpers import dom, links

pytestmark = pytest.mark.django_db

URL = "/evidence/gap-map/"
GAP = "Research gap: no evaluated programme"


# --- The pure function ----------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    id: int
    slug: str
    name: str = ""


CHILDREN, PARENTS = Term(1, "children"), Term(2, "parents-carers")
KNOWLEDGE, ATTITUDES = Term(10, "knowledge"), Term(11, "attitudes")


def test_build_counts_programmes_and_finds_the_best_rating_apart_from_harm():
    gap_map = build(
        [CHILDREN, PARENTS],
        [KNOWLEDGE, ATTITUDES],
        programme_groups=[("a", 1), ("b", 1), ("c", 1), ("c", 2), ("a", 1)],
        outcome_levels=[
            ("a", 10, "promising"),
            ("b", 10, "harmful"),
            ("c", 10, "supported"),
            ("c", 10, "supported"),  # a second language version of the same programme
            ("b", 11, "harmful"),
        ],
        link=lambda group, outcome: f"/{group.slug}/{outcome.slug}",
    )
    children, parents = gap_map.rows
    assert children.programmes == 3 and parents.programmes == 1
    knowledge, attitudes = children.cells
    assert (knowledge.count, knowledge.best, knowledge.harmful) == (3, Level.SUPPORTED, 1)
    assert knowledge.search_url == "/children/knowledge"
    assert (attitudes.count, attitudes.best, attitudes.harmful) == (1, None, 1)
    assert attitudes.shade == "harmful"
    assert (parents.cells[0].count, parents.cells[0].best) == (1, Level.SUPPORTED)
    assert parents.cells[1].is_gap and parents.cells[1].search_url == ""
    assert gap_map.gaps == 1


def test_insufficient_and_no_effect_still_count_but_rank_below_promising():
    gap_map = build(
        [CHILDREN],
        [KNOWLEDGE],
        [("a", 1), ("b", 1), ("c", 1)],
        [("a", 10, "insufficient"), ("b", 10, "no_effect"), ("c", 10, "promising")],
    )
    cell = gap_map.rows[0].cells[0]
    assert (cell.count, cell.best) == (3, Level.PROMISING)


def test_the_legend_names_every_colour_in_words():
    shades = [shade for shade, _words in legend()]
    assert shades == [
        "well_supported",
        "supported",
        "promising",
        "no_effect",
        "insufficient",
        "harmful",
        "gap",
    ]
    assert all(str(words) for _shade, words in legend())


# --- The page -------------------------------------------------------------------------------


def grid(client, url=URL):
    """{(target group, outcome): (cell text, link or None)} of the map."""
    response = client.get(url)
    assert response.status_code == 200
    table = dom(response).find("table", cls="gap-map")
    outcomes = [th.text for th in table.find("thead").find_all("th")][1:]
    cells = {}
    for row in table.find("tbody").find_all("tr"):
        group = row.find("th").text.rsplit(" (", 1)[0]
        for outcome, td in zip(outcomes, row.find_all("td"), strict=True):
            link = td.find_all("a")
            cells[group, outcome] = (td.text, link[0].attrs["href"] if link else None)
    return cells


def evaluate(programme, outcome="knowledge", direction="positive", **kwargs):
    EvaluationPageFactory(
        parent=programme,
        results=[{"outcome": outcome, "direction": direction, "significance": "significant"}],
        **kwargs,
    )
    refresh_rating(programme)


CELL = ("Parents and carers", "Protective behaviour")


def test_publishing_an_evaluation_fills_the_cell_with_its_count_and_best_rating(client, catalogue):
    programme = ProgrammePageFactory(parent=catalogue, target_groups=["parents-carers"])
    text, link = grid(client)[CELL]
    assert (text, link) == (GAP, None)

    evaluate(programme, "protective-behaviour", design_slug="before-after")
    assert grid(client)[CELL][0] == "1 programme, best: Promising"

    other = ProgrammePageFactory(parent=catalogue, target_groups=["parents-carers", "children"])
    evaluate(other, "protective-behaviour")  # a randomised trial
    cells = grid(client)
    assert cells[CELL][0] == "2 programmes, best: Supported"
    assert cells["Children", "Protective behaviour"][0] == "1 programme, best: Supported"
    assert cells["Children", "Knowledge"] == (GAP, None)


def test_a_cell_links_to_the_search_with_its_filters(client, catalogue):
    programme = ProgrammePageFactory(parent=catalogue, target_groups=["parents-carers"])
    evaluate(programme, "protective-behaviour")
    link = grid(client)[CELL][1]
    url = urlsplit(link)
    assert url.path == "/search/"
    assert parse_qs(url.query) == {
        "type": ["programme"],
        "target_group": ["parents-carers"],
        "outcome": ["protective-behaviour"],
    }
    assert client.get(link).status_code == 200


def test_harm_is_shown_in_words_and_never_becomes_the_best(client, catalogue):
    good = ProgrammePageFactory(parent=catalogue, target_groups=["children"])
    evaluate(good, "attitudes")
    bad = ProgrammePageFactory(parent=catalogue, target_groups=["children"])
    evaluate(bad, "attitudes", "harmful")
    text, _link = grid(client)["Children", "Attitudes"]
    assert text == "2 programmes, best: Supported ⚠ 1 rated Harmful"


def test_drafts_and_unpublished_programmes_do_not_count(client, catalogue):
    programme = ProgrammePageFactory(parent=catalogue, target_groups=["children"])
    evaluate(programme)
    programme.unpublish()
    draft_evaluation_only = ProgrammePageFactory(parent=catalogue, target_groups=["children"])
    EvaluationPageFactory(parent=draft_evaluation_only, live=False)
    refresh_rating(draft_evaluation_only)
    assert grid(client)["Children", "Knowledge"] == (GAP, None)


def test_a_translated_programme_counts_once(client, catalogue, publish):
    programme = ProgrammePageFactory(parent=catalogue, target_groups=["children"])
    evaluate(programme)
    german = programme.copy_for_translation(
        Locale.objects.get(language_code="de"), copy_parents=True
    )
    publish(german)
    refresh_rating(programme)
    assert grid(client)["Children", "Knowledge"][0] == "1 programme, best: Supported"


def test_filters_by_country_and_prevention_level(client, catalogue):
    german = ProgrammePageFactory(
        parent=catalogue,
        target_groups=["children"],
        countries=["DE"],
        prevention_levels=["primary"],
    )
    evaluate(german)
    french = ProgrammePageFactory(
        parent=catalogue,
        target_groups=["children"],
        countries=["FR"],
        prevention_levels=["primary"],
    )
    evaluate(french)
    assert grid(client)["Children", "Knowledge"][0].startswith("2 programmes")
    text, link = grid(client, URL + "?country=de")["Children", "Knowledge"]
    assert text.startswith("1 programme")
    assert parse_qs(urlsplit(link).query)["country"] == ["DE"]
    assert grid(client, URL + "?prevention_level=secondary")["Children", "Knowledge"][0] == GAP


@pytest.mark.parametrize("query", ["?country=XX", "?prevention_level=nonsense", "?country=%00"])
def test_a_bad_filter_gives_a_message_and_the_whole_map(client, catalogue, query):
    programme = ProgrammePageFactory(parent=catalogue, target_groups=["children"], countries=["DE"])
    evaluate(programme)
    response = client.get(URL + query)
    assert response.status_code == 200
    assert "This filter was ignored." in dom(response).find("p", role="alert").text
    assert grid(client, URL + query)["Children", "Knowledge"][0].startswith("1 programme")


def test_the_map_is_an_accessible_table_with_caption_legend_and_plain_data(client, catalogue):
    programme = ProgrammePageFactory(parent=catalogue, target_groups=["children"])
    evaluate(programme)
    page = dom(client.get(URL))
    table = page.find("table", cls="gap-map")
    assert table.find("caption").text == "Evaluated programmes per target group and outcome"
    assert {th.attrs.get("scope") for th in table.find("thead").find_all("th")} == {"col"}
    assert {th.attrs.get("scope") for th in table.find("tbody").find_all("th")} == {"row"}
    assert "No evaluated programme: a research gap" in page.find("ul", cls="gap-legend").text
    plain = page.find("details", cls="plain-data").find("table")
    rows = [
        [cell.text for cell in row.children if not isinstance(cell, str)]
        for row in plain.find("tbody").find_all("tr")
    ]
    assert rows == [["Children", "Knowledge", "1", "Supported", "0"]]


def test_the_map_costs_the_same_queries_however_many_programmes(
    client, catalogue, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            programme = ProgrammePageFactory(
                parent=catalogue, target_groups=["children", "general-public"], countries=["DE"]
            )
            evaluate(programme)

    add(2)
    url = URL + "?country=DE"
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    expected = len(small)  # read now: the next request resets the log
    add(6)
    client.get(url)
    with django_assert_num_queries(expected):
        assert grid(client, url)["Children", "Knowledge"][0] == "8 programmes, best: Supported"


def test_the_map_is_linked_from_the_evidence_index(client, home):
    assert (URL, "Evidence-and-gap map") in links(client.get("/evidence/"))
