"""Member-state coverage against Directive 2011/93/EU Articles 22 to 24: page, CSV and detail."""

import csv
import io
from dataclasses import dataclass

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from programmes.insights.coverage import STAGES, build, csv_text, safe_cell, stages_of
from tests.factories.programmes import ProgrammePageFactory
from tests.helpers import dom, links
from vocabularies.models import Country
from vocabularies.seed import EU_MEMBER_STATES, LEGAL_ANCHORS, TARGET_GROUPS

pytestmark = pytest.mark.django_db

URL = "/evidence/coverage/"
STAGE_KEYS = [stage.key for stage in STAGES]


# --- The mapping and the pure function -------------------------------------------------------


def keys(stages):
    return [stage.key for stage in stages]


def test_the_mapping_uses_only_real_vocabulary_slugs():
    groups = {slug for slug, _name in TARGET_GROUPS}
    anchors = {slug for slug, *_rest in LEGAL_ANCHORS}
    for stage in STAGES:
        assert set(stage.target_groups) <= groups, stage.key
        assert set(stage.legal_anchors) <= anchors, stage.key
    assert [stage.article for stage in STAGES] == ["22", "24", "24", "24", "23"]
    # Every target group belongs to a stage.
    assert {slug for stage in STAGES for slug in stage.target_groups} == groups


@pytest.mark.parametrize(
    ("groups", "anchors", "expected"),
    [
        (["fear-they-might-offend"], [], ["before-offence"]),
        (["offended-criminal-proceedings"], ["art-24"], ["during-proceedings"]),
        (["offended-in-prison", "offended-after-release"], [], ["in-prison", "after-release"]),
        (["parents-carers"], [], ["awareness"]),
        ([], ["art-23"], ["awareness"]),
        (["fear-they-might-offend"], ["art-23"], ["before-offence", "awareness"]),
        ([], ["art-10"], []),
        ([], ["art-24"], []),  # Article 24 alone does not say which stage
    ],
)
def test_stages_of(groups, anchors, expected):
    assert keys(stages_of(groups, anchors)) == expected


@dataclass(frozen=True)
class FakeCountry:
    code: str
    name: str
    is_eu: bool

    @property
    def label(self):  # the name in the active language; these fakes have only one
        return self.name


DE, LU, NO, CH = (
    FakeCountry("DE", "Germany", True),
    FakeCountry("LU", "Luxembourg", True),
    FakeCountry("NO", "Norway", False),
    FakeCountry("CH", "Switzerland", False),
)


def test_build_counts_each_programme_once_per_country_and_stage():
    rows = build(
        [DE, LU, NO, CH],
        ["fear-they-might-offend", "children"],
        programme_countries=[("a", "DE"), ("b", "DE"), ("b", "NO"), ("a", "DE")],
        programme_groups=[("a", "fear-they-might-offend"), ("a", "children"), ("b", "children")],
        programme_anchors=[("b", "art-23"), ("a", None)],
    )
    assert [row.country.code for row in rows] == ["DE", "LU", "NO"]  # CH has no programme
    germany, luxembourg, norway = rows
    assert germany.stages == (1, 0, 0, 0, 2) and germany.total == 2
    assert germany.groups == (1, 2)
    assert germany.covered == 2
    assert keys(germany.gaps) == ["during-proceedings", "in-prison", "after-release"]
    assert luxembourg.stages == (0, 0, 0, 0, 0) and luxembourg.total == 0
    assert norway.stages == (0, 0, 0, 0, 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-1+1", "'-1+1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Germany", "Germany"),
        (3, "3"),
    ],
)
def test_safe_cell_defuses_formulas(value, expected):
    assert safe_cell(value) == expected


# --- The page -------------------------------------------------------------------------------


def table_rows(client):
    """{country name: [cell texts]} of the coverage table."""
    response = client.get(URL)
    assert response.status_code == 200
    table = dom(response).find("table", cls="coverage-table")
    return {
        row.find("th").text.replace(" (outside the EU)", ""): [td.text for td in row.find_all("td")]
        for row in table.find("tbody").find_all("tr")
    }


@pytest.fixture
def programmes(catalogue):
    ProgrammePageFactory(
        parent=catalogue,
        title="Don't Offend",
        target_groups=["fear-they-might-offend"],
        countries=["DE", "AT"],
    )
    ProgrammePageFactory(
        parent=catalogue,
        title="Inside Out",
        target_groups=["offended-in-prison", "offended-after-release"],
        countries=["DE"],
    )
    ProgrammePageFactory(
        parent=catalogue, title="Body Safety", legal_anchors=["art-23"], countries=["DE", "NO"]
    )
    ProgrammePageFactory(parent=catalogue, title="Draft", countries=["DE"], live=False)


def test_counts_per_country_and_stage(client, programmes):
    rows = table_rows(client)
    assert rows["Germany"] == ["1", "0 gap", "1", "1", "1", "3"]
    assert rows["Austria"] == ["1", "0 gap", "0 gap", "0 gap", "0 gap", "1"]
    assert rows["Norway"] == ["0 gap", "0 gap", "0 gap", "0 gap", "1", "1"]


def test_every_eu_member_state_is_listed_and_others_only_with_programmes(client, programmes):
    names = set(table_rows(client))
    eu = set(Country.objects.filter(code__in=EU_MEMBER_STATES).values_list("name", flat=True))
    assert len(eu) == 27 and eu <= names
    assert names - eu == {"Norway"}
    assert "Switzerland" not in names


def test_the_table_footer_counts_eu_gaps(client, programmes):
    footer = dom(client.get(URL)).find("table", cls="coverage-table").find("tfoot")
    assert [td.text for td in footer.find_all("td")][:5] == ["25", "27", "26", "26", "26"]


def test_the_page_explains_the_mapping_and_has_a_chart_with_a_text_alternative(client, home):
    page = dom(client.get(URL))
    mapping = page.find("section", **{"aria-labelledby": "mapping-title"}).text
    assert (
        "Before an offence (Art. 22): programmes aimed at: People who fear they might offend."
        in mapping
    )
    assert "programmes anchored in Article 23, or aimed at any of: Children" in mapping
    svg = page.find("svg")
    assert svg.attrs["role"] == "img"
    assert svg.find("title").text and svg.find("desc").text
    assert len(svg.find_all("rect")) == 27


def test_the_csv_parses_and_matches_the_table(client, programmes):
    response = client.get("/evidence/coverage.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".csv" in response["Content-Disposition"]
    header, *rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert header[:3] == ["Country code", "Country", "EU member state"]
    assert header[3:] == [stage.heading for stage in STAGES] + ["All programmes"]
    table = table_rows(client)
    assert len(rows) == len(table)
    for code, name, _eu, *counts in rows:
        assert [c.replace(" gap", "") for c in table[name]] == counts, code
    assert ["DE", "Germany", "yes", "1", "0", "1", "1", "1", "3"] in rows


def test_the_csv_defuses_formulas_in_country_names(client, catalogue):
    evil = Country.objects.create(code="ZZ", name='=HYPERLINK("http://evil")', is_eu=False)
    ProgrammePageFactory(parent=catalogue, countries=[evil.code])
    rows = list(csv.reader(io.StringIO(client.get("/evidence/coverage.csv").content.decode())))
    assert ["ZZ", '\'=HYPERLINK("http://evil")', "no", "0", "0", "0", "0", "0", "1"] in rows


def test_csv_text_has_one_row_per_country():
    rows = build([DE, LU], [], [], [], [])
    parsed = list(csv.reader(io.StringIO(csv_text(rows))))
    assert [row[0] for row in parsed[1:]] == ["DE", "LU"]


# --- One country ----------------------------------------------------------------------------


def stage_lists(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = dom(response)
    return {
        section.find("h2").text: [a.text for a in section.find_all("a")] or section.find("p").text
        for section in page.find_all("section", cls="coverage-stage")
    }


def test_a_country_page_lists_its_programmes_per_stage_and_marks_gaps(client, programmes):
    stages = stage_lists(client, "/evidence/coverage/DE/")
    assert stages == {
        "Before an offence (Art. 22) (1)": ["Don't Offend"],
        "During criminal proceedings (Art. 24) (0)": (
            "Gap: no programme for this stage is listed for this country (Article 24)."
        ),
        "In prison (Art. 24) (1)": ["Inside Out"],
        "After release (Art. 24) (1)": ["Inside Out"],
        "Awareness, education and training (Art. 23) (1)": ["Body Safety"],
    }


def test_the_table_links_to_each_country_and_the_picker_redirects(client, programmes):
    assert ("/evidence/coverage/DE/", "Germany") in links(client.get(URL))
    response = client.get(URL + "?country=de")
    assert response.status_code == 302 and response["Location"] == "/evidence/coverage/DE/"
    assert client.get("/evidence/coverage/de/").status_code == 302


@pytest.mark.parametrize("query", ["?country=%2F", "?country=Germany", "?country=<b>"])
def test_a_bad_country_choice_gives_a_message(client, home, query):
    response = client.get(URL + query)
    assert response.status_code == 200
    assert "is not a country code such as DE" in dom(response).find("p", role="alert").text


def test_an_unknown_country_is_not_found(client, home):
    assert client.get("/evidence/coverage/XX/").status_code == 404


def test_the_pages_cost_the_same_queries_however_many_programmes(
    client, catalogue, django_assert_num_queries
):
    def add(n):
        for _ in range(n):
            ProgrammePageFactory(
                parent=catalogue,
                target_groups=["children", "offended-in-prison"],
                legal_anchors=["art-23"],
                countries=["DE", "FR", "NO"],
            )

    add(2)
    for url in (URL, "/evidence/coverage.csv", "/evidence/coverage/DE/"):
        client.get(url)
        with CaptureQueriesContext(connection) as small:
            client.get(url)
        expected = len(small)  # read now: the next request resets the log
        add(3)
        client.get(url)
        with django_assert_num_queries(expected):
            assert client.get(url).status_code == 200


def test_coverage_is_linked_from_the_evidence_index(client, home):
    assert (URL, "Member-state coverage") in links(client.get("/evidence/"))
