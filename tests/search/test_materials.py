"""Campaigns and their materials in search: every translation and every adaptation is a result
of its own, and the facets find "materials available in Slovenian", "materials adapted in 3+
countries" and "materials from Ireland". Only what is live and public is found or counted."""

from wagtail.models import PageViewRestriction

import pytest

from campaigns.models import MaterialPage
from search import rebuild
from search.languages import LANGUAGES
from search.models import IndexedDocument
from search.schema import TEXT_FIELDS, ContentDocument, language_field
from tests.factories.campaigns import (
    CampaignIndexPageFactory,
    CampaignPageFactory,
    MaterialPageFactory,
    add_material_file,
    translate,
)
from tests.helpers import dom
from vocabularies.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block's on-commit work (indexing) as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def campaign(home, committed):
    with committed():
        campaigns = CampaignIndexPageFactory(parent=home)
        return CampaignPageFactory(
            parent=campaigns,
            title="Say No",
            summary="Europe-wide campaign against online sexual coercion of children.",
            owner_organisation="Europol",
        )


@pytest.fixture
def poster(campaign, committed):
    """An Irish poster in English with an Irish-language file."""
    with committed():
        return MaterialPageFactory(
            parent=campaign,
            title="Stay safe online poster",
            summary="A poster for classrooms.",
            description="<p>Who to tell when a stranger asks for pictures.</p>",
            owner_organisation="Hotline Ireland",
            reuse_conditions="Keep the hotline's logo.",
            audiences=["children"],
            topics=["sextortion", "grooming"],
            country_of_origin="IE",
            language_of_origin="en",
            files=["en", ("ga", "Póstaer")],
        )


@pytest.fixture
def leaflet(campaign, committed):
    """A German leaflet for parents."""
    with committed():
        return MaterialPageFactory(
            parent=campaign,
            title="Parents leaflet",
            audiences=["parents-carers"],
            country_of_origin="DE",
            language_of_origin="de",
            language="de",
            files=["de"],
        )


def adapt(material, country, language, live=True, **fields):
    """An adaptation of ``material`` made for ``country`` in ``language``, beside it."""
    fields.setdefault("title", f"{material.title} ({country})")
    return MaterialPageFactory(
        parent=material.get_parent(),
        adapted_from=material,
        adapted_for=country,
        language=language,
        live=live,
        **fields,
    )


@pytest.fixture
def adapted(poster, leaflet, committed):
    """The poster adapted in Poland (twice), Slovenia and France; the leaflet in Ireland and
    Austria. The Polish adaptation keeps the poster's country of origin, as a copy would."""
    with committed():
        adaptations = {
            "poster-pl": adapt(poster, "PL", "pl", country_of_origin="IE"),
            "poster-pl-2": adapt(poster, "PL", "pl", title="Plakat (druga wersja)"),
            "poster-si": adapt(poster, "SI", "sl", changed_helplines="Tom telefon 116 111"),
            "poster-fr": adapt(poster, "FR", "fr"),
            "leaflet-ie": adapt(leaflet, "IE", "en"),
            "leaflet-at": adapt(leaflet, "AT", "de"),
        }
    return adaptations


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(client, **params):
    return sorted(result["title"] for result in api(client, **params)["results"])


def page_titles(client, url="/search/", **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return sorted(h3.text for h3 in dom(response).find_all("h3", cls="result__title"))


def facet(client, name, **params):
    return {o["value"]: o["count"] for o in api(client, **params)["facets"][name]}


def key(page):
    return f"material:{page.pk}"


# --- what a material becomes ---------------------------------------------------------------


def test_a_material_is_indexed_with_its_facts(poster, indexed):
    doc = indexed(key(poster))
    assert set(doc) == set(ContentDocument._doc_type.mapping.to_dict()["properties"]) - {
        language_field(name, code) for code in LANGUAGES for name in TEXT_FIELDS
    }
    assert (doc["type"], doc["title"], doc["language"]) == (
        "material",
        "Stay safe online poster",
        "en",
    )
    assert doc["url"] == poster.url == "/campaigns/say-no/stay-safe-online-poster/"
    assert doc["summary"] == "A poster for classrooms."
    for words in ("Who to tell when a stranger", "Hotline Ireland", "logo", "Say No", "Poster"):
        assert words in doc["body"]
    assert doc["target_group"] == ["children"]
    assert doc["topic"] == ["grooming", "sextortion"]
    assert doc["country"] == ["IE"]
    assert doc["available_in"] == ["en", "ga"]  # its own language and its files'
    assert doc["adapted"] == []
    assert doc["visibility"] == ["public"]


def test_an_adaptation_is_in_its_own_language_and_from_the_country_it_was_made_for(
    adapted, indexed
):
    doc = indexed(key(adapted["poster-si"]))
    assert (doc["language"], doc["available_in"], doc["country"]) == ("sl", ["sl"], ["SI"])
    assert "116 111" in doc["body"]  # what was changed is searchable
    assert indexed(key(adapted["poster-pl"]))["country"] == ["PL"]  # not Ireland


def test_campaigns_are_found_and_their_materials_by_the_campaigns_name(poster, client):
    found = api(client, q="say no")["results"]
    assert {(r["type"], r["title"]) for r in found} == {
        ("campaign", "Say No"),
        ("material", "Stay safe online poster"),
    }
    assert {o["value"]: o["label"] for o in api(client)["facets"]["type"]} == {
        "campaign": "Campaign",
        "material": "Campaign material",
    }


def test_a_renamed_campaign_is_found_with_its_materials_under_the_new_name(
    campaign, poster, committed, client
):
    with committed():
        campaign.title = "Say No to coercion"
        campaign.save_revision().publish()
    assert titles(client, q="coercion") == ["Say No to coercion", "Stay safe online poster"]


def test_a_topics_new_slug_reaches_its_materials(poster, committed, indexed):
    with committed():
        topic = Topic.objects.get(slug="sextortion")
        topic.slug = "sexual-extortion"
        topic.save()
    assert indexed(key(poster))["topic"] == ["grooming", "sexual-extortion"]


# --- available in Slovenian ----------------------------------------------------------------


def test_materials_available_in_slovenian_have_a_slovenian_file_or_translation(
    poster, leaflet, campaign, committed, client
):
    with committed():
        MaterialPageFactory(parent=campaign, title="Quiz", files=["en", "fr"])
        add_material_file(leaflet, "sl", label="Letak")  # published again, as an editor would
        slovenian = translate(poster, "sl")
    # One entry per family: the poster in its Slovenian version, the leaflet (in its own
    # for its Slovenian file.
    assert titles(client, available_in="sl") == ["Parents leaflet", "Stay safe online poster"]
    found = {r["title"]: r for r in api(client, available_in="sl")["results"]}
    assert found["Stay safe online poster"]["url"] == slovenian.url
    assert found["Parents leaflet"]["url"] == leaflet.url
    # The language facet is the language a result is written in: the translation only.
    found = api(client, language="sl")["results"]
    assert [(r["language"], r["url"]) for r in found] == [("sl", slovenian.url)]
    assert slovenian.url == "/sl/campaigns/say-no/stay-safe-online-poster/"
    # The search page in Slovenian offers it as "available in my language".
    response = client.get("/sl/search/", {"available_in": "sl"})
    assert "checked" in dom(response).find("input", id="available-mine").attrs
    assert page_titles(client, "/sl/search/", available_in="sl") == titles(
        client, available_in="sl"
    )


def test_translations_are_one_result_that_lists_the_other_languages(
    poster, committed, client, indexed
):
    with committed():
        slovenian = translate(poster, "sl")
    with committed():
        german = translate(poster, "de")
    found = api(client, q="stay safe online poster")["results"]
    assert [(r["language"], r["url"], r["also_in"]) for r in found] == [
        ("en", "/campaigns/say-no/stay-safe-online-poster/", ["de", "ga", "sl"]),
    ]
    # On the German search page, the German version, naming the others.
    page = dom(client.get("/de/search/", {"q": "stay safe online poster"}))
    titles_found = page.find_all("h3", cls="result__title")
    assert [h.find("a").attrs["href"] for h in titles_found] == [german.url]
    assert [p.text for p in page.find_all("p", cls="result__also-in")] == [
        "Auch verfügbar auf: Englisch, Irisch, Slowenisch"
    ]
    # Publishing the German version reindexed the original and the Slovenian version.
    assert indexed(key(poster))["available_in"] == ["de", "en", "ga", "sl"]
    assert indexed(key(slovenian))["available_in"] == ["de", "en", "ga", "sl"]
    assert indexed(key(german))["country"] == ["IE"]
    with committed():
        german.unpublish()
    assert indexed(key(german)) is None
    assert indexed(key(poster))["available_in"] == ["en", "ga", "sl"]
    assert indexed(key(slovenian))["available_in"] == ["en", "ga", "sl"]


def test_the_parents_copied_for_a_translation_are_not_results(poster, committed):
    """Translating a material first copies its campaign as an alias of the English one."""
    with committed():
        translate(poster, "sl")
    rebuild.rebuild_embedded()
    assert sorted(IndexedDocument.objects.values_list("type", "language")) == [
        ("campaign", "en"),
        ("material", "en"),
        ("material", "sl"),
    ]


# --- adapted in 3+ countries ---------------------------------------------------------------


def test_adapted_in_three_countries_keeps_materials_adapted_in_at_least_three(
    adapted, client, indexed, poster, leaflet
):
    assert indexed(key(poster))["adapted"] == ["1", "2", "3"]  # Poland counts once
    assert indexed(key(leaflet))["adapted"] == ["1", "2"]
    assert titles(client, adapted="3") == ["Stay safe online poster"]
    assert titles(client, adapted="2") == ["Parents leaflet", "Stay safe online poster"]
    assert titles(client, adapted="4") == []
    assert api(client, adapted="3", country="IE")["total"] == 1


def test_the_adapted_facet_offers_cumulative_options_in_order(adapted, client):
    options = api(client)["facets"]["adapted"]
    assert [(o["value"], o["label"], o["count"]) for o in options] == [
        ("1", "Adapted in 1+ countries", 2),
        ("2", "Adapted in 2+ countries", 2),
        ("3", "Adapted in 3+ countries", 1),
    ]
    response = client.get("/search/", {"adapted": "3"})
    fieldset = next(
        f for f in dom(response).find_all("fieldset", cls="facet")
        if f.find("legend").text == "Adaptations"
    )  # fmt: skip
    assert [label.text for label in fieldset.find_all("label")] == [
        "Adapted in 1+ countries (2)",
        "Adapted in 2+ countries (2)",
        "Adapted in 3+ countries (1)",
    ]
    chip = dom(response).find("a", cls="chip")
    assert chip.text.startswith("Adaptations: Adapted in 3+ countries")
    assert page_titles(client, adapted="3") == ["Stay safe online poster"]


def test_more_than_five_countries_is_five_plus(poster, committed, indexed, client):
    with committed():
        for country, language in [("PL", "pl"), ("SI", "sl"), ("FR", "fr"), ("ES", "es"),
                                  ("PT", "pt"), ("IT", "it"), ("NL", "nl")]:  # fmt: skip
            adapt(poster, country, language)
    assert indexed(key(poster))["adapted"] == ["1", "2", "3", "4", "5"]
    assert titles(client, adapted="5") == ["Stay safe online poster"]


@pytest.mark.parametrize("value", ["6", "0", "three", "-1"])
def test_an_adapted_value_that_cannot_match_is_refused_with_a_message(client, value):
    response = client.get("/api/search/", {"adapted": value})
    assert response.status_code == 400
    assert response.json() == {"error": "“adapted” is a number of countries from 1 to 5."}


def test_a_draft_adaptation_is_not_found_and_does_not_count(
    adapted, poster, committed, client, indexed
):
    with committed():
        draft = adapt(poster, "HR", "hr", live=False, title="Plakat za Hrvatsku")
    assert indexed(key(draft)) is None
    assert titles(client, q="hrvatsku") == []
    assert indexed(key(poster))["adapted"] == ["1", "2", "3"]
    with committed():  # approved and published
        draft.get_latest_revision().publish()
    assert titles(client, q="hrvatsku") == ["Plakat za Hrvatsku"]
    assert titles(client, adapted="4") == ["Stay safe online poster"]


def test_unpublishing_an_adaptation_lowers_the_count(adapted, poster, committed, client, indexed):
    with committed():
        adapted["poster-si"].unpublish()
    assert indexed(key(poster))["adapted"] == ["1", "2"]
    assert titles(client, adapted="3") == []
    with committed():  # Poland still has one live adaptation of the two
        adapted["poster-pl"].unpublish()
    assert indexed(key(poster))["adapted"] == ["1", "2"]


def test_a_restricted_or_deleted_adaptation_does_not_count(adapted, poster, committed, indexed):
    with committed():
        PageViewRestriction.objects.create(page=adapted["poster-si"], restriction_type="login")
    assert indexed(key(adapted["poster-si"])) is None
    assert indexed(key(poster))["adapted"] == ["1", "2"]
    with committed():
        MaterialPage.objects.get(pk=adapted["poster-fr"].pk).delete()
    assert indexed(key(poster))["adapted"] == ["1"]


def test_an_adaptation_of_a_translation_counts_for_every_language_version(
    poster, committed, indexed
):
    with committed():
        slovenian = translate(poster, "sl")
    with committed():
        adapt(slovenian, "HR", "hr")
    assert indexed(key(poster))["adapted"] == ["1"]
    assert indexed(key(slovenian))["adapted"] == ["1"]


def test_an_adaptation_moved_to_another_source_counts_for_the_new_one_only(
    adapted, poster, leaflet, committed, indexed
):
    french = MaterialPage.objects.get(pk=adapted["poster-fr"].pk)
    with committed():
        french.adapted_from = leaflet
        french.save_revision().publish()
    assert indexed(key(poster))["adapted"] == ["1", "2"]
    assert indexed(key(leaflet))["adapted"] == ["1", "2", "3"]


def test_deleting_a_material_makes_its_adaptations_materials_of_their_own(
    adapted, leaflet, committed, indexed
):
    with committed():
        MaterialPage.objects.get(pk=leaflet.pk).delete()
    # The Irish adaptation is no longer an adaptation: it is from the leaflet's country of
    # origin, which it was not given.
    assert indexed(key(adapted["leaflet-ie"]))["country"] == []
    assert indexed(key(leaflet)) is None


# --- from Ireland --------------------------------------------------------------------------


def test_materials_from_ireland_include_adaptations_made_for_ireland(adapted, client):
    assert titles(client, country="IE", type="material") == [
        "Parents leaflet (IE)",
        "Stay safe online poster",
    ]
    assert facet(client, "country", type="material") == {
        "AT": 1,
        "DE": 1,
        "FR": 1,
        "IE": 2,
        "PL": 2,
        "SI": 1,
    }
    # Codes are read in either case; the chip undoes the filter as it was typed.
    assert titles(client, country="ie") == titles(client, country="IE")
    response = client.get("/search/", {"country": "ie", "type": "material"})
    chips = dom(response).find_all("a", cls="chip")
    assert {chip.text.split(" ×")[0]: chip.attrs["href"] for chip in chips} == {
        "Country: Ireland": "?type=material",
        "Type: Campaign material": "?country=ie",
    }
    assert page_titles(client, country="ie") == [
        "Parents leaflet (IE)",
        "Stay safe online poster",
    ]
