"""Who may submit what, and who may change a submission: the rules in
``programmes.submissions.permissions`` and what the pages do with them."""

import pytest

from portal.eligibility import Refusal
from programmes.models import EvaluationPage
from programmes.submissions import permissions
from tests.factories.portal import UserFactory
from tests.factories.programmes import EvaluationPageFactory, ProgrammePageFactory
from tests.helpers import dom, visible_text

from .support import EVALUATION_URL, MINE_URL, PROPOSE_URL, REPORT_URL, evaluation_data

pytestmark = pytest.mark.django_db


# The rules


def test_evaluations_need_a_verified_researcher(researcher):
    assert permissions.can_submit_evaluation(researcher)
    assert not permissions.can_submit_evaluation(UserFactory(is_researcher=False))
    assert not permissions.can_submit_evaluation(UserFactory(is_researcher=True, verified=False))
    assert not permissions.can_submit_evaluation(UserFactory(is_researcher=True, is_active=False))


def test_reports_and_proposals_need_a_verified_member():
    member = UserFactory()
    assert permissions.can_submit_report(member)
    assert permissions.can_propose_programme(member)
    unverified = UserFactory(verified=False)
    assert not permissions.can_submit_report(unverified)
    assert permissions.member_refusal(unverified) == Refusal.UNVERIFIED


def test_anonymous_visitors_may_not_contribute():
    from django.contrib.auth.models import AnonymousUser

    assert permissions.evaluation_refusal(AnonymousUser()) == Refusal.ANONYMOUS
    assert not permissions.can_submit_report(AnonymousUser())


def test_only_the_owner_may_edit_a_draft(researcher, programme):
    draft = EvaluationPageFactory(parent=programme, live=False, owner=researcher)
    assert permissions.can_edit(researcher, draft)
    assert not permissions.can_edit(UserFactory(is_researcher=True), draft)


def test_nobody_edits_a_submission_in_review_or_published(researcher, programme):
    draft = EvaluationPageFactory(parent=programme, live=False, owner=researcher)
    draft.get_workflow().start(draft, researcher)
    assert not permissions.can_edit(researcher, draft)
    published = EvaluationPageFactory(parent=programme, owner=researcher)
    assert not permissions.can_edit(researcher, published)


# The pages


@pytest.mark.parametrize(
    "url", [EVALUATION_URL, REPORT_URL, PROPOSE_URL, MINE_URL, "/contribute/evaluation/1/edit/"]
)
def test_visitors_are_asked_to_sign_in(client, catalogue, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/accounts/login/?next={url}")


def test_a_member_without_the_researcher_flag_is_told_how_to_set_it(client, programme):
    client.force_login(UserFactory())
    response = client.get(f"{EVALUATION_URL}?programme={programme.pk}")
    assert response.status_code == 403
    text = visible_text(response)
    assert "tick “I am a researcher”" in text
    links = [a.attrs["href"] for a in dom(response).find_all("a")]
    assert "/accounts/profile/" in links
    assert REPORT_URL in links
    assert client.post(EVALUATION_URL, evaluation_data(programme)).status_code == 403
    assert not EvaluationPage.objects.exists()


def test_a_member_who_has_not_confirmed_their_e_mail_is_told_to(client, programme):
    client.force_login(UserFactory(is_researcher=True, verified=False))
    response = client.get(REPORT_URL)
    assert response.status_code == 403
    assert "Confirm your e-mail address first" in visible_text(response)


def test_another_member_cannot_open_or_change_someone_elses_draft(client, researcher, programme):
    draft = EvaluationPageFactory(parent=programme, live=False, owner=researcher, title="Mine")
    client.force_login(UserFactory(is_researcher=True))
    url = f"/contribute/evaluation/{draft.pk}/edit/"
    assert client.get(url).status_code == 404
    changed = evaluation_data(programme, title="Not yours")
    assert client.post(url, changed).status_code == 404
    draft.refresh_from_db()
    assert draft.title == "Mine"
    assert draft.current_workflow_state is None


def test_the_owner_is_told_a_submission_in_review_cannot_change(client, researcher, programme):
    draft = EvaluationPageFactory(parent=programme, live=False, owner=researcher)
    draft.get_workflow().start(draft, researcher)
    client.force_login(researcher)
    url = f"/contribute/evaluation/{draft.pk}/edit/"
    response = client.get(url)
    assert response.status_code == 403
    assert "is with a moderator" in visible_text(response)
    assert client.post(url, evaluation_data(programme, title="Changed")).status_code == 403
    draft.refresh_from_db()
    assert draft.title != "Changed"


def test_a_published_evaluation_is_not_changed_from_the_public_site(client, researcher, programme):
    published = EvaluationPageFactory(parent=programme, owner=researcher)
    client.force_login(researcher)
    response = client.get(f"/contribute/evaluation/{published.pk}/edit/")
    assert response.status_code == 403
    assert "is published" in visible_text(response)


def test_someone_elses_proposed_programme_cannot_be_chosen(client, researcher, catalogue):
    theirs = ProgrammePageFactory(parent=catalogue, live=False, owner=UserFactory(), title="X")
    client.force_login(researcher)
    options = dom(client.get(EVALUATION_URL)).find("select", name="programme").find_all("option")
    assert "X" not in [option.text for option in options]
    response = client.post(EVALUATION_URL, evaluation_data(theirs))
    assert response.status_code == 200
    assert "Select a valid choice" in visible_text(response)
    assert not EvaluationPage.objects.exists()
