"""What visitors of a material page learn about its languages, through the real page tree."""

from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Locale

import pytest

from campaigns.templatetags.campaign_tags import translation_notice_context
from campaigns.translation_status import language_name
from tests.campaigns.test_translation_status import localize, republish, sync
from tests.factories.campaigns import MaterialPageFactory, add_material_file, translate
from tests.helpers import dom

pytestmark = pytest.mark.django_db


@pytest.fixture
def material(campaign):
    return MaterialPageFactory(parent=campaign, title="Sextortion poster")


def german_of(page):
    return page.get_translation(Locale.objects.get(language_code="de"))


def badges(response):
    """{language name: (link, notes)} of the "Available in" badges, named in the interface
    language (the language's own name, when shown, is left out)."""
    found = {}
    for item in dom(response).find("nav", cls="translation-badges").find_all("li"):
        link = item.find("a")
        notes = [span.text for span in item.find_all("span", cls="translation-badge__note")]
        name = "".join(child for child in link.children if isinstance(child, str)).strip()
        found[name] = (link.attrs["href"], notes)
    return found


def notice(response):
    notices = dom(response).find_all("div", cls="translation-notice")
    assert len(notices) <= 1
    return notices[0] if notices else None


def test_the_page_lists_the_languages_it_can_be_read_in(client, material):
    localize(material, "de")
    translate(material, "pl", publish=False)  # a draft: nobody can read it yet

    response = client.get(material.url)

    assert response.status_code == 200
    assert badges(response) == {
        "English": (material.url, ["original"]),
        "German": (german_of(material).url, []),
    }
    current = dom(response).find("a", **{"aria-current": "page"})
    assert current.text == "English"
    assert notice(response) is None  # an English reader on the English original


def test_a_missing_language_is_said_plainly_with_the_ways_forward(client, material):
    response = client.get(f"/pl{material.url}")  # no Polish site: the English page is served

    assert response.status_code == 200
    with translation.override("pl"):
        first_sentence = gettext("This material is not yet available in %(language)s.") % {
            "language": language_name("pl")
        }
    assert notice(response).text.startswith(first_sentence)
    assert "translation-notice--missing" in notice(response).classes
    hrefs = [a.attrs["href"] for a in notice(response).find_all("a")]
    assert hrefs == [material.url, f"/pl/materials/{material.pk}/adapt/"]


def test_the_notice_uses_the_visitors_language_for_language_names(client, material):
    with translation.override("en"):
        assert language_name("pl") == "Polish"
        assert language_name("mt") == "Maltese"  # not one Django names itself


def test_an_out_of_date_translation_is_flagged(client, material):
    localize(material, "de")
    republish(material, summary="A new paragraph the German version does not have yet.")
    german = german_of(material)

    response = client.get(german.url)

    assert response.status_code == 200
    with translation.override("de"):
        warning = gettext(
            "The %(language)s version may be out of date: the %(source_language)s original "
            "changed after it was translated."
        ) % {"language": language_name("de"), "source_language": language_name("en")}
    assert notice(response).text.startswith(warning)
    assert [a.attrs["href"] for a in notice(response).find_all("a")] == [material.url]
    assert "translation-notice--out_of_date" in notice(response).classes
    with translation.override("de"):
        assert badges(response)["Deutsch"] == (german.url, [gettext("may be out of date")])

    # Seen from the English page, the German badge carries the same warning.
    assert badges(client.get(material.url))["German"][1] == ["may be out of date"]


def test_a_synchronised_translation_has_no_warning(client, material):
    german_translation = localize(material, "de")
    republish(material, summary="Changed.")
    sync(german_translation, update_source=True)

    response = client.get(german_of(material).url)
    assert notice(response) is None
    assert badges(response)["Deutsch"][1] == []


def test_a_visitor_on_the_original_is_pointed_to_their_own_version(rf, material):
    german = translate(material, "de")

    # Reached the English page some other way (an old link), with German as their language:
    context = translation_notice_context(material, rf.get(material.url), visitor_language="de")

    assert context["notice"]["kind"] == "available"
    assert context["notice"]["version_url"] == german.url


def test_at_the_german_address_the_german_version_is_served_without_notice(client, material):
    german = translate(material, "de")

    response = client.get(f"/de{material.url}")

    assert response.status_code == 200
    assert response.context["page"].pk == german.pk
    assert notice(response) is None


def test_the_language_switcher_leads_to_the_same_material_in_german(client, material):
    german = translate(material, "de")

    response = client.get(material.url)

    switcher = dom(response).find("nav", cls="language-switcher")
    translations = {
        a.attrs["hreflang"]: a.attrs["href"]
        for a in switcher.find_all("a")
        if "hreflang" in a.attrs
    }
    assert translations == {"en": material.url, "de": german.url}
    assert german.url.startswith("/de/")
    assert client.get(translations["de"]).status_code == 200


def test_an_adaptation_is_badged_in_its_own_language_without_a_notice(client, campaign, material):
    adaptation = MaterialPageFactory(
        parent=campaign,
        title="Plakat o sekstorsji",
        adapted_from=material,
        adapted_for="PL",
        language="pl",
    )

    response = client.get(f"/pl{adaptation.url}")

    assert response.status_code == 200
    assert notice(response) is None  # it is in Polish already
    assert list(badges(response)) == ["Polski"]


def test_every_language_a_material_can_be_had_in_is_listed_once(client, campaign, material):
    """Translations, downloads and adaptations: "Available in" matches what the page offers."""
    add_material_file(material, "nl", label="Affiche (NL)")
    add_material_file(material, "de", label="Plakat (DE)")
    translate(material, "de")
    MaterialPageFactory(
        parent=campaign, title="Plakat", adapted_from=material, adapted_for="PL", language="pl"
    )

    response = client.get(material.url)

    found = badges(response)
    assert found == {
        "English": (material.url, ["original"]),
        "German": (german_of(material).url, []),
        "Dutch": ("#files-nl", ["download"]),
        "Polish": (found["Polish"][0], ["adaptation"]),
    }
    assert dom(response).find("h3", id="files-nl").text == "Dutch"


def test_languages_are_named_in_the_interface_language_with_a_tagged_own_name(client, material):
    translate(material, "de")

    response = client.get(material.url)

    nav = dom(response).find("nav", cls="translation-badges")
    own_names = {
        span.attrs["lang"]: span.text
        for span in nav.find_all("span", cls="translation-badge__endonym")
    }
    assert own_names == {"de": "(Deutsch)"}  # none for English, already named in English
    assert all("lang" not in link.attrs for link in nav.find_all("a"))
