"""The front door: one way in for each audience, and the latest programmes."""

import pytest

from portal.demo import ensure_home_page, load_site
from portal.models import HomePage, StandardPage
from programmes.demo.catalogue import ensure_catalogue
from programmes.models import ProgrammeIndexPage
from tests.factories.programmes import ProgrammePageFactory
from tests.helpers import dom, links, listed_programmes

pytestmark = pytest.mark.django_db


def pathways(response):
    """(audience, link text, href) of each way in."""
    return [
        (card.find("h3").text, card.find("a").text, card.find("a").attrs["href"])
        for card in dom(response).find_all("article", cls="pathway")
    ]


def test_the_home_page_shows_three_ways_in(client, demo_site):
    assert pathways(client.get("/")) == [
        ("Practitioners", "Browse programmes (Practitioners)", "/programmes/"),
        ("Researchers", "Evidence and gaps (Researchers)", "/for-researchers/"),
        ("Member-state officials", "Programmes by obligation (Member-state officials)",
         "/for-officials/"),
    ]  # fmt: skip


def test_every_way_in_leads_to_a_live_page(client, demo_site):
    for _audience, _label, href in pathways(client.get("/")):
        assert client.get(href).status_code == 200, href


def test_the_main_menu_lists_the_catalogue_and_audience_pages(client, demo_site):
    nav = dom(client.get("/")).find("nav", cls="main-nav")
    assert [a.text for a in nav.find_all("a")] == [
        "Programmes",
        "For researchers",
        "For member-state officials",
    ]


def test_the_officials_page_links_to_filtered_catalogue_views(client, demo_site):
    hrefs = [href for href, _text in links(client.get("/for-officials/"))]
    assert "/programmes/?target_group=fear-they-might-offend" in hrefs
    response = client.get("/programmes/?target_group=fear-they-might-offend")
    assert response.status_code == 200


def test_load_site_is_idempotent_and_keeps_editors_changes(demo_site):
    home, catalogue = demo_site
    home.intro = "Changed by an editor."
    home.save_revision().publish()
    again_home = ensure_home_page()
    again_catalogue = ensure_catalogue(again_home)
    load_site(again_home, again_catalogue)
    assert again_catalogue.pk == catalogue.pk
    assert HomePage.objects.get(pk=home.pk).intro == "Changed by an editor."
    assert ProgrammeIndexPage.objects.count() == 1
    assert StandardPage.objects.count() == 2


def test_recently_added_programmes_are_live_ones(client, demo_site):
    _home, catalogue = demo_site
    ProgrammePageFactory(parent=catalogue, title="Published programme")
    ProgrammePageFactory(parent=catalogue, title="Draft programme", live=False)
    assert listed_programmes(client.get("/")) == ["Published programme"]


def test_at_most_four_recent_programmes_newest_first(client, demo_site):
    _home, catalogue = demo_site
    for n in range(6):
        ProgrammePageFactory(parent=catalogue, title=f"Programme {n}")
    assert listed_programmes(client.get("/")) == [f"Programme {n}" for n in (5, 4, 3, 2)]


def test_the_migrated_home_page_renders_before_any_content(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert dom(response).find("h1").text == "European Prevention Network"


def test_the_home_page_title_is_the_site_name_once_and_other_pages_add_it(client, demo_site):
    assert dom(client.get("/")).find("title").text == "European Prevention Network"
    home, catalogue = demo_site
    title = dom(client.get(catalogue.url)).find("title").text
    assert title == f"{catalogue.seo_title or catalogue.title} · European Prevention Network"
