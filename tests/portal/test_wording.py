"""The site's words: the Luxembourg Guidelines' terminology, on every page a visitor can reach."""

import re

from wagtail.models import Page

import pytest

from tests.helpers import dom

pytestmark = pytest.mark.django_db

OUTDATED_TERM = re.compile(r"child\s+porn", re.IGNORECASE)  # say "child sexual abuse material"


def live_urls():
    pages = Page.objects.live().filter(depth__gt=1).specific()
    return sorted({page.get_url() for page in pages})


def test_every_live_demo_page_renders(client, demo_content):
    urls = live_urls()
    assert len(urls) >= 40  # programmes, evaluations, audience pages and translations
    broken = {url: client.get(url).status_code for url in urls}
    assert {url: status for url, status in broken.items() if status != 200} == {}


def test_no_page_says_child_pornography(client, demo_content):
    _home, catalogue = demo_content
    urls = [
        *live_urls(),
        catalogue.url + "?rating=insufficient",
        catalogue.url + "?target_group=fear-they-might-offend&page=2",
        "/does-not-exist/",
        "/accounts/login/",
    ]
    offending = [url for url in urls if OUTDATED_TERM.search(client.get(url).content.decode())]
    assert offending == []


def test_translated_pages_are_served_in_their_language(client, demo_content):
    translated = Page.objects.live().exclude(locale__language_code="en").filter(depth__gt=2)
    assert translated.exists()
    for page in translated.specific():
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url
        assert dom(response).find("html").attrs["lang"] == page.locale.language_code, url
