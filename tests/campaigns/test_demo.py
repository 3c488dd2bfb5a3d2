"""Demo campaigns: real, public campaigns with placeholder files, translations in every status
(current, out of date, missing) made with wagtail-localize, and adaptations. Safe to run again."""

from collections import Counter

from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

import pytest

from campaigns.choices import Licence, MaterialKind
from campaigns.demo import load_campaigns, read_demo_campaigns
from campaigns.models import CampaignIndexPage, CampaignPage, MaterialFile, MaterialPage
from tests.working_groups.test_demo import assert_is_a_readable_pdf

pytestmark = pytest.mark.django_db

DATA = read_demo_campaigns()
CAMPAIGN_SLUGS = {campaign["slug"] for campaign in DATA["campaigns"]}


def english(model):
    return model.objects.filter(locale__language_code="en")


def material(slug):
    return english(MaterialPage).get(slug=slug)


def versions(page):
    """``{language code: page}`` for the real (not alias) versions of a page."""
    group = Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
    return {version.locale.language_code: version for version in group.select_related("locale")}


def extracted(page):
    """The wagtail-localize source of a page: when its content was last taken in."""
    return TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)


def counts():
    return Counter(
        [page.specific_class.__name__ for page in Page.objects.all()]
        + ["Document"] * get_document_model().objects.count()
        + ["Translation"] * Translation.objects.count()
        + ["TranslationSource"] * TranslationSource.objects.count()
    )


def test_the_index_is_in_the_main_menu(client, demo_content):
    home, _catalogue = demo_content
    index = CampaignIndexPage.objects.child_of(home).get()
    assert (index.slug, index.title) == ("campaigns", "Campaigns and training materials")
    assert index.live and index.show_in_menus
    assert f'href="{index.url}"' in client.get(home.url).content.decode()


def test_every_campaign_is_live_demo_content_and_says_where_it_comes_from(demo_content):
    campaigns = english(CampaignPage)
    assert set(campaigns.values_list("slug", flat=True)) == CAMPAIGN_SLUGS
    assert {"say-no", "be-in-ctrl", "one-in-five"} <= CAMPAIGN_SLUGS
    for campaign in campaigns:
        assert campaign.live and campaign.is_demo_content, campaign
        assert campaign.source_url.startswith("https://"), campaign
        assert campaign.owner_organisation and campaign.summary, campaign


def test_materials_are_live_with_their_facts(demo_content):
    materials = english(MaterialPage)
    assert materials.count() == sum(len(c["materials"]) for c in DATA["campaigns"])
    for page in materials:
        assert page.live and page.is_demo_content, page
        assert page.source_url.startswith("https://"), page
        assert page.kind in MaterialKind.values and page.licence in Licence.values, page
        assert page.owner_organisation and page.language_of_origin, page
        assert page.audiences.exists() and page.topics.exists(), page
    lessons = material("be-in-ctrl-lessons")
    assert (lessons.kind, lessons.age_min, lessons.age_max) == ("lesson_plan", 12, 15)
    assert lessons.country_of_origin.code == "IE"
    assert set(lessons.topics.values_list("slug", flat=True)) >= {"sextortion"}
    assert material("kiko-and-the-hand").kind == "book"


def test_files_are_placeholder_pdfs_that_say_so(demo_content):
    files = MaterialFile.objects.filter(page__locale__language_code="en")
    assert files.count() >= 8
    for material_file in files.select_related("document__collection", "page"):
        document = material_file.document
        assert document.collection.name == "Demo campaign files"
        with document.file.open("rb") as handle:
            pdf = handle.read()
        assert_is_a_readable_pdf(pdf)
        assert b"PLACEHOLDER - NOT THE REAL MATERIAL" in pdf
        assert b"(Placeholder for the demo: the real " in pdf
        host = material_file.page.specific.source_url.split("/")[2].encode()
        assert host in pdf, document
        assert document.file_size == len(pdf)
    advice = material("say-no-advice")
    languages = set(advice.files.values_list("language__code", flat=True))
    assert languages == {"en", "de", "fr", "nl"}


def test_german_and_french_are_current(demo_content):
    advice = material("say-no-advice")
    source = extracted(advice)
    assert source.last_updated_at >= advice.last_published_at
    targets = set(
        Translation.objects.filter(source=source, enabled=True).values_list(
            "target_locale__language_code", flat=True
        )
    )
    assert targets == {"de", "fr"}
    found = versions(advice)
    assert found["de"].live and found["fr"].live
    assert found["de"].title.startswith("Say No! Rat für junge Menschen")
    assert "Beweise sichern" in found["de"].specific.summary
    assert "Hilfe" in found["de"].specific.description
    assert found["fr"].specific.summary.startswith("Le guide public d'Europol")


def test_dutch_is_out_of_date(demo_content):
    film = material("say-no-film")
    dutch = versions(film)["nl"]
    assert dutch.live
    assert Translation.objects.filter(source=extracted(film), target_locale=dutch.locale).exists()
    # The English film was republished after wagtail-localize last took its content in.
    assert extracted(film).last_updated_at < film.last_published_at
    assert "about ten minutes long" in film.summary
    assert dutch.specific.summary.startswith("Een korte film")


def test_no_say_no_material_has_a_polish_version(demo_content):
    say_no = english(CampaignPage).get(slug="say-no")
    materials = MaterialPage.objects.child_of(say_no)
    assert materials.count() >= 2
    for page in materials:
        assert "pl" not in versions(page)
        assert not page.files.filter(language__code="pl").exists()


def test_adaptations_form_chains(demo_content):
    lessons = material("be-in-ctrl-lessons")
    film = material("say-no-film")
    assert lessons.adapted_from_id == film.pk and lessons.is_adaptation
    assert list(film.adaptations.all()) == [lessons]
    assert lessons.adapted_for.code == "IE" and lessons.language.code == "en"
    assert "Hotline.ie" in lessons.changed_helplines
    assert lessons.changed_legal_references and lessons.changed_imagery_culture

    def chain_length(page):
        return 1 + (chain_length(page.adapted_from) if page.adapted_from_id else 0)

    assert max(chain_length(page) for page in english(MaterialPage)) >= 2
    pants = material("talk-pants-guide")
    assert pants.adapted_from == material("the-underwear-rule")
    assert pants.adapted_for.code == "GB"


def test_a_second_run_creates_nothing_and_dutch_stays_out_of_date(demo_content):
    home, _catalogue = demo_content
    film = material("say-no-film")
    synced_at = extracted(film).last_updated_at
    before = counts()
    report = load_campaigns(home)
    assert (report.pages, report.campaigns, report.materials, report.translations,
            report.files) == (0, 0, 0, 0, 0)  # fmt: skip
    assert counts() == before
    assert extracted(film).last_updated_at == synced_at < material("say-no-film").last_published_at


def test_an_editors_change_survives_and_a_deleted_translation_is_restored(demo_content):
    home, _catalogue = demo_content
    advice = material("say-no-advice")
    advice.summary = "Edited by an editor."
    advice.save_revision().publish()
    versions(advice)["fr"].delete()
    report = load_campaigns(home)
    assert (report.pages, report.translations, report.materials) == (1, 1, 0)
    assert material("say-no-advice").summary == "Edited by an editor."
    assert versions(advice)["fr"].live
