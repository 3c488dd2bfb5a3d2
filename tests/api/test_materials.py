"""Materials in the open-data API: the languages a material can be had in, its translations
with their status, and its lineage of adaptations, both ways."""

import pytest

from tests.factories.campaigns import MaterialPageFactory

pytestmark = pytest.mark.django_db


def material(client, page, **params):
    response = client.get(f"/api/v1/materials/{page.translation_key}/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_a_material_lists_every_language_it_can_be_had_in(client, content):
    poster = material(client, content.poster)
    assert poster["language"] == "en"
    assert poster["available_in"] == ["de", "en", "ga"]  # own, files (en, ga), translation (de)
    english, irish = poster["files"]
    assert (english["language"], irish["language"], irish["title"]) == ("en", "ga", "Póstaer")
    assert english["title"].startswith("Material file")  # no label: the document's title
    assert all(f["url"].startswith("http://testserver/documents/") for f in poster["files"])
    assert [(t["language"], t["status"]) for t in poster["translations"]] == [
        ("de", "current"),
        ("en", "source"),
    ]


def test_a_translation_falls_out_of_date_when_the_source_is_published_again(client, content):
    content.poster.summary = "A new summary."
    content.poster.save_revision().publish()
    poster = material(client, content.poster)
    assert {t["language"]: t["status"] for t in poster["translations"]} == {
        "de": "out_of_date",
        "en": "source",
    }


def test_a_translation_has_the_id_of_its_source(client, content):
    assert material(client, content.poster, lang="de")["id"] == str(content.poster.translation_key)
    assert material(client, content.poster, lang="de")["url"].startswith("http://localhost/de/")


def test_lineage_links_an_adaptation_and_its_source_both_ways(client, content):
    poster = material(client, content.poster)
    adaptation = material(client, content.adaptation)
    assert poster["adaptations"] == [
        {
            "id": str(content.adaptation.translation_key),
            "title": "Powiedz nie plakat",
            "language": "pl",
            "adapted_for": {"code": "PL", "name": "Poland"},
        }
    ]
    assert (poster["adapted_from"], poster["adapted_for"], poster["changes"]) == (None, None, None)
    assert poster["adapted_in_countries"] == 1
    assert adaptation["adapted_from"] == {
        "id": str(content.poster.translation_key),
        "title": "Say No poster",
    }
    assert adaptation["adapted_for"] == {"code": "PL", "name": "Poland"}
    assert adaptation["language"] == "pl"
    assert adaptation["changes"]["helplines"] == "116 111 in Poland"


def test_an_adaptation_awaiting_review_is_not_in_the_lineage(client, content):
    MaterialPageFactory(
        parent=content.poster.get_parent(),
        title="Adaptation awaiting review",
        adapted_from=content.poster,
        adapted_for="SI",
        language="sl",
        live=False,
    )
    poster = material(client, content.poster)
    assert [a["title"] for a in poster["adaptations"]] == ["Powiedz nie plakat"]
    assert poster["adapted_in_countries"] == 1


def test_restricted_materials_never_appear(client, content):
    listed = client.get("/api/v1/materials/").json()
    assert "Restricted leaflet" not in str(listed)
    response = client.get(f"/api/v1/materials/{content.restricted.translation_key}/")
    assert response.status_code == 404
