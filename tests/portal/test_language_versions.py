"""Every language version of the site is whole (portal.i18n).

A page not translated into the visitor's language is served in its original, under the
visitor's prefix, with a notice; links keep the visitor's language; alternates and the sitemap
name real translations only."""

from django.conf import settings
from django.utils import translation

from wagtail.models import Locale

import pytest

from portal.models import HomePage, TranslationRequest
from tests.factories.programmes import ProgrammeIndexPageFactory, ProgrammePageFactory
from tests.helpers import dom

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def translate(page, language_code, **changes):
    copy = page.copy_for_translation(Locale.objects.get(language_code=language_code), True)
    for field, value in changes.items():
        setattr(copy, field, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


@pytest.fixture
def programmes(catalogue):
    """Helpline: English, with a German translation. Schulprojekt: written in German, in the
    German catalogue, never translated."""
    german_catalogue = translate(catalogue, "de")
    helpline = ProgrammePageFactory(parent=catalogue, title="Helpline", slug="helpline")
    translate(helpline, "de", title="Hilfetelefon")
    school = ProgrammePageFactory(
        parent=german_catalogue, title="Schulprojekt", slug="schulprojekt"
    )
    return helpline, school


def prefixed(language, path):
    return path if language == "en" else f"/{language}{path}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_serves_the_shell_pages(client, catalogue, language):
    """No page that exists in English is a 404 in another language, Maltese included."""
    for path in ["/", catalogue.url, "/support/", "/search/", "/accounts/login/",
                 "/accounts/signup/", "/working-groups/", "/evidence/"]:  # fmt: skip
        response = client.get(prefixed(language, path))
        assert response.status_code == 200, (language, path)
        assert dom(response).find("html").attrs["lang"] == language


def test_an_untranslated_page_is_served_in_its_original_with_a_notice(client, programmes):
    helpline, _school = programmes
    response = client.get("/pl/programmes/helpline/")
    assert response.status_code == 200
    page = dom(response)
    assert page.find("html").attrs["lang"] == "pl"
    assert page.find("h1").text == "Helpline"
    assert page.find("h1").attrs["lang"] == "en"
    notice = page.find("aside", cls="translation-notice")
    with translation.override("pl"):
        expected = translation.gettext(
            "This page is not yet available in %(language)s. You are reading the original in "
            "%(original)s."
        ) % {"language": "Polski", "original": "angielski"}
    assert expected in notice.text
    assert expected.startswith("Ta strona")
    assert page.find("link", rel="canonical").attrs["href"].endswith("/programmes/helpline/")
    alternates = {link.attrs["hreflang"]: link.attrs["href"]
                  for link in page.find_all("link", rel="alternate")}  # fmt: skip
    assert sorted(alternates) == ["de", "en", "x-default"]
    assert alternates["de"].endswith("/de/programmes/helpline/")


def test_a_translated_page_has_no_notice_and_its_own_language(client, programmes):
    page = dom(client.get("/de/programmes/helpline/"))
    assert page.find("h1").text == "Hilfetelefon"
    assert "lang" not in page.find("h1").attrs
    assert page.find_all("aside", cls="translation-notice") == []


def test_a_page_written_in_another_language_is_found_from_every_prefix(client, programmes):
    for language in ["en", "fr", "mt"]:
        response = client.get(prefixed(language, "/programmes/schulprojekt/"))
        assert response.status_code == 200, language
        page = dom(response)
        assert page.find("h1").attrs["lang"] == "de"
        assert page.find("h1").text == "Schulprojekt"


def test_the_visitor_is_sent_to_their_translation_where_one_exists(client, programmes):
    """A German visitor following a link to the English page's address under /de/ reads the
    German version, even where its slug differs."""
    helpline, _school = programmes
    german = helpline.get_translation(Locale.objects.get(language_code="de"))
    german.slug = "hilfetelefon"
    german.save_revision().publish()
    response = client.get("/de/programmes/helpline/")
    assert response.status_code == 302
    assert response["Location"] == "/de/programmes/hilfetelefon/"


def test_unknown_pages_are_still_404(client, programmes):
    assert client.get("/pl/programmes/nothing-here/").status_code == 404


def test_the_catalogue_lists_every_programme_once_in_the_best_language(client, programmes):
    for language, expected in [
        ("de", ["Hilfetelefon", "Schulprojekt"]),
        ("pl", ["Helpline", "Schulprojekt"]),
        ("en", ["Helpline", "Schulprojekt"]),
    ]:
        page = dom(client.get(prefixed(language, "/programmes/")))
        titles = sorted(h.text for h in page.find_all("h3"))
        assert titles == expected, language


def test_links_keep_the_visitors_language(client, programmes):
    page = dom(client.get("/pl/programmes/"))
    hrefs = {a.attrs["href"] for a in page.find_all("a") if "helpline" in a.attrs.get("href", "")}
    assert hrefs == {"/pl/programmes/helpline/"}


def test_the_menu_keeps_the_visitors_language(client, catalogue):
    catalogue.show_in_menus = True
    catalogue.save_revision().publish()
    menu = dom(client.get("/fr/")).find("nav", cls="main-nav")
    assert [a.attrs["href"] for a in menu.find_all("a")] == ["/fr/programmes/"]


@pytest.mark.parametrize("path", ["/search/", "/support/", "/accounts/login/"])
def test_the_language_switcher_is_on_pages_that_are_not_cms_pages(client, home, path):
    switcher = dom(client.get(f"/pl{path}?q=x")).find("nav", cls="language-switcher")
    links = {a.attrs["lang"]: a.attrs["href"] for a in switcher.find_all("a")}
    assert sorted(links) == sorted(LANGUAGES)
    assert links["mt"] == f"/mt{path}?q=x"
    assert links["en"] == f"{path}?q=x"


def test_the_switcher_leads_to_each_real_translation(client, programmes):
    switcher = dom(client.get("/pl/programmes/helpline/")).find("nav", cls="language-switcher")
    links = {a.attrs["lang"]: a for a in switcher.find_all("a")}
    assert links["de"].attrs["href"] == "/de/programmes/helpline/"
    assert links["de"].attrs["hreflang"] == "de"
    assert links["en"].attrs["href"] == "/programmes/helpline/"
    assert links["el"].attrs["href"] == "/el/programmes/helpline/"
    assert "hreflang" not in links["el"].attrs  # not a translation: the English, in Greek UI


def test_the_sitemap_names_real_translations_only(client, programmes):
    body = client.get("/sitemap.xml").content.decode()
    assert "/de/programmes/schulprojekt/</loc>" in body
    assert "/de/programmes/helpline/</loc>" in body
    helpline_de = "http://localhost/de/programmes/helpline/"
    assert f'<xhtml:link rel="alternate" hreflang="de" href="{helpline_de}"/>' in body
    assert "/pl/" not in body


def test_visitors_can_ask_for_a_translation_once(client, programmes):
    helpline, _school = programmes
    form = {"page": helpline.pk, "next": "/pl/programmes/helpline/"}
    for _ in range(2):
        response = client.post("/pl/translations/ask/", form)
        assert response.status_code == 302
        assert response["Location"] == "/pl/programmes/helpline/"
    wish = TranslationRequest.objects.get()
    assert (wish.page_id, wish.language, wish.count) == (helpline.pk, "pl", 1)
    page = dom(client.get("/pl/programmes/helpline/"))
    with translation.override("pl"):
        thanks = translation.gettext(
            "Thank you: the editors know you would like this page in your language."
        )
    assert thanks in page.find("aside", cls="translation-notice").text
    assert thanks.startswith("Dziękujemy")


def test_asking_for_an_unknown_page_says_so(client, programmes):
    response = client.post("/pl/translations/ask/", {"page": "abc", "next": "https://evil.test/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not TranslationRequest.objects.exists()


def test_a_home_page_in_another_language_keeps_its_own_tree(client, home):
    """A language with its own home page but no catalogue still reaches the English one,
    and one with a catalogue of its own shows it."""
    english = ProgrammeIndexPageFactory(parent=home, slug="programmes", title="Programmes")
    translate(home, "fr")
    translate(english, "nl", title="Programma's")
    assert HomePage.objects.filter(locale__language_code="fr").exists()
    assert dom(client.get("/fr/programmes/")).find("h1").text == "Programmes"
    assert dom(client.get("/nl/programmes/")).find("h1").text == "Programma's"


def test_signing_in_keeps_the_visitors_language(client, home, django_user_model):
    django_user_model.objects.create_user(email="ana@example.org", password="a-long-password-1")
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.get(email="ana@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    response = client.post(
        "/pl/accounts/login/", {"login": "ana@example.org", "password": "a-long-password-1"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/pl/"


@pytest.mark.parametrize(
    ("prefix", "stored", "expected"),
    [
        ("/mt/", "/programmes/helpline/", "/mt/programmes/helpline/"),
        ("/mt/", "/de/programmes/schule/?x=1#a", "/mt/programmes/schule/?x=1#a"),
        ("/", "/de/programmes/schule/", "/de/programmes/schule/"),
        ("/mt/", "https://example.org/programmes/", "https://example.org/programmes/"),
    ],
)
def test_stored_addresses_are_read_under_the_visitors_prefix(rf, prefix, stored, expected):
    """Search hits store one address per document; a visitor under /mt/ follows them in
    Maltese."""
    from portal import i18n

    middleware = i18n.PrefixLanguageMiddleware(lambda request: i18n.visitor_url(stored))
    assert middleware(rf.get(prefix)) == expected
