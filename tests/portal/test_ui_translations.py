"""The interface speaks all 24 official languages of the EU.

The catalogues live in portal/locale/<language>/LC_MESSAGES/django.po and are compiled to
django.mo, which is committed (a fresh machine has no msgfmt). After adding or changing a
UI string, run `make messages`, translate the new entries and commit both files: the
catalogue tests below fail until every entry is translated and the .mo matches the .po.
"""

import ast
import gettext
import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

import pytest

from tests.helpers import dom

pytestmark = pytest.mark.django_db

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
TRANSLATED = tuple(code for code, _name in settings.LANGUAGES if code != "en")

# A few strings from the site shell, per language: (English, German, French).
SKIP_LINK = ("Skip to main content", "Zum Hauptinhalt springen", "Aller au contenu principal")
SEARCH_BUTTON = ("Search", "Suche", "Rechercher")
HELP_BAR = (
    "Worried about your own sexual thoughts about children, or about someone else? "
    "Confidential help exists.",
    "Machen Sie sich Sorgen wegen eigener sexueller Gedanken über Kinder oder wegen einer "
    "anderen Person? Es gibt vertrauliche Hilfe.",
    "Vous vous inquiétez de vos propres pensées sexuelles concernant des enfants, ou pour une "
    "autre personne ? Une aide confidentielle existe.",  # a no-break space before "?"
)
HELP_LINK = ("Find help in your country", "Hilfe in Ihrem Land finden",
             "Trouver de l'aide dans votre pays")  # fmt: skip
FOOTER = (
    "This site sets no tracking cookies",
    "Diese Website setzt keine Tracking-Cookies",
    "Ce site ne dépose aucun cookie de suivi",
)
COLUMN = {"en": 0, "de": 1, "fr": 2}


def shell(response):
    """The words of the site shell a visitor meets on every page."""
    page = dom(response)
    return {
        "lang": page.find("html").attrs["lang"],
        "skip link": page.find("a", cls="skip-link").text,
        "search button": page.find("form", cls="site-search").find("button").text,
        "help bar": page.find("div", cls="help-bar").text,
        "footer": page.find("footer").text,
    }


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_the_home_page_shell_speaks_the_visitors_language(client, home, language):
    response = client.get("/" if language == "en" else f"/{language}/")
    assert response.status_code == 200
    words = shell(response)
    column = COLUMN[language]
    assert words["lang"] == language
    assert words["skip link"] == SKIP_LINK[column]
    assert words["search button"] == SEARCH_BUTTON[column]
    assert HELP_BAR[column] in words["help bar"]
    assert HELP_LINK[column] in words["help bar"]
    assert FOOTER[column] in words["footer"]


@pytest.mark.parametrize("language", ["pl", "mt", "el", "ga"])
def test_every_language_has_its_own_shell(client, home, language):
    """Polish, Maltese, Greek and Irish read their own words, none of them English, even the
    short ones Django and Wagtail also translate ("Search")."""
    english = shell(client.get("/"))
    words = shell(client.get(f"/{language}/"))
    assert words["lang"] == language
    for part in ["skip link", "search button", "help bar", "footer"]:
        assert words[part] != english[part], (language, part)
    with translation.override(language):
        assert words["skip link"] == translation.gettext("Skip to main content")
        assert words["search button"] == translation.gettext("Search")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ["Suchen nach", "Programme, Evaluationen, Berichte, Hilfsangebote …"]),
        ("fr", ["Texte à rechercher", "Programmes, évaluations, rapports, services d'aide…"]),
    ],
)
def test_the_search_page_is_translated(client, home, language, expected):
    page = dom(client.get(f"/{language}/search/"))
    assert page.find("h1").text == SEARCH_BUTTON[COLUMN[language]]
    label, placeholder = expected
    assert page.find("label", **{"for": "search-q"}).text == label
    assert page.find("input", id="search-q").attrs["placeholder"] == placeholder


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ["Arbeitsgruppen", "Nach Berufsfeld", "Nach Programm (Zielgruppe)",
                "Noch keine Gruppe dieser Art."]),
        ("fr", ["Groupes de travail", "Par domaine professionnel", "Par programme (public cible)",
                "Aucun groupe de ce type pour l'instant."]),
    ],
)  # fmt: skip
def test_the_working_groups_index_is_translated(client, home, language, expected):
    page = dom(client.get(f"/{language}/working-groups/"))
    heading, by_practice, by_programme, empty = expected
    assert page.find("h1").text == heading
    assert [h2.text for h2 in page.find_all("h2")] == [by_practice, by_programme]
    assert page.find("p", cls="empty").text == empty


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ["Hilfe finden", "Vertrauliche Angebote für Menschen"]),
        ("fr", ["Trouver de l'aide", "Des services confidentiels pour les personnes"]),
    ],
)
def test_the_support_page_is_translated(client, home, language, expected):
    page = dom(client.get(f"/{language}/support/"))
    heading, lead = expected
    assert page.find("h1").text == heading
    assert page.find("p", cls="lead").text.startswith(lead)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("de", ["Programme filtern", "Programme anzeigen",
                ["Zielgruppe", "Berufsfeld", "Präventionsebene", "Land", "Evidenzbewertung"]]),
        ("fr", ["Filtrer les programmes", "Afficher les programmes",
                ["Public cible", "Domaine professionnel", "Niveau de prévention", "Pays",
                 "Niveau de preuve"]]),
    ],
)  # fmt: skip
def test_the_catalogue_filters_are_translated(client, catalogue, language, expected):
    response = client.get(f"/{language}{catalogue.url}")
    assert response.status_code == 200
    page = dom(response)
    heading, button, legends = expected
    filters = page.find("aside", cls="filters")
    assert filters.find("h2").text == heading
    assert filters.find("button").text == button
    assert [legend.text for legend in filters.find_all("legend")] == legends


# The catalogues themselves


def read_po(path):
    """The entries of a .po file as written by makemessages (entries apart by a blank line):
    [{"msgctxt", "msgid", "msgid_plural", "msgstr": {form: text}, "flags"}], header included,
    obsolete (#~) entries left out."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines()]
        entry = {"msgctxt": None, "msgid_plural": None, "msgstr": {}, "flags": set()}
        field = None
        for line in lines:
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                kind, form = field
                if kind == "msgstr":
                    entry["msgstr"][form] += ast.literal_eval(line)
                else:
                    entry[kind] += ast.literal_eval(line)
            else:
                keyword, _, value = line.partition(" ")
                plural_form = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
                if plural_form or keyword == "msgstr":
                    field = ("msgstr", int(plural_form.group(1)) if plural_form else 0)
                    entry["msgstr"][field[1]] = ast.literal_eval(value)
                else:
                    field = (keyword, None)
                    entry[keyword] = ast.literal_eval(value)
        if "msgid" in entry:  # not a block of comments or obsolete (#~) entries only
            entries.append(entry)
    return entries


def catalogue(language):
    entries = read_po(LOCALE_DIR / language / "LC_MESSAGES" / "django.po")
    header = next(entry for entry in entries if entry["msgid"] == "")
    return header, [entry for entry in entries if entry["msgid"] != ""]


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
TAG = re.compile(r"<[^>]+>")


def untranslated(entries, forms):
    """The msgids whose translation is missing or blank (in any of ``forms`` plural forms)."""
    return [
        entry["msgid"]
        for entry in entries
        if sorted(entry["msgstr"]) != list(range(forms if entry["msgid_plural"] else 1))
        or not all(text.strip() for text in entry["msgstr"].values())
    ]


def compiled_catalogue(mo_path):
    """The translations a compiled .mo holds, as gettext reads them (header left out)."""
    with open(mo_path, "rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    compiled.pop("", None)
    return compiled


def expected_catalogue(entries):
    """What a .mo compiled from these .po entries must hold, keyed as gettext keys it."""
    expected = {}
    for entry in entries:
        key = entry["msgid"]
        if entry["msgctxt"] is not None:
            key = f"{entry['msgctxt']}\x04{key}"
        if entry["msgid_plural"]:
            expected.update({(key, n): text for n, text in entry["msgstr"].items()})
        else:
            expected[key] = entry["msgstr"][0]
    return expected


def damaged(entries, placeholder=PLACEHOLDER):
    """(msgid, msgstr) of translations whose placeholders, tags or line breaks are not the
    msgid's."""
    wrong = []
    for entry in entries:
        for n, text in entry["msgstr"].items():
            source = entry["msgid_plural"] if n and entry["msgid_plural"] else entry["msgid"]
            if (
                sorted(placeholder.findall(source)) != sorted(placeholder.findall(text))
                or sorted(TAG.findall(source)) != sorted(TAG.findall(text))
                or source.count("\n") != text.count("\n")
            ):
                wrong.append((entry["msgid"], text))
    return wrong


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_ui_string_is_translated(language):
    header, entries = catalogue(language)
    assert len(entries) > 700
    assert "fuzzy" not in header["flags"]
    assert f"Language: {language}\n" in header["msgstr"][0]
    forms = int(re.search(r"Plural-Forms: nplurals=(\d+);", header["msgstr"][0]).group(1))
    fuzzy = [entry["msgid"] for entry in entries if "fuzzy" in entry["flags"]]
    assert fuzzy == []
    assert untranslated(entries, forms) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_placeholders_and_markup(language):
    _header, entries = catalogue(language)
    assert damaged(entries) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_compiled_catalogue_matches_the_po_file(language):
    """The committed .mo holds exactly the .po's translations: rerun compilemessages if not."""
    _header, entries = catalogue(language)
    mo = LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"
    assert compiled_catalogue(mo) == expected_catalogue(entries)


OUTDATED = {
    "de": re.compile(r"kinderporn", re.IGNORECASE),
    "fr": re.compile(r"p[ée]dopornograph|pornographie\s+(enfantine|infantile)", re.I),
}
# "Child pornography" in every alphabet the EU writes in: Latin, Greek and Cyrillic.
PORNOGRAPHY = re.compile(r"porno|πορνο|порно", re.IGNORECASE)
CSAM = {
    "de": "Darstellungen sexuellen Kindesmissbrauchs (CSAM) melden",
    "fr": "Signaler du matériel d'abus sexuels sur enfants (CSAM)",
}


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_use_the_luxembourg_terminology(language):
    """Say "child sexual abuse material (CSAM)", never "child pornography": in German
    "Darstellungen sexuellen Kindesmissbrauchs", in French "matériel d'abus sexuels sur
    enfants", and in every language the abbreviation CSAM kept beside it."""
    _header, entries = catalogue(language)
    texts = [text for entry in entries for text in entry["msgstr"].values()]
    outdated = OUTDATED.get(language, PORNOGRAPHY)
    assert [text for text in texts if outdated.search(text) or PORNOGRAPHY.search(text)] == []
    csam = next(e for e in entries if e["msgid"] == "Report child sexual abuse material (CSAM)")
    assert "(CSAM)" in csam["msgstr"][0]
    if language in CSAM:
        assert csam["msgstr"][0] == CSAM[language]
