"""Errors use the site's own pages, with a way back home."""

import pytest

from programmes.models import ProgrammeIndexPage
from tests.factories.programmes import ProgrammePageFactory
from tests.helpers import dom, links

pytestmark = pytest.mark.django_db


def test_an_unknown_address_gets_the_sites_404_page(client, home):
    response = client.get("/does-not-exist/")
    assert response.status_code == 404
    page = dom(response)
    assert page.find("h1").text == "We could not find that page"
    assert page.find("main", id="main")  # the site's own layout, not Django's bare page
    assert ("/", "Go to the home page") in links(response)


def test_a_missing_programme_is_a_404_too(client, catalogue):
    response = client.get(catalogue.url + "no-such-programme/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_a_draft_page_is_not_served(client, catalogue):
    draft = ProgrammePageFactory(parent=catalogue, title="Not yet", live=False)
    assert client.get(f"{catalogue.url}{draft.slug}/").status_code == 404


def test_a_crash_gets_the_sites_500_page(client, catalogue, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(ProgrammeIndexPage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get(catalogue.url)
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong" in page
    assert "simulated failure" not in page  # no internals leak to visitors
    assert "Traceback" not in page


def test_a_private_space_refuses_outsiders_with_the_sites_403_page(client, home):
    from tests.factories.working_groups import MembershipFactory, WorkingGroupFactory

    group = WorkingGroupFactory()
    client.force_login(MembershipFactory(group=WorkingGroupFactory()).user)
    response = client.get(group.get_space_url())
    assert response.status_code == 403
    page = dom(response)
    assert page.find("h1").text == "This page is not open to you"
    assert page.find("main", id="main")
    assert ("/working-groups/", "Browse the working groups") in links(response)
