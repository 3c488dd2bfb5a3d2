"""An evaluation's own page, and its address on this site."""

import pytest

from tests.factories.portal import UserFactory, enable_totp
from tests.factories.programmes import EvaluationPageFactory, ProgrammePageFactory
from tests.helpers import dom, links

pytestmark = pytest.mark.django_db

STUDY = "https://example.org/journal/prevention-trial"


@pytest.fixture
def programme(catalogue):
    return ProgrammePageFactory(parent=catalogue, title="Safe Start")


@pytest.fixture
def evaluation(programme):
    return EvaluationPageFactory(
        parent=programme,
        title="Trial in Vienna schools",
        reference="Muster, A. (2021). A trial of Safe Start. Journal of Prevention, 1, 1-10.",
        doi="10.1111/jsm.12785",
        study_url=STUDY,
        sample_size=240,
        results=[{"outcome": "knowledge", "direction": "positive", "significance": "significant"}],
    )


def live_status_links(client, page):
    admin = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(admin)  # the CMS requires two-factor authentication
    client.force_login(admin)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return {a.attrs["href"] for a in dom(response).find_all("a", cls="page-status-tag")}


def test_the_evaluation_page_shows_its_method_and_results(client, programme, evaluation):
    response = client.get(f"{programme.get_url()}{evaluation.slug}/")
    assert response.status_code == 200
    page = dom(response)
    assert page.find("h1").text == "Trial in Vienna schools"
    facts = page.find("dl", cls="facts").text
    assert "Randomised controlled trial" in facts and "240" in facts
    assert (programme.get_url(), "Safe Start") in links(response)  # breadcrumb
    assert ("https://doi.org/10.1111/jsm.12785", "10.1111/jsm.12785") in links(response)
    assert any(href == STUDY for href, _text in links(response))
    assert "Knowledge" in page.find("table").text


def test_the_evaluation_is_served_under_its_programme(evaluation, programme):
    assert evaluation.get_url() == f"{programme.get_url()}{evaluation.slug}/"


def test_the_admin_live_link_of_a_programme_points_to_the_site(client, programme):
    assert live_status_links(client, programme) == {programme.get_url()}


def test_the_admin_live_link_of_an_evaluation_points_to_the_site(client, evaluation):
    # The admin's "Live" and "View live" links use Page.url: a model field named `url` (the
    # study's link) would hide it and send editors to the journal instead of the page.
    assert live_status_links(client, evaluation) == {evaluation.get_url()}
