"""What migration portal 0003 leaves behind: content locales and the home page as site root."""

from django.conf import settings

from wagtail.models import Locale, Page, Site

import pytest

from portal.models import HomePage

pytestmark = pytest.mark.django_db

EU_LANGUAGE_CODES = {
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
}  # fmt: skip


def test_a_content_locale_for_each_eu_official_language():
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == EU_LANGUAGE_CODES
    assert {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES} == EU_LANGUAGE_CODES


def test_english_is_the_default_locale():
    assert Locale.get_default().language_code == "en"


def test_the_default_site_is_rooted_at_the_home_page():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "en"
    assert site.root_page.live


def test_wagtails_welcome_page_is_gone():
    top_level = Page.objects.filter(depth=2)
    assert [page.specific_class for page in top_level] == [HomePage]
