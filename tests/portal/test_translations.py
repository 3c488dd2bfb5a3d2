"""One page per translation family: the visitor's language, else English, else the original.

The database and the in-memory choice follow the same order; the API, programme pages, the
country pages and materials' adaptations all use them."""

from wagtail.models import Locale, Page

import pytest

from portal.models import HomePage
from portal.translations import one_per_family, pick_one_per_family
from tests.factories.search import StandardPageFactory

pytestmark = pytest.mark.django_db


def translate(page, language_code):
    copy = page.copy_for_translation(Locale.objects.get(language_code=language_code), True)
    copy.save_revision().publish()
    return copy


@pytest.fixture
def families(home):
    """Guide: an English original with German and French versions. Dépliant: written in
    French and translated into German, with no English version."""
    guide = StandardPageFactory(parent=home, title="Guide")
    translate(guide, "de")
    translate(guide, "fr")
    leaflet = StandardPageFactory(
        parent=HomePage.objects.get(locale__language_code="fr"), title="Dépliant"
    )
    translate(leaflet, "de")
    keys = [guide.translation_key, leaflet.translation_key]
    return Page.objects.filter(translation_key__in=keys).select_related("locale")


def chosen(pages, lang):
    """{title: language of the version shown}, the same from the database and from pages
    already fetched (in any order: here the newest first)."""
    in_sql = languages_shown(one_per_family(pages, lang))
    assert languages_shown(pick_one_per_family(pages.order_by("-pk"), lang)) == in_sql
    return in_sql


def languages_shown(pages):
    return {page.title: page.locale.language_code for page in pages}


def test_the_visitors_language_comes_first(families):
    assert chosen(families, "de") == {"Guide": "de", "Dépliant": "de"}


def test_else_english(families):
    assert chosen(families, "pl")["Guide"] == "en"


def test_else_the_original_version(families):
    assert chosen(families, "pl")["Dépliant"] == "fr"
    assert chosen(families, "en")["Dépliant"] == "fr"
