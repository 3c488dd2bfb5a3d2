"""A programme's page: key facts, its computed rating explained, evaluations and reports."""

from wagtail.models import Locale

import pytest

from tests.factories.programmes import (
    EvaluationPageFactory,
    ImplementationReportPageFactory,
    ProgrammePageFactory,
)
from tests.helpers import dom, links, ratings_shown

pytestmark = pytest.mark.django_db

HARM_NOTICE = "An evaluation found harm."


@pytest.fixture
def programme(catalogue):
    return ProgrammePageFactory(
        parent=catalogue,
        title="Safe Start",
        summary="Lessons that teach young children about body safety.",
        organisation="Safe Start Foundation",
        target_groups=["children", "parents-carers"],
        prevention_levels=["primary"],
        legal_anchors=["art-23"],
        countries=["DE", "AT"],
        languages=["de"],
        age_min=4,
        age_max=8,
        costs="Free lesson plans; training costs 200 EUR per teacher.",
        has_manual=True,
        source_url="https://example.org/safe-start",
    )


def evaluate(programme, *results, **kwargs):
    """A published evaluation; by default an RCT (n=100) with a significant positive result."""
    return EvaluationPageFactory(parent=programme, results=list(results) or None, **kwargs)


def result(outcome="knowledge", direction="positive", significance="significant", **kwargs):
    return {"outcome": outcome, "direction": direction, "significance": significance, **kwargs}


def translate(page, language_code):
    """A draft translation, with any missing parents (home page, catalogue) created too."""
    locale = Locale.objects.get(language_code=language_code)
    return page.copy_for_translation(locale, copy_parents=True)


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return dom(response)


def facts(page):
    """{label: value} of the key-facts list."""
    aside = page.find("aside", cls="programme__facts")
    return {
        dt.text: dd.text for dt, dd in zip(aside.find_all("dt"), aside.find_all("dd"), strict=True)
    }


def section(page, heading_id):
    return next(s for s in page.find_all("section") if s.attrs.get("aria-labelledby") == heading_id)


def test_shows_the_key_facts(client, programme):
    page = render(client, programme)
    assert page.find("h1").text == "Safe Start"
    assert "Lessons that teach young children about body safety." in page.text
    shown = facts(page)
    assert shown["Run by"] == "Safe Start Foundation"
    assert shown["Target groups"] == "Children; Parents and carers"
    assert shown["Prevention level"] == "Primary (whole population)"
    assert shown["Legal basis (Directive 2011/93/EU)"].startswith("Art. 23")
    assert shown["Runs in"] == "Austria; Germany"
    assert shown["Languages"] == "German"
    assert shown["Ages"] == "4–8"
    assert shown["Costs"] == "Free lesson plans; training costs 200 EUR per teacher."
    assert shown["Manual"] == "Yes"


def test_links_to_its_source(client, programme):
    source = ("https://example.org/safe-start", "https://example.org/safe-start")
    assert source in links(client.get(programme.url))


def test_without_evaluations_the_rating_is_insufficient(client, programme):
    page = render(client, programme)
    evidence = section(page, "evidence-title")
    assert ratings_shown(evidence) == ["insufficient"]
    assert "No evaluation of this programme has been published here yet." in evidence.text
    assert "No published evaluation yet." in section(page, "evaluations-title").text
    assert "No implementation report yet." in section(page, "reports-title").text


def test_shows_the_rating_with_its_explanation_and_outcome_table(client, programme, rate):
    evaluate(programme, result("knowledge"), result("attitudes", "none", "not_significant"))
    rating = rate(programme)
    evidence = section(render(client, programme), "evidence-title")
    assert ratings_shown(evidence.find(cls="evidence__headline")) == ["supported"]
    assert rating.explanation.startswith("Supported for Knowledge.")
    assert rating.explanation in evidence.text
    table = evidence.find("table")
    assert table.find("caption").text == "Rating for each outcome, and why"
    rows = {row.find("th").text: ratings_shown(row) for row in table.find("tbody").find_all("tr")}
    assert rows == {"Knowledge": ["supported"], "Attitudes": ["no_effect"]}
    assert "Rubric version 1.0." in evidence.text


def test_lists_published_evaluations_with_their_results(client, programme):
    evaluate(
        programme,
        result("knowledge", effect_size="0.450", effect_size_measure="Cohen's d"),
        result("disclosure-reporting", "none", "not_significant"),
        title="Trial in Vienna schools",
        sample_size=240,
        follow_up_months=12,
    )
    evaluate(programme, title="Unpublished draft study", live=False)
    evaluations = section(render(client, programme), "evaluations-title")
    assert evaluations.find("h2").text == "Evaluations (1)"
    card = evaluations.find("article", cls="evaluation")
    assert card.find("h3").text == "Trial in Vienna schools"
    assert "240 participants" in card.text and "12 months follow-up" in card.text
    rows = [[cell.text for cell in row.children if not isinstance(cell, str)]
            for row in card.find("tbody").find_all("tr")]  # fmt: skip
    assert rows == [
        ["Knowledge", "Positive (beneficial)", "Statistically significant", "0.450 (Cohen's d)"],
        ["Disclosure and reporting", "No effect", "Not significant", "Not reported"],
    ]
    assert "Unpublished draft study" not in evaluations.text


def test_lists_implementation_reports(client, programme):
    ImplementationReportPageFactory(parent=programme, title="Running it in Graz", place="Graz")
    reports = section(render(client, programme), "reports-title")
    assert reports.find("h2").text == "Implementation reports (1)"
    assert reports.find("h3").text == "Running it in Graz"
    assert "Germany, Graz · 2021" in reports.text


@pytest.mark.parametrize("design", ["rct", "quasi-experiment"])
def test_a_sound_harmful_finding_shows_the_harm_notice(client, programme, rate, design):
    evaluate(programme, result("attitudes", "harmful"), design_slug=design, sample_size=20)
    assert rate(programme).level == "harmful"
    evidence = section(render(client, programme), "evidence-title")
    notice = evidence.find(cls="notice--harm")
    assert HARM_NOTICE in notice.text
    assert "found a significant harmful effect on Attitudes" in notice.text
    assert ratings_shown(evidence.find(cls="evidence__headline")) == ["harmful"]


@pytest.mark.parametrize(
    ("design", "sample_size", "significance"),
    [
        ("rct", 19, "significant"),  # too small to be sound
        ("quasi-experiment", None, "significant"),  # sample size not reported
        ("before-after", 500, "significant"),  # weak design
        ("rct", 200, "not_significant"),  # only a possible harm signal
    ],
)
def test_no_harm_notice_without_a_sound_significant_harm(
    client, programme, rate, design, sample_size, significance
):
    evaluate(
        programme,
        result("attitudes", "harmful", significance),
        design_slug=design,
        sample_size=sample_size,
    )
    assert rate(programme).level != "harmful"
    evidence = section(render(client, programme), "evidence-title")
    assert HARM_NOTICE not in evidence.text
    assert "Possible harm" in evidence.text


def test_the_german_translation_shows_the_same_rating(client, programme, rate, publish):
    evaluate(programme)
    assert rate(programme).level == "supported"
    german = translate(programme, "de")
    german.title = "Sicherer Start"
    publish(german)

    assert german.url.startswith("/de/")
    page = render(client, german)
    assert page.find("html").attrs["lang"] == "de"
    assert page.find("h1").text == "Sicherer Start"
    assert ratings_shown(page.find(cls="evidence__headline")) == ["supported"]
    assert german.current_rating().explanation == programme.current_rating().explanation
    # The evaluation hangs under the English page but counts for every translation.
    assert section(page, "evaluations-title").find("h2").text == "Evaluationen (1)"


def test_the_language_switcher_links_the_translations(client, programme, publish):
    german = translate(programme, "de")
    publish(german)
    page_links = links(client.get(programme.url))
    assert (german.url, "Deutsch") in page_links
    assert (programme.url, "English") in page_links
