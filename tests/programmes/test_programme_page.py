"""A programme's page: key facts, its computed rating explained, evaluations and reports."""

from wagtail.models import Locale

import pytest

from programmes import explanations
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
    headline = explanations.text(rating.explanation)
    assert headline.startswith("Supported for Knowledge.")
    assert evidence.find("p", cls="evidence__explanation").text == headline
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
    assert reports.find("article", cls="report").find("h3").text == "Running it in Graz"
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


# --- Rating history ---------------------------------------------------------------------------


def history_rows(page):
    details = page.find("details", cls="rating-history")
    return details, [
        [cell.text for cell in row.children if not isinstance(cell, str)]
        for row in details.find("tbody").find_all("tr")
    ]


def test_no_history_before_the_first_rating(client, programme):
    assert not render(client, programme).find_all("details", cls="rating-history")


def test_shows_every_rating_change_newest_first_with_its_reason(client, programme, publish):
    first = evaluate(programme, result("knowledge"), title="Vienna trial", live=False)
    publish(first)
    second = evaluate(
        programme,
        result("knowledge", "none", "not_significant"),
        result("attitudes"),
        title="Graz trial",
        live=False,
    )
    publish(second)

    details, rows = history_rows(render(client, programme))
    assert details.find("summary").text == "Rating history (2 changes)"
    newest, oldest = rows
    assert newest[1] == "Unchanged: Supported"
    assert newest[2] == "Attitudes: not rated → Supported Knowledge: Supported → No effect"
    assert newest[3].startswith(
        "The evaluation “Graz trial” was published. Its design: Randomised controlled trial. "
        "It found a positive effect on Attitudes. It found no effect on Knowledge. "
        "Read the evaluation"
    )
    assert oldest[1] == "Not rated → Supported"
    assert oldest[2] == "Knowledge: not rated → Supported"
    assert oldest[3].startswith(
        "The evaluation “Vienna trial” was published. Its design: Randomised controlled trial. "
        "It found a positive effect on Knowledge."
    )
    assert (second.url, "Read the evaluation") in [
        (a.attrs["href"], a.text) for a in details.find_all("a")
    ]


def test_an_unpublished_evaluation_is_named_in_the_history_but_not_linked(
    client, programme, publish, django_capture_on_commit_callbacks
):
    evaluation = publish(evaluate(programme, title="Withdrawn trial", live=False))
    with django_capture_on_commit_callbacks(execute=True):
        evaluation.unpublish()
    _details, rows = history_rows(render(client, programme))
    assert rows[0][1] == "Supported → Insufficient evidence"
    assert rows[0][2] == "Knowledge: Supported → no longer rated"
    assert "The evaluation “Withdrawn trial” was unpublished." in rows[0][3]
    assert "Read the evaluation" not in rows[0][3]


# --- Contributing -----------------------------------------------------------------------------


def test_offers_to_submit_an_evaluation_and_a_report_for_this_programme(client, programme):
    page_links = links(client.get(programme.url))
    assert (f"/contribute/evaluation/new/?programme={programme.pk}", "Submit an evaluation") in (
        page_links
    )
    assert (
        f"/contribute/report/new/?programme={programme.pk}",
        "Report on implementing this programme",
    ) in page_links


def test_the_rating_box_links_to_how_we_rate_evidence(client, programme):
    evidence = section(render(client, programme), "evidence-title")
    assert ("/evidence/how-we-rate/", "How we rate evidence") in [
        (a.attrs["href"], a.text) for a in evidence.find_all("a")
    ]


def test_history_and_reports_cost_the_same_queries_however_many(
    client, programme, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from programmes.models import RatingChange

    def grow(n):
        for _ in range(n):
            evaluation = evaluate(programme, result("knowledge"))
            RatingChange.objects.create(
                translation_key=programme.translation_key,
                old_level="promising",
                new_level="supported",
                outcomes=[{"outcome": "knowledge", "old": None, "new": "supported"}],
                reason={"code": "recomputed"},
                evaluation=evaluation,
                rubric_version="1.0",
            )
            ImplementationReportPageFactory(parent=programme)

    grow(2)
    client.get(programme.url)
    with CaptureQueriesContext(connection) as small:
        client.get(programme.url)
    expected = len(small)  # read now: the next request resets the log
    grow(4)
    client.get(programme.url)
    with django_assert_num_queries(expected):
        page = render(client, programme)
    _details, rows = history_rows(page)
    assert len(rows) == 6
    assert len(page.find_all("article", cls="report")) == 6


def test_a_german_page_names_terms_countries_and_languages_in_german(client, programme, publish):
    german = translate(programme, "de")
    publish(german)
    values = " | ".join(facts(render(client, german)).values())
    assert "Kinder; Eltern und Betreuungspersonen" in values
    assert "Deutschland" in values and "Österreich" in values
    assert "Germany" not in values
    assert "Children" in " | ".join(facts(render(client, programme)).values())


def test_reasons_recorded_in_english_before_still_show_marked_as_english(client, programme):
    from programmes.models import RatingChange

    RatingChange.objects.create(
        translation_key=programme.translation_key,
        new_level="supported",
        outcomes=[{"outcome": "knowledge", "name": "Knowledge", "old": None, "new": "supported"}],
        legacy_reason="Evaluation “Old trial” published: randomised controlled trial.",
        rubric_version="1.0",
    )
    details, rows = history_rows(render(client, programme))
    assert rows[0][2] == "Knowledge: not rated → Supported"
    [english] = details.find_all("span", lang="en")
    assert english.text == "Evaluation “Old trial” published: randomised controlled trial."


def test_the_german_page_words_the_rating_in_german(client, programme, rate, publish, german_words):
    evaluate(programme, result("knowledge"))
    rating = rate(programme)
    german_page = translate(programme, "de")
    publish(german_page)
    evidence = section(render(client, german_page), "evidence-title")
    assert evidence.find("p", cls="evidence__explanation").text == (
        "Belegt für Wissen. Keine der stützenden Evaluationen gilt als unabhängig vom "
        "Entwickler. 1 Ergebnis wurde bewertet; die Gründe stehen bei jedem Ergebnis."
    )
    cell = evidence.find("table").find("tbody").find_all("td")[1].text
    assert cell.startswith(f"{rating.get_level_display()} – 1 solide Evaluation fand")
