"""Browsing materials on the campaigns index: filters a reuser combines and shares as a URL."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from campaigns.catalogue import MaterialFilterForm, files_by_language
from campaigns.choices import MaterialKind
from tests.factories.campaigns import (
    CampaignPageFactory,
    MaterialPageFactory,
    add_material_file,
    translate,
)
from tests.helpers import dom, filter_chips

pytestmark = pytest.mark.django_db


@pytest.fixture
def materials(campaign):
    """Three materials: a poster for children, a lesson for professionals, a parents' guide."""
    return {
        "poster": MaterialPageFactory(
            parent=campaign,
            title="Alpha poster",
            kind=MaterialKind.POSTER,
            audiences=["children"],
            topics=["sextortion"],
            files=["en"],
        ),
        "lesson": MaterialPageFactory(
            parent=campaign,
            title="Beta lesson",
            kind=MaterialKind.LESSON_PLAN,
            audiences=["professionals-with-children", "children"],
            topics=["grooming", "safe-internet-use"],
            files=["en", "fr"],
        ),
        "guide": MaterialPageFactory(
            parent=campaign,
            title="Gamma guide",
            kind=MaterialKind.GUIDE,
            audiences=["parents-carers"],
            topics=["grooming"],
        ),
    }


def browse(client, index, query=""):
    response = client.get(index.url + query)
    assert response.status_code == 200
    return response


def listed(response):
    return [h3.text for h3 in dom(response).find_all("h3", cls="result__title")]


def result_count(response):
    return dom(response).find("h2", cls="results__count").text


def test_lists_campaigns_and_live_materials(client, campaigns_index, campaign, materials):
    MaterialPageFactory(parent=campaign, title="Draft", live=False)
    response = browse(client, campaigns_index)
    assert listed(response) == ["Alpha poster", "Beta lesson", "Gamma guide"]
    assert result_count(response) == "3 materials"
    campaigns = dom(response).find("ul", cls="campaign-list")
    assert "Say No!" in campaigns.text
    assert "Europol" in campaigns.text


def test_cards_say_kind_campaign_and_languages(client, campaigns_index, materials):
    translate(materials["lesson"], "de")
    cards = {
        card.find("h3").text: card.text
        for card in dom(browse(client, campaigns_index)).find_all("li", cls="material-card")
    }
    assert "Lesson plan" in cards["Beta lesson"]
    assert "Say No!" in cards["Beta lesson"]
    assert "Available in: English, French, German" in cards["Beta lesson"]
    assert "Available in: English" in cards["Gamma guide"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?audience=children", ["Alpha poster", "Beta lesson"]),
        ("?audience=parents-carers", ["Gamma guide"]),
        ("?kind=lesson_plan", ["Beta lesson"]),
        ("?topic=grooming", ["Beta lesson", "Gamma guide"]),
        ("?language=fr", ["Beta lesson"]),
    ],
)
def test_each_filter(client, campaigns_index, materials, query, expected):
    assert listed(browse(client, campaigns_index, query)) == expected


def test_values_of_one_filter_combine_with_or(client, campaigns_index, materials):
    response = browse(client, campaigns_index, "?kind=poster&kind=guide")
    assert listed(response) == ["Alpha poster", "Gamma guide"]
    assert result_count(response) == "2 materials"


def test_different_filters_combine_with_and(client, campaigns_index, materials):
    assert listed(browse(client, campaigns_index, "?audience=children&topic=grooming")) == [
        "Beta lesson"
    ]
    assert listed(browse(client, campaigns_index, "?kind=guide&audience=children")) == []


def test_no_match_explains_how_filters_combine(client, campaigns_index, materials):
    response = browse(client, campaigns_index, "?kind=guide&audience=children")
    assert result_count(response) == "0 materials"
    assert "No material matches all of these filters." in dom(response).find(cls="empty").text


def test_language_via_a_file(client, campaigns_index, materials):
    add_material_file(materials["guide"], "pl")
    assert listed(browse(client, campaigns_index, "?language=pl")) == ["Gamma guide"]


def test_language_via_a_live_translation(client, campaigns_index, materials):
    translate(materials["guide"], "de")
    translate(materials["poster"], "it", publish=False)
    response = browse(client, campaigns_index, "?language=de&language=it")
    # The English index lists the English page; the German one is reached by the language menu.
    assert listed(response) == ["Gamma guide"]
    card = dom(response).find("li", cls="material-card")
    assert card.find("a").attrs["href"] == materials["guide"].url


def test_language_via_the_materials_own_language(client, campaigns_index, campaign, materials):
    MaterialPageFactory(parent=campaign, title="Polish adaptation", language="pl")
    assert listed(browse(client, campaigns_index, "?language=pl")) == ["Polish adaptation"]
    english = listed(browse(client, campaigns_index, "?language=en"))
    assert "Polish adaptation" not in english
    assert "Gamma guide" in english  # no file, but written in English


def test_every_material_is_listed_once_in_the_visitors_language(client, campaigns_index, materials):
    """The German catalogue lists every material, the poster in its German version and the
    others in English, under the visitor's /de/ prefix."""
    german = translate(materials["poster"], "de")
    german.title = "Alpha-Plakat"
    german.save_revision().publish()
    german_index = german.get_parent().get_parent().specific  # made when translating
    response = client.get(german_index.url)
    cards = dom(response).find_all("li", cls="material-card")
    assert listed(response) == ["Alpha-Plakat", "Beta lesson", "Gamma guide"]
    assert cards[0].find("a").attrs["href"] == german.url
    assert cards[1].find("a").attrs["href"].startswith("/de/")
    assert listed(browse(client, campaigns_index)) == ["Alpha poster", "Beta lesson", "Gamma guide"]


def test_active_filters_can_be_removed_one_by_one(client, campaigns_index, materials):
    chips = filter_chips(browse(client, campaigns_index, "?kind=poster&kind=guide&topic=grooming"))
    assert set(chips) == {"Kind of material: Poster", "Kind of material: Guide", "Topic: Grooming"}
    assert chips["Kind of material: Poster"] == "?kind=guide&topic=grooming"
    assert listed(browse(client, campaigns_index, chips["Kind of material: Poster"])) == [
        "Gamma guide"
    ]


@pytest.mark.parametrize(
    "query",
    [
        "?audience=nonexistent",
        "?kind=banner",
        "?language=xx",
        "?topic=%00",
        "?page=abc",
        "?page=99",
    ],
)
def test_bad_values_give_a_message_not_an_error(client, campaigns_index, materials, query):
    response = browse(client, campaigns_index, query)
    assert listed(response)  # the browser still works


def test_a_bad_value_is_reported_and_the_other_filters_still_apply(
    client, campaigns_index, materials
):
    response = browse(client, campaigns_index, "?kind=banner&audience=parents-carers")
    page = dom(response)
    assert "were not recognised" in page.find(cls="browse-errors").text
    error = page.find("p", cls="field-error")
    assert error.attrs["id"] == "id_kind-error"
    assert "banner is not one of the available choices" in error.text
    assert listed(response) == ["Gamma guide"]


def test_bad_values_are_escaped_when_echoed(client, campaigns_index, materials):
    response = browse(client, campaigns_index, "?audience=<script>alert(1)</script>")
    assert "<script>alert(1)" not in response.content.decode()


def test_the_language_filter_offers_only_languages_with_materials(
    client, campaigns_index, materials
):
    form = MaterialFilterForm()
    assert sorted(language.code for language in form.fields["language"].queryset) == ["en", "fr"]


def test_files_by_language_puts_the_given_languages_first(materials):
    add_material_file(materials["lesson"], "de")
    files = materials["lesson"].files.select_related("language")
    order = [language.code for language, _files in files_by_language(files, first=("fr", "de"))]
    assert order == ["fr", "de", "en"]


def count_queries(client, url):
    assert client.get(url).status_code == 200  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def add_materials(campaign, count):
    for _ in range(count):
        material = MaterialPageFactory(
            parent=campaign,
            audiences=["children", "parents-carers"],
            topics=["grooming"],
            files=["en", "de"],
        )
        translate(material, "fr")


@pytest.mark.parametrize("query", ["", "?audience=children&language=fr&kind=poster"])
def test_browsing_runs_a_fixed_number_of_queries(client, campaigns_index, campaign, query):
    add_materials(campaign, 2)
    small, response = count_queries(client, campaigns_index.url + query)
    assert len(listed(response)) == 2
    add_materials(campaign, 5)
    add_materials(CampaignPageFactory(parent=campaigns_index), 3)
    large, response = count_queries(client, campaigns_index.url + query)
    assert len(listed(response)) == 10
    assert large == small


def test_campaign_page_runs_a_fixed_number_of_queries(client, campaign):
    add_materials(campaign, 2)
    small, _response = count_queries(client, campaign.url)
    add_materials(campaign, 6)
    large, _response = count_queries(client, campaign.url)
    assert large == small
