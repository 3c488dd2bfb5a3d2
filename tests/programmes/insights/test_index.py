"""The evidence pages are reachable from the site's navigation."""

import pytest

from tests.factories.portal import UserFactory
from tests.helpers import dom, links

pytestmark = pytest.mark.django_db


def header_links(client, url="/"):
    tools = dom(client.get(url)).find("div", cls="site-header__tools")
    return [(a.attrs["href"], a.text) for a in tools.find_all("a")]


def test_the_header_links_everyone_to_the_evidence_pages(client, home):
    assert ("/evidence/", "Evidence") in header_links(client)
    assert "My submissions" not in [text for _href, text in header_links(client)]


def test_the_header_links_members_to_their_submissions(client, home):
    client.force_login(UserFactory())
    assert ("/contribute/mine/", "My submissions") in header_links(client)


def test_the_index_links_the_three_evidence_pages(client, home):
    response = client.get("/evidence/")
    assert response.status_code == 200
    assert dom(response).find("h1").text == "Evidence"
    found = links(response)
    for link in [
        ("/evidence/how-we-rate/", "How we rate evidence"),
        ("/evidence/gap-map/", "Evidence-and-gap map"),
        ("/evidence/coverage/", "Member-state coverage"),
    ]:
        assert link in found


@pytest.mark.parametrize(
    "url",
    ["/evidence/", "/evidence/how-we-rate/", "/evidence/gap-map/", "/evidence/coverage/"],
)
def test_every_evidence_page_has_the_sites_shell_and_one_h1(client, home, url):
    page = dom(client.get(url))
    assert page.find("html").attrs["lang"] == "en"
    assert len(page.find_all("main", id="main")) == 1
    assert len(page.find_all("h1")) == 1
    for table in page.find("main").find_all("table"):
        assert table.find_all("caption"), url


def test_the_evidence_pages_are_translated_under_the_language_prefix(client, home):
    response = client.get("/de/evidence/")
    assert response.status_code == 200
    assert dom(response).find("html").attrs["lang"] == "de"


def test_the_evidence_pages_only_answer_get(client, home):
    assert client.post("/evidence/gap-map/").status_code == 405
