"""Researchers submit an evaluation from the public site: every field of an evaluation and one
row per outcome, errors next to their fields, nothing typed lost, drafts kept for later."""

import datetime

from wagtail.models import WorkflowPage, WorkflowState

import pytest

from programmes.models import EvaluationPage
from tests.factories.programmes import ProgrammePageFactory
from tests.helpers import dom

from .support import (
    EMPTY_ROW,
    EVALUATION_URL,
    MINE_URL,
    evaluation_data,
    outcome_row,
    workflow_state,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, researcher):
    client.force_login(researcher)
    return client


def field_box(page, name):
    """The ``.field`` wrapper of a form field: its label, help, errors and input."""
    for box in page.find_all("div", cls="field"):
        if box.find_all(name=name):
            return box
    raise AssertionError(f"no field {name}")


def error_of(page, name):
    return " ".join(ul.text for ul in field_box(page, name).find_all("ul", cls="errorlist"))


def summary_links(page):
    return {a.attrs["href"]: a.text for a in page.find("div", cls="error-summary").find_all("a")}


def test_the_programme_is_chosen_from_the_link(signed_in, programme):
    page = dom(signed_in.get(f"{EVALUATION_URL}?programme={programme.pk}"))
    selected = page.find("select", name="programme").find("option", selected="")
    assert selected.text == "Stop it Now"
    assert page.find("input", name="results-TOTAL_FORMS").attrs["value"] == "2"


def test_an_evaluation_is_saved_as_a_page_under_the_programme(signed_in, researcher, programme):
    response = signed_in.post(EVALUATION_URL, evaluation_data(programme))
    assert response["Location"] == MINE_URL
    page = EvaluationPage.objects.get()
    assert page.get_parent().pk == programme.pk
    assert (page.owner, page.live) == (researcher, False)
    assert page.get_latest_revision().user == researcher
    assert (page.doi, page.publication_year, page.sample_size) == ("10.1111/jsm.12785", 2015, 75)
    assert (page.follow_up_months, page.independence) == (12, "developer")
    assert [c.code for c in page.countries.all()] == ["DE"]
    [result] = page.results.all()
    assert (result.outcome.slug, result.direction, result.significance) == (
        "knowledge",
        "positive",
        "significant",
    )


def test_errors_are_shown_next_to_their_fields_and_nothing_typed_is_lost(signed_in, programme):
    next_year = str(datetime.date.today().year + 1)
    data = evaluation_data(
        programme,
        outcome_row(note="Measured with a questionnaire."),
        outcome_row("attitudes", "none", "not_significant", effect_size="0.12",
                    effect_size_measure="Cohen's d"),
        sample_size="-5",
        follow_up_months="two years",
        doi="jsm.12785",
        study_url="not a link",
        publication_year=next_year,
    )  # fmt: skip
    response = signed_in.post(EVALUATION_URL, data)
    assert response.status_code == 200
    assert not EvaluationPage.objects.exists()
    page = dom(response)

    assert "at least 1" in error_of(page, "sample_size")
    assert "whole number of months" in error_of(page, "follow_up_months")
    assert "Enter a DOI such as" in error_of(page, "doi")
    assert "Enter a valid URL" in error_of(page, "study_url")
    assert "cannot be in the future" in error_of(page, "publication_year")
    assert error_of(page, "title") == ""
    links = summary_links(page)
    assert set(links) == {
        "#id_sample_size", "#id_follow_up_months", "#id_doi", "#id_study_url",
        "#id_publication_year",
    }  # fmt: skip
    assert links["#id_sample_size"].startswith("Sample size:")

    def value(name):
        return page.find("input", name=name).attrs["value"]

    assert value("title") == "Beier et al. 2015"
    assert value("sample_size") == "-5"
    assert value("follow_up_months") == "two years"
    # A text box, not type="number", which browsers empty when it holds "two years"
    assert page.find("input", name="follow_up_months").attrs["type"] == "text"
    assert page.find("input", name="follow_up_months").attrs["inputmode"] == "numeric"
    assert value("doi") == "jsm.12785"
    assert value("study_url") == "not a link"
    assert page.find("textarea", name="comparison_group").text == "Waiting list"
    assert page.find("input", name="independence", value="developer").attrs.get("checked") == ""
    germany = page.find("input", name="countries", value=data["countries"][0])
    assert "checked" in germany.attrs
    # Both outcome rows, as typed
    assert value("results-TOTAL_FORMS") == "2"
    first = page.find("select", name="results-0-outcome").find("option", selected="")
    second = page.find("select", name="results-1-outcome").find("option", selected="")
    assert (first.text, second.text) == ("Knowledge", "Attitudes")
    assert "checked" in page.find("input", name="results-1-direction", value="none").attrs
    assert value("results-0-note") == "Measured with a questionnaire."
    assert value("results-1-effect_size") == "0.12"
    assert value("results-1-effect_size_measure") == "Cohen's d"


def test_each_outcome_row_is_its_own_group_with_a_legend(signed_in, programme):
    page = dom(signed_in.get(EVALUATION_URL))
    rows = page.find_all("fieldset", cls="outcome-row")
    assert [row.find("legend").text for row in rows] == ["Outcome 1", "Outcome 2"]
    label = page.find("label", **{"for": "id_results-0-outcome"})
    assert label.text == "Outcome:"


def test_the_same_outcome_twice_is_an_error_on_the_second_row(signed_in, programme):
    data = evaluation_data(programme, outcome_row(), outcome_row(direction="none"))
    page = dom(signed_in.post(EVALUATION_URL, data))
    assert "already given above" in error_of(page, "results-1-outcome")
    assert error_of(page, "results-0-outcome") == ""
    assert "#id_results-1-outcome" in summary_links(page)
    assert not EvaluationPage.objects.exists()


def test_an_effect_size_needs_its_measure(signed_in, programme):
    data = evaluation_data(programme, outcome_row(effect_size="0.4"))
    page = dom(signed_in.post(EVALUATION_URL, data))
    assert "Say which measure" in error_of(page, "results-0-effect_size_measure")


def test_at_least_one_outcome_is_needed_to_send_it_for_review(signed_in, programme):
    data = evaluation_data(programme, EMPTY_ROW, EMPTY_ROW)
    page = dom(signed_in.post(EVALUATION_URL, data))
    assert "Give at least one outcome" in page.find("fieldset", id="outcomes").text
    summary = page.find("div", cls="error-summary")
    assert summary.find("a", href="#outcomes").text.startswith("Give at least one outcome")
    assert not EvaluationPage.objects.exists()


def test_add_another_outcome_adds_a_row_and_keeps_everything(signed_in, programme):
    data = evaluation_data(
        programme, outcome_row(note="First"), outcome_row("attitudes", "harmful"),
        add_outcome="1", reference="", publication_year="",
    )  # fmt: skip
    del data["action"]
    response = signed_in.post(EVALUATION_URL, data)
    assert response.status_code == 200
    assert not EvaluationPage.objects.exists()
    page = dom(response)
    assert page.find_all("div", cls="error-summary") == []
    assert page.find_all("ul", cls="errorlist") == []
    assert page.find("input", name="results-TOTAL_FORMS").attrs["value"] == "3"
    assert page.find("input", name="results-0-note").attrs["value"] == "First"
    assert "checked" in page.find("input", name="results-1-direction", value="harmful").attrs
    new_row = page.find("select", name="results-2-outcome").find("option", selected="")
    assert new_row.attrs["value"] == ""
    assert page.find("input", name="title").attrs["value"] == "Beier et al. 2015"

    # The member fills in the new row and sends it: three results.
    data = evaluation_data(
        programme, outcome_row(), outcome_row("attitudes", "harmful"), outcome_row("wellbeing"),
        **{"results-INITIAL_FORMS": "2"},
    )  # fmt: skip
    assert signed_in.post(EVALUATION_URL, data).status_code == 302
    outcomes = [r.outcome.slug for r in EvaluationPage.objects.get().results.all()]
    assert outcomes == ["knowledge", "attitudes", "wellbeing"]


def test_an_outcome_row_can_be_removed(signed_in, programme):
    data = evaluation_data(
        programme, outcome_row(), outcome_row("attitudes", DELETE="on"),
        **{"results-INITIAL_FORMS": "2"},
    )  # fmt: skip
    assert signed_in.post(EVALUATION_URL, data).status_code == 302
    assert [r.outcome.slug for r in EvaluationPage.objects.get().results.all()] == ["knowledge"]


def test_a_doi_pasted_as_a_link_is_kept_without_it(signed_in, programme):
    data = evaluation_data(programme, doi="https://doi.org/10.1111/jsm.12785")
    assert signed_in.post(EVALUATION_URL, data).status_code == 302
    assert EvaluationPage.objects.get().doi == "10.1111/jsm.12785"


# Drafts


def test_a_draft_is_kept_to_continue_later(signed_in, researcher, programme):
    data = evaluation_data(
        programme, EMPTY_ROW, EMPTY_ROW, action="draft", publication_year="", sample_size=""
    )
    response = signed_in.post(EVALUATION_URL, data)
    page = EvaluationPage.objects.get()
    edit_url = f"/contribute/evaluation/{page.pk}/edit/"
    assert response["Location"] == edit_url
    assert workflow_state(page) is None
    assert not page.live

    form = dom(signed_in.get(edit_url))
    assert form.find("input", name="title").attrs["value"] == "Beier et al. 2015"
    assert form.find("input", name="sample_size").attrs.get("value") is None
    mine = dom(signed_in.get(MINE_URL))
    assert mine.find("span", cls="submission-status").text == "Draft"
    assert edit_url in [a.attrs["href"] for a in mine.find_all("a")]

    # Back later: complete it and send it.
    response = signed_in.post(edit_url, evaluation_data(programme))
    assert response["Location"] == MINE_URL
    assert EvaluationPage.objects.count() == 1
    page.refresh_from_db()
    assert page.publication_year == 2015
    assert workflow_state(page).status == WorkflowState.STATUS_IN_PROGRESS
    assert page.revisions.count() == 2


def test_without_a_moderation_workflow_nothing_is_lost(signed_in, programme):
    WorkflowPage.objects.all().delete()
    response = signed_in.post(EVALUATION_URL, evaluation_data(programme))
    assert response.status_code == 200
    summary = dom(response).find("div", cls="error-summary").text
    assert "Sending for review is not possible at the moment" in summary
    assert dom(response).find("input", name="title").attrs["value"] == "Beier et al. 2015"
    assert not EvaluationPage.objects.exists()


def test_a_draft_needs_what_the_page_cannot_be_saved_without(signed_in, programme):
    data = evaluation_data(programme, action="draft", reference="", design="")
    page = dom(signed_in.post(EVALUATION_URL, data))
    assert "required" in error_of(page, "reference")
    assert "required" in error_of(page, "design")
    assert not EvaluationPage.objects.exists()


def test_sending_for_review_needs_the_publication_year(signed_in, programme):
    page = dom(signed_in.post(EVALUATION_URL, evaluation_data(programme, publication_year="")))
    assert "required" in error_of(page, "publication_year")


def test_a_saved_outcome_row_is_shown_when_editing(signed_in, researcher, programme):
    data = evaluation_data(programme, outcome_row(note="Saved note"), action="draft")
    signed_in.post(EVALUATION_URL, data)
    page = EvaluationPage.objects.get()
    form = dom(signed_in.get(f"/contribute/evaluation/{page.pk}/edit/"))
    assert form.find("input", name="results-INITIAL_FORMS").attrs["value"] == "1"
    assert form.find("input", name="results-TOTAL_FORMS").attrs["value"] == "2"
    assert form.find("input", name="results-0-note").attrs["value"] == "Saved note"
    assert form.find("input", name="results-0-DELETE")


def test_a_draft_can_move_to_another_programme(signed_in, catalogue, programme):
    signed_in.post(EVALUATION_URL, evaluation_data(programme, action="draft"))
    page = EvaluationPage.objects.get()
    other = ProgrammePageFactory(parent=catalogue, title="Prevention Project Dunkelfeld")
    data = evaluation_data(other, action="draft", **{"results-INITIAL_FORMS": "1"})
    signed_in.post(f"/contribute/evaluation/{page.pk}/edit/", data)
    page.refresh_from_db()
    assert page.get_parent().pk == other.pk
    assert page.url_path.startswith(other.url_path)
    assert page.title == "Beier et al. 2015"


def test_after_an_error_focus_can_land_on_the_error_summary(signed_in, programme):
    response = signed_in.post(EVALUATION_URL, evaluation_data(programme, sample_size="-5"))

    summary = dom(response).find(cls="error-summary")
    assert (summary.attrs["role"], summary.attrs["tabindex"]) == ("alert", "-1")
    assert "data-error-summary" in summary.attrs
    scripts = [s.attrs.get("src", "") for s in dom(response).find_all("script")]
    assert any(src.endswith("portal/js/error-summary.js") for src in scripts)
