"""Implementation reports on a programme's page: what they add up to, and filtering them."""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace

from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

import pytest

from programmes.reports import ReportFilterForm, filter_reports, summarise
from tests.factories.programmes import ImplementationReportPageFactory, ProgrammePageFactory
from tests.helpers import dom
from vocabularies.models import AdaptationKind, Barrier, Country, Setting

pytestmark = pytest.mark.django_db


# --- Pure functions, on plain objects ------------------------------------------------------


class Terms(list):
    """Stands in for a related manager: ``.all()`` gives the terms."""

    def all(self):
        return self


@dataclass(frozen=True)
class Term:
    name: str
    code: str = ""

    @property
    def slug(self):
        return self.name.lower()

    @property
    def label(self):  # the name in the active language; these fakes have only one
        return self.name


term = Term
GERMANY = term("Germany", code="DE")
AUSTRIA = term("Austria", code="AT")
SCHOOL, ONLINE = term("School"), term("Online")
FUNDING, STAFF, STIGMA = term("Funding"), term("Staff time"), term("Stigma")
TRANSLATION = term("Translation")


def fake_report(country, setting=None, barriers=(), adaptations=()):
    return SimpleNamespace(
        country=country,
        setting=setting,
        barrier_kinds=Terms(barriers),
        adaptation_kinds=Terms(adaptations),
    )


REPORTS = [
    fake_report(GERMANY, SCHOOL, [FUNDING, STAFF], [TRANSLATION]),
    fake_report(GERMANY, ONLINE, [STIGMA, FUNDING]),
    fake_report(AUSTRIA, None, [FUNDING, FUNDING], [TRANSLATION]),
]


def tallies(items):
    return [(tally.name, tally.count) for tally in items]


def test_summarise_counts_each_term_once_per_report_most_common_first():
    summary = summarise(REPORTS)
    assert summary.total == 3
    assert tallies(summary.countries) == [("Germany", 2), ("Austria", 1)]
    # Ties are alphabetical; a barrier listed twice in one report counts once.
    assert tallies(summary.barriers) == [("Funding", 3), ("Staff time", 1), ("Stigma", 1)]
    assert tallies(summary.adaptations) == [("Translation", 2)]


def test_summarise_of_nothing_is_empty():
    summary = summarise([])
    assert (summary.total, summary.countries, summary.barriers, summary.adaptations) == (
        0,
        (),
        (),
        (),
    )


@pytest.mark.parametrize(
    ("country", "setting", "expected"),
    [
        (None, None, [0, 1, 2]),
        ("DE", None, [0, 1]),
        ("AT", None, [2]),
        (None, "online", [1]),
        ("DE", "school", [0]),
        ("AT", "school", []),
    ],
)
def test_filter_reports(country, setting, expected):
    found = filter_reports(REPORTS, country, setting)
    assert found == [REPORTS[i] for i in expected]


def form(query):
    return ReportFilterForm(QueryDict(query), reports=REPORTS)


def test_the_form_offers_only_values_that_occur_among_the_reports():
    f = form("")
    assert [code for code, _label in f.fields["country"].choices] == ["", "AT", "DE"]
    assert [slug for slug, _label in f.fields["setting"].choices] == ["", "online", "school"]


def test_the_form_filters_and_says_what_it_shows():
    f = form("country=de&setting=school")  # a lower-case code is fine
    assert f.apply(REPORTS) == [REPORTS[0]]
    assert f.active_filters() == ["Country: Germany", "Setting: School"]
    assert f.problems() == []


def test_a_bad_value_is_reported_and_ignored_and_the_other_filter_still_works():
    f = form("country=FR&setting=online")
    assert f.apply(REPORTS) == [REPORTS[1]]
    assert f.problems() == ["No published report comes from “FR”. This filter was ignored."]
    assert f.active_filters() == ["Setting: Online"]


# --- On the programme page ------------------------------------------------------------------


def terms(model, *slugs):
    return list(model.objects.filter(slug__in=slugs))


def add_report(programme, country="DE", setting=None, barrier_slugs=(), adaptation_slugs=(), **kw):
    report = ImplementationReportPageFactory(
        parent=programme,
        country=Country.objects.get(code=country),
        setting=Setting.objects.get(slug=setting) if setting else None,
        **kw,
    )
    report.barrier_kinds.set(terms(Barrier, *barrier_slugs))
    report.adaptation_kinds.set(terms(AdaptationKind, *adaptation_slugs))
    report.save()
    return report


@pytest.fixture
def programme(catalogue):
    programme = ProgrammePageFactory(parent=catalogue, title="Safe Start", countries=["DE", "AT"])
    add_report(
        programme, "DE", "school", ["funding", "staff-time"], ["translation"], title="Berlin"
    )
    add_report(programme, "DE", "online", ["funding", "stigma"], title="Online in Hamburg")
    add_report(programme, "AT", "school", ["funding"], ["translation", "helplines"], title="Graz")
    return programme


def reports_section(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return next(
        s
        for s in dom(response).find_all("section")
        if s.attrs.get("aria-labelledby") == "reports-title"
    )


def summary_lists(section):
    summary = section.find("section", cls="report-summary")
    return [[li.text for li in ul.find_all("li")] for ul in summary.find_all("ul")]


def listed_reports(section):
    return [article.find("h3").text for article in section.find_all("article", cls="report")]


def test_the_summary_counts_countries_barriers_and_adaptations(client, programme):
    section = reports_section(client, programme.url)
    assert section.find("h2").text == "Implementation reports (3)"
    assert "Summary of all 3 published reports" in section.text
    countries, barriers, adaptations = summary_lists(section)
    assert countries == ["Germany (2 reports)", "Austria (1 report)"]
    assert barriers == [
        "Funding (3 reports)",
        "Staff time and workload (1 report)",
        "Stigma and fear of disclosure (1 report)",
    ]
    assert adaptations == ["Translation (2 reports)", "Local helplines and services (1 report)"]


def test_filtering_by_country_lists_only_those_reports_and_says_so(client, programme):
    section = reports_section(client, programme.url + "?country=DE")
    assert sorted(listed_reports(section)) == ["Berlin", "Online in Hamburg"]
    assert section.find("h2").text == "Implementation reports (3)"
    assert "Summary of the 2 reports shown" in section.text
    assert "Country: Germany" in section.text
    assert summary_lists(section)[1][0] == "Funding (2 reports)"


def test_filtering_by_setting(client, programme):
    section = reports_section(client, programme.url + "?setting=school")
    assert sorted(listed_reports(section)) == ["Berlin", "Graz"]
    options = [o.attrs["value"] for o in section.find("select", name="setting").find_all("option")]
    assert options == ["", "online", "school"]  # only settings that occur among its reports


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?country=FR", "No published report comes from “FR”."),
        ("?country=%3Cscript%3E", "No published report comes from “<SCRIPT>”."),
        (
            "?setting=prison-forensic",
            "No published report was run in the setting “prison-forensic”.",
        ),
    ],
)
def test_a_bad_filter_value_gives_a_message_not_an_error(client, programme, query, message):
    section = reports_section(client, programme.url + query)
    alert = section.find("p", role="alert")
    assert message in alert.text
    assert len(listed_reports(section)) == 3
    assert "<script>" not in client.get(programme.url + query).content.decode().lower()


def test_each_report_shows_where_when_setting_adaptations_barriers_fidelity_cost(client, catalogue):
    programme = ProgrammePageFactory(parent=catalogue)
    add_report(
        programme,
        "AT",
        "school",
        ["funding"],
        ["translation"],
        place="Graz",
        started=datetime.date(2021, 3, 1),
        ended=datetime.date(2022, 6, 30),
        fidelity="partial",
        adaptations="Examples rewritten for Austrian schools.",
        barriers="The grant ended early.",
        cost="About 5,000 EUR a year.",
        observations="Teachers liked the lesson plans.",
    )
    card = reports_section(client, programme.url).find("article", cls="report")
    shown = {
        dt.text: dd.text for dt, dd in zip(card.find_all("dt"), card.find_all("dd"), strict=True)
    }
    assert shown == {
        "Where": "Austria, Graz",
        "When": "March 2021 – June 2022",
        "Setting": "School",
        "Fidelity": "Partial: some parts changed or left out",
        "Adaptations made": "Translation. Examples rewritten for Austrian schools.",
        "Barriers": "Funding. The grant ended early.",
        "Cost": "About 5,000 EUR a year.",
        "What they observed": "Teachers liked the lesson plans.",
    }


def test_unpublished_reports_are_not_counted(client, programme):
    ImplementationReportPageFactory(parent=programme, title="Draft report", live=False)
    section = reports_section(client, programme.url)
    assert "Draft report" not in section.text
    assert section.find("h2").text == "Implementation reports (3)"


def test_the_report_list_costs_the_same_queries_however_many_reports(
    client, programme, django_assert_num_queries
):
    url = programme.url + "?country=DE"
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    expected = len(small)  # read now: the next request resets the log
    for n in range(4):
        add_report(programme, "AT", "online", ["stigma", "funding"], ["dosage"], title=f"More {n}")
    client.get(url)
    with django_assert_num_queries(expected):
        section = reports_section(client, url)
    assert len(listed_reports(section)) == 2
