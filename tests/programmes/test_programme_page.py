"""A programme's page: key facts, its computed rating explained, evaluations and reports."""

import pytest

from wagtail.models import Locale

from tests.factories.programmes import (
    EvaluationPageFactory,
    ImplementationReportPageFactory,
    ProgrammePageFactory,
)
from tests.helpers import links

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
    return EvaluationPageFactory(parent=programme, results=list(results), **kwargs)


def result(outcome="knowledge", direction="positive", significance="significant", **kwargs):
    return {"outcome": outcome, "direction": direction, "significance": significance, **kwargs}


def html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_shows_the_key_facts(client, programme):
    page = html(client, programme)
    for fact in (
        "Safe Start",
        "Lessons that teach young children about body safety.",
        "Safe Start Foundation",
        "Children; Parents and carers",
        "Primary (whole population)",
        "Art. 23: awareness, education and training",
        "Languages",
        "4–8",
        "Free lesson plans; training costs 200 EUR per teacher.",
    ):
        assert fact in page, fact
    assert "Austria" in page and "Germany" in page


def test_links_to_its_source(client, programme):
    assert ("https://example.org/safe-start", "https://example.org/safe-start") in links(
        client.get(programme.url)
    )


def test_without_evaluations_the_rating_is_insufficient(client, programme):
    page = html(client, programme)
    assert '<span class="rating rating--insufficient">Insufficient evidence</span>' in page
    assert "No evaluation of this programme has been published here yet." in page
    assert "No published evaluation yet." in page
    assert "No implementation report yet." in page


def test_shows_the_rating_with_its_explanation_and_outcome_table(client, programme, rate):
    evaluate(programme, result("knowledge"), result("attitudes", "none", "not_significant"))
    rating = rate(programme)
    page = html(client, programme)
    assert '<p class="evidence__headline"><span class="rating rating--supported">Supported' in page
    assert rating.explanation.startswith("Supported for Knowledge.")
    assert rating.explanation in page
    assert "Rating for each outcome, and why" in page
    for outcome in rating.outcomes.all():
        assert f'<th scope="row">{outcome.outcome.name}</th>' in page
    assert "Rubric version 1.0." in page


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
    page = html(client, programme)
    assert "Evaluations <span class=\"count\">(1)</span>" in page
    assert "Trial in Vienna schools" in page
    assert "240 participants" in page and "12 months follow-up" in page
    assert "Disclosure and reporting" in page and "Not significant" in page
    assert "0.45 (Cohen&#x27;s d)" in page
    assert "Unpublished draft study" not in page


def test_lists_implementation_reports(client, programme):
    ImplementationReportPageFactory(parent=programme, title="Running it in Graz", place="Graz")
    page = html(client, programme)
    assert "Implementation reports <span class=\"count\">(1)</span>" in page
    assert "Running it in Graz" in page and "Germany, Graz" in page


@pytest.mark.parametrize("design", ["rct", "quasi-experiment"])
def test_a_sound_harmful_finding_shows_the_harm_notice(client, programme, rate, design):
    evaluate(programme, result("attitudes", "harmful"), design_slug=design, sample_size=20)
    assert rate(programme).level == "harmful"
    page = html(client, programme)
    assert HARM_NOTICE in page
    assert "found a significant harmful effect on Attitudes" in page
    assert '<span class="rating rating--harmful"><span aria-hidden="true">⚠ </span>Harmful' in page


@pytest.mark.parametrize(
    ("design", "sample_size", "significance"),
    [
        ("rct", 19, "significant"),  # too small to be sound
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
    page = html(client, programme)
    assert HARM_NOTICE not in page
    assert "Possible harm" in page


def test_the_german_translation_shows_the_same_rating(client, programme, rate, publish):
    evaluate(programme)
    assert rate(programme).level == "supported"
    german = programme.copy_for_translation(Locale.objects.get(language_code="de"), copy_parents=True)
    german.title = "Sicherer Start"
    publish(german)

    assert german.url.startswith("/de/")
    page = html(client, german)
    assert '<html lang="de">' in page
    assert "Sicherer Start" in page
    assert '<span class="rating rating--supported">' in page
    assert german.current_rating().explanation == programme.current_rating().explanation
    # The evaluation hangs under the English page but counts for every translation.
    assert "Evaluations <span class=\"count\">(1)</span>" in page


def test_the_language_switcher_links_the_translations(client, programme, publish):
    german = programme.copy_for_translation(Locale.objects.get(language_code="de"), copy_parents=True)
    publish(german)
    page_links = links(client.get(programme.url))
    assert (german.url, "Deutsch") in page_links
    assert (programme.url, "English") in page_links
