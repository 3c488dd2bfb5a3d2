"""A member proposes a programme the catalogue lacks: a draft programme page, moderated like
any submission, to which they can attach their evaluation or report straight away."""

from wagtail.models import WorkflowState

import pytest

from programmes.models import EvaluationPage, ProgrammePage
from tests.factories.portal import UserFactory
from tests.helpers import dom

from .support import (
    EVALUATION_URL,
    MINE_URL,
    PROPOSE_URL,
    evaluation_data,
    proposal,
    workflow_state,
)

pytestmark = pytest.mark.django_db


def test_a_proposed_programme_is_a_draft_in_the_catalogue_sent_for_review(
    client, researcher, catalogue
):
    client.force_login(researcher)
    response = client.post(PROPOSE_URL, proposal())
    assert response["Location"] == MINE_URL
    programme = ProgrammePage.objects.get(title="Talking for Change")
    assert programme.get_parent().pk == catalogue.pk
    assert (programme.owner, programme.live) == (researcher, False)
    assert [t.slug for t in programme.target_groups.all()] == ["fear-they-might-offend"]
    assert [c.code for c in programme.countries.all()] == ["NL"]
    assert programme.website == "https://example.org/talking"
    assert workflow_state(programme).status == WorkflowState.STATUS_IN_PROGRESS
    client.logout()
    assert client.get("/programmes/talking-for-change/").status_code == 404


def test_then_the_member_attaches_their_evaluation_to_it(client, researcher, catalogue):
    client.force_login(researcher)
    response = client.post(f"{PROPOSE_URL}?then=evaluation", proposal())
    programme = ProgrammePage.objects.get(title="Talking for Change")
    assert response["Location"] == f"{EVALUATION_URL}?programme={programme.pk}"

    form = dom(client.get(response["Location"]))
    chosen = form.find("select", name="programme").find("option", selected="")
    assert chosen.text == "Talking for Change (your proposal, not published yet)"
    assert client.post(EVALUATION_URL, evaluation_data(programme)).status_code == 302
    evaluation = EvaluationPage.objects.get()
    assert evaluation.get_parent().pk == programme.pk

    mine = dom(client.get(MINE_URL))
    sections = {s.find("h2").text: s for s in mine.find_all("section")}
    assert "Talking for Change" in sections["Proposed programmes"].text
    assert "In review" in sections["Proposed programmes"].text
    assert "on “Talking for Change”" in sections["Evaluations"].text


def test_a_proposal_is_checked_like_the_catalogue(client, researcher, catalogue):
    client.force_login(researcher)
    response = client.post(
        PROPOSE_URL,
        proposal(website="example", start_year="2999", target_groups=[], organisation=""),
    )
    assert response.status_code == 200
    links = {a.attrs["href"] for a in dom(response).find("div", cls="error-summary").find_all("a")}
    assert links == {"#id_website", "#id_start_year", "#id_target_groups_0", "#id_organisation"}
    assert not ProgrammePage.objects.filter(title="Talking for Change").exists()


def test_a_draft_proposal_needs_no_classification(client, researcher, catalogue):
    client.force_login(researcher)
    response = client.post(PROPOSE_URL, proposal(action="draft", target_groups=[], countries=[]))
    programme = ProgrammePage.objects.get(title="Talking for Change")
    assert response["Location"] == f"/contribute/programme/{programme.pk}/edit/"
    assert workflow_state(programme) is None


def test_other_members_do_not_see_a_proposal(client, researcher, catalogue):
    client.force_login(researcher)
    client.post(PROPOSE_URL, proposal())
    client.force_login(UserFactory(is_researcher=True))
    options = dom(client.get(EVALUATION_URL)).find("select", name="programme").find_all("option")
    assert [option.text for option in options] == ["---------"]
    assert "Talking for Change" not in dom(client.get(MINE_URL)).text
