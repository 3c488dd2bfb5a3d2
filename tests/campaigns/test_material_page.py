"""A material's page: what it is, who made it, the terms of reuse and what to download."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from campaigns.choices import Licence, MaterialKind
from tests.factories.campaigns import (
    CampaignPageFactory,
    MaterialPageFactory,
    add_material_file,
    translate,
)
from tests.helpers import dom, links

pytestmark = pytest.mark.django_db


@pytest.fixture
def material(campaign):
    return MaterialPageFactory(
        parent=campaign,
        title="Say No! poster",
        summary="A poster telling teenagers what to do when someone asks for images.",
        kind=MaterialKind.POSTER,
        audiences=["children", "parents-carers"],
        topics=["sextortion", "disclosure-reporting"],
        age_min=12,
        age_max=17,
        licence=Licence.CC_BY,
        reuse_conditions="Credit Europol and keep the helpline box.",
        owner_organisation="Europol",
        country_of_origin="NL",
        language_of_origin="en",
        source_url="https://example.org/say-no/poster",
        files=[("en", "Poster A3"), ("de", "Plakat A3"), ("fr", "Affiche A3")],
    )


def render(client, page, **headers):
    response = client.get(page.url, **headers)
    assert response.status_code == 200
    return dom(response)


def facts(page):
    """{term: description} of every definition list in the facts column."""
    aside = page.find("aside", cls="material__facts")
    return {
        dt.text: dd.text
        for dl in aside.find_all("dl")
        for dt, dd in zip(dl.find_all("dt"), dl.find_all("dd"), strict=True)
    }


def download_groups(page):
    """[(language heading, [link texts])] of the download section, in order."""
    return [
        (group.find("h3").text, [a.text for a in group.find_all("a")])
        for group in page.find_all("section", cls="material-downloads__language")
    ]


def test_says_what_it_is_and_who_made_it(client, material):
    page = render(client, material)
    assert page.find("h1").text == "Say No! poster"
    shown = facts(page)
    assert shown["Kind"] == "Poster"
    assert shown["Audience"] == "Children; Parents and carers"
    assert shown["Age band"] == "Ages 12–17"
    assert shown["Topics"].startswith("Sexual coercion and extortion")
    assert shown["Owner"] == "Europol"
    assert shown["Country of origin"] == "Netherlands"
    assert shown["Original language"] == "English"
    assert ("https://example.org/say-no/poster", "Where the owner publishes it") in links_of(page)


def links_of(element):
    return [(a.attrs.get("href"), a.text) for a in element.find_all("a")]


def test_an_open_licence_says_adapting_needs_no_permission(client, material):
    terms = render(client, material).find("section", cls="material-terms")
    assert "CC BY 4.0: reuse and adapt with credit" in terms.text
    assert "You may adapt this material without asking first" in terms.text
    assert "Credit Europol and keep the helpline box." in terms.text


@pytest.mark.parametrize("licence", [Licence.CC_BY_ND, Licence.CC_BY_NC_ND])
def test_a_no_derivatives_licence_says_adapting_needs_permission(client, campaign, licence):
    material = MaterialPageFactory(parent=campaign, licence=licence, owner_organisation="Europol")
    terms = render(client, material).find("section", cls="material-terms")
    assert "needs the owner’s permission: ask Europol first" in terms.text
    assert "without asking first" not in terms.text


def test_reserved_rights_ask_for_permission_to_reuse_at_all(client, campaign):
    material = MaterialPageFactory(
        parent=campaign, licence=Licence.RESERVED, owner_organisation="X"
    )
    terms = render(client, material).find("section", cls="material-terms")
    assert "Ask X for permission before you reuse or adapt this material." in terms.text


def test_files_are_grouped_by_language_with_format_and_size(client, material):
    add_material_file(material, "de", "Plakat A4")
    groups = download_groups(render(client, material))
    assert groups == [
        ("English", ["Poster A3"]),
        ("French", ["Affiche A3"]),
        ("German", ["Plakat A3", "Plakat A4"]),
    ]
    item = render(client, material).find("ul", cls="material-files").find("li")
    assert "(PDF, 1.4 KB)" in item.text


def test_the_visitors_language_comes_first(client, material):
    german = translate(material, "de")
    groups = download_groups(render(client, german))
    # Named in the visitor's language, too.
    assert [language for language, _files in groups] == ["Deutsch", "Englisch", "Französisch"]


def test_file_links_carry_their_language(client, material):
    page = render(client, material)
    german = next(a for a in page.find_all("a") if a.text == "Plakat A3")
    assert german.attrs["hreflang"] == "de"
    assert german.attrs["lang"] == "de"
    english = next(a for a in page.find_all("a") if a.text == "Poster A3")
    assert "lang" not in english.attrs
    assert english.attrs["href"].startswith("/documents/")


def test_videos_are_links_not_embeds(client, campaign):
    material = MaterialPageFactory(
        parent=campaign,
        kind=MaterialKind.VIDEO,
        videos=[
            {"title": "Say No! film", "url": "https://video.example.org/say-no", "language": "de"}
        ],
    )
    page = render(client, material)
    assert not page.find_all("iframe") and not page.find_all("video")
    video = next(a for a in page.find_all("a") if a.text == "Say No! film")
    assert video.attrs["href"] == "https://video.example.org/say-no"
    assert video.attrs["lang"] == "de"


def test_images_are_shown_from_this_site(client, campaign):
    material = MaterialPageFactory(parent=campaign, images=["The poster in a school corridor"])
    page = render(client, material)
    image = page.find("section", cls="material-images").find("img")
    assert image.attrs["src"].startswith("/media/")
    assert "The poster in a school corridor" in page.find("section", cls="material-images").text


def test_a_material_without_files_says_so(client, campaign):
    page = render(client, MaterialPageFactory(parent=campaign))
    assert "No file to download yet." in page.find("section", cls="material-downloads").text


def test_an_adaptation_links_to_its_source_and_says_what_changed(client, campaign, material):
    polish = MaterialPageFactory(
        parent=campaign,
        title="Powiedz nie! plakat",
        adapted_from=material,
        adapted_for="PL",
        language="pl",
        changed_helplines="Telefon zaufania 116 111.",
        changed_legal_references="Kodeks karny, art. 200a.",
    )
    page = render(client, polish)
    note = page.find("section", cls="material-adaptation")
    assert "Adapted from Say No! poster (Europol)." in note.text
    assert "Adapted for Poland." in note.text
    assert (material.url, "Say No! poster") in links_of(note)
    changes = note.find("dl")
    assert changes.attrs["lang"] == "pl"
    assert "Local helplines Telefon zaufania 116 111." in changes.text
    assert "Legal references Kodeks karny, art. 200a." in changes.text
    assert page.find("header", cls="material__header").attrs["lang"] == "pl"


def test_a_material_in_the_interface_language_has_no_lang_override(client, material):
    page = render(client, material)
    assert "lang" not in page.find("header", cls="material__header").attrs
    assert not page.find_all("section", cls="material-adaptation")


def test_includes_the_translation_and_adaptation_panels(client, material):
    response = client.get(material.url)
    templates = {template.name for template in response.templates}
    assert "campaigns/includes/translation_notice.html" in templates
    assert "campaigns/includes/adaptations.html" in templates


def test_campaign_page_lists_its_materials(client, campaign, material):
    MaterialPageFactory(parent=campaign, title="Draft lesson", live=False)
    other = CampaignPageFactory(parent=campaign.get_parent())
    MaterialPageFactory(parent=other, title="Someone else's guide")
    page = render(client, campaign)
    assert "Europol" in page.find("dl", cls="campaign__facts").text
    assert ("https://example.org/say-no", "The campaign’s own website") in links(
        client.get(campaign.url)
    )
    titles = [h3.text for h3 in page.find_all("h3", cls="result__title")]
    assert titles == ["Say No! poster"]


def test_material_page_queries_do_not_grow_with_files(client, campaign, material):
    def count():
        client.get(material.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(material.url).status_code == 200
        return len(queries)

    before = count()
    for code in ("it", "es", "pl"):
        add_material_file(material, code)
    assert count() == before
