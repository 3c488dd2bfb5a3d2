"""A member's data export holds their evaluations, implementation reports and proposed
programmes, each with where it is in its review, as "My submissions" shows them."""

import json

import pytest

from portal.accounts.export import export_user_data
from programmes.models import EvaluationPage, ProgrammePage
from tests.factories.portal import UserFactory

from .support import (
    EVALUATION_URL,
    PROPOSE_URL,
    REPORT_URL,
    evaluation_data,
    proposal,
    report_data,
    workflow_state,
)

pytestmark = pytest.mark.django_db


def statuses(data):
    return {(entry["kind"], entry["title"]): entry["status"] for entry in data["submissions"]}


def test_the_export_has_each_submission_with_its_status(client, researcher, programme, moderator):
    client.force_login(researcher)
    client.post(EVALUATION_URL, evaluation_data(programme, action="draft"))
    client.post(REPORT_URL, report_data(programme, title="Kraków pilot"))
    client.post(PROPOSE_URL, proposal())
    client.post(EVALUATION_URL, evaluation_data(programme, title="Smid et al. 2019"))
    returned = ProgrammePage.objects.get(title="Talking for Change")
    workflow_state(returned).current_task_state.reject(user=moderator, comment="Add a website.")
    published = EvaluationPage.objects.get(title="Smid et al. 2019")
    workflow_state(published).current_task_state.approve(user=moderator)
    UserFactory()  # someone else, with nothing

    data = export_user_data(researcher)

    assert statuses(data) == {
        ("evaluation", "Beier et al. 2015"): "draft",
        ("evaluation", "Smid et al. 2019"): "published",
        ("report", "Kraków pilot"): "in_review",
        ("programme", "Talking for Change"): "changes_requested",
    }
    by_title = {entry["title"]: entry for entry in data["submissions"]}
    assert by_title["Talking for Change"]["changes_requested"] == "Add a website."
    assert by_title["Beier et al. 2015"]["programme"] == "Stop it Now"
    assert by_title["Beier et al. 2015"]["url"] is None
    published.refresh_from_db()
    assert by_title["Smid et al. 2019"]["url"] == published.full_url
    assert by_title["Smid et al. 2019"]["first_published_at"]
    json.dumps(data)


def test_a_submission_is_exported_with_what_the_member_filled_in(client, researcher, programme):
    client.force_login(researcher)
    client.post(REPORT_URL, report_data(programme, title="Kraków pilot"))
    [report] = export_user_data(researcher)["submissions"]
    content = report["content"]
    assert content["place"] == "Kraków"
    assert content["country"] == "Poland"
    assert (content["started"], content["ended"]) == ("2022-09-01", "2023-06-30")
    assert content["barriers"] == "Hard to recruit participants."
    assert content["fidelity"] == "partial"


def test_another_members_submissions_are_not_exported(client, researcher, programme):
    client.force_login(researcher)
    client.post(EVALUATION_URL, evaluation_data(programme))
    assert export_user_data(UserFactory())["submissions"] == []
