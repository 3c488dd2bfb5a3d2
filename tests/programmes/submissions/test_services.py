"""The plain functions behind the submission pages, called directly."""

import datetime

from django.utils import translation

from wagtail.models import WorkflowState

import pytest

from portal.moderation import ModerationStatus, moderation_status, requested_changes
from programmes.models import EvaluationPage, StudyDesign
from programmes.submissions import services
from tests.factories.portal import UserFactory
from tests.factories.programmes import EvaluationPageFactory, ProgrammePageFactory
from vocabularies.models import Country, Outcome

from .support import evaluation_data, workflow_state

pytestmark = pytest.mark.django_db


def cleaned(programme, **changes):
    """What ``EvaluationForm.cleaned_data`` holds for a valid evaluation."""
    return {
        "programme": programme,
        "title": "Smid et al. 2019",
        "reference": "Smid, W. et al. (2019).",
        "doi": "",
        "study_url": "",
        "publication_year": 2019,
        "design": StudyDesign.objects.get(slug="rct"),
        "sample_size": 40,
        "comparison_group": "",
        "follow_up_months": None,
        "independence": "independent",
        "countries": [],
        "summary": "",
        "results": [
            {
                "outcome": Outcome.objects.get(slug="wellbeing"),
                "direction": "positive",
                "significance": "not_reported",
                "effect_size": None,
                "effect_size_measure": "",
                "note": "",
            }
        ],
        **changes,
    }


def test_saving_twice_for_review_starts_one_workflow(researcher, programme):
    page = services.save_evaluation(researcher, cleaned(programme), submit=False)
    assert moderation_status(page) == ModerationStatus.DRAFT
    page = services.save_evaluation(researcher, cleaned(programme), page=page, submit=True)
    with pytest.raises(services.NotEditable):
        services.save_evaluation(researcher, cleaned(programme), page=page, submit=True)
    assert services.send_for_review(page, researcher).status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1
    assert page.revisions.count() == 2


def test_a_double_click_on_send_shows_the_submission_is_in_review(client, researcher, programme):
    page = services.save_evaluation(researcher, cleaned(programme))
    client.force_login(researcher)
    url = f"/contribute/evaluation/{page.pk}/edit/"
    data = evaluation_data(programme, **{"results-INITIAL_FORMS": "1"})
    assert client.post(url, data).status_code == 302
    second = client.post(url, data)
    assert second.status_code == 403
    assert WorkflowState.objects.filter(object_id=str(page.pk)).count() == 1


def test_changes_requested_shows_the_moderators_reason(researcher, programme, moderator):
    page = services.save_evaluation(researcher, cleaned(programme), submit=True)
    assert moderation_status(page) == ModerationStatus.IN_REVIEW
    assert requested_changes(page) == ""
    workflow_state(page).current_task_state.reject(user=moderator, comment="Add the DOI.")
    assert moderation_status(page) == ModerationStatus.CHANGES_REQUESTED
    assert requested_changes(page) == "Add the DOI."


def test_submissions_of_a_member_in_a_fixed_number_of_queries(
    researcher, catalogue, programme, django_assert_max_num_queries
):
    proposal = ProgrammePageFactory(parent=catalogue, live=False, owner=researcher)
    for parent in (programme, proposal, programme):
        services.save_evaluation(researcher, cleaned(parent), submit=True)
    EvaluationPageFactory(parent=programme, owner=UserFactory())  # somebody else's
    with django_assert_max_num_queries(8):
        found = services.submissions_of(researcher)
        parents = [entry.programme.pk for entry in found["evaluation"]]
        statuses = [entry.status for entry in found["evaluation"]]
    assert sorted(parents) == sorted([programme.pk, proposal.pk, programme.pk])
    assert statuses == [ModerationStatus.IN_REVIEW] * 3
    assert [entry.page.pk for entry in found["programme"]] == [proposal.pk]
    assert found["report"] == []


def test_programme_choices_are_published_programmes_and_own_proposals(
    researcher, catalogue, programme
):
    own = ProgrammePageFactory(parent=catalogue, live=False, owner=researcher, title="Own")
    ProgrammePageFactory(parent=catalogue, live=False, owner=UserFactory(), title="Theirs")
    assert list(services.programme_choices(researcher)) == [own, programme]
    assert services.programme_for(researcher, str(programme.pk)) == programme
    assert services.programme_for(researcher, "not a number") is None


def test_a_report_is_named_after_where_and_when(db):
    germany = Country.objects.get(code="DE")
    assert services.report_title({"place": "", "country": germany, "started": None}) == "Germany"
    started = datetime.date(2020, 5, 1)
    data = {"place": "Kiel", "country": germany, "started": started}
    assert services.report_title(data) == "Kiel, Germany (2020)"


def test_only_the_owner_can_lock_a_page_for_editing(researcher, programme):
    page = services.save_evaluation(researcher, cleaned(programme))
    with pytest.raises(services.NotEditable):
        services.locked_for_edit(page, UserFactory(is_researcher=True))
    assert services.locked_for_edit(page, researcher).pk == page.pk
    assert EvaluationPage.objects.get(pk=page.pk).owner == researcher


def test_without_a_catalogue_in_the_visitors_language_the_default_one_is_used(
    researcher, catalogue, programme
):
    with translation.override("fr"):
        assert services.catalogue() == catalogue
        assert list(services.programme_choices(researcher)) == [programme]
