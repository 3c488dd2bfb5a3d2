"""allauth's own pages and e-mails in Maltese, Irish and Portuguese.

allauth translates sign-in, sign-up, password reset, e-mail addresses and two-factor
authentication into every language of the portal but Maltese and Irish; for "pt" it has only
pt_PT (which gettext happened to find, Brazilianisms included) and pt_BR. portal/allauth_locale
gives it those three, after the portal's own catalogues in LOCALE_PATHS (see its README.md).
These tests read the catalogues themselves, so they say what a visitor must see without asking
Django's gettext.
"""

import ast
import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from django.utils import translation

import allauth
import pytest

from tests.factories.portal import UserFactory
from tests.helpers import dom

from .test_ui_translations import (
    compiled_catalogue,
    damaged,
    expected_catalogue,
    read_po,
    untranslated,
)

pytestmark = pytest.mark.django_db

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
ALLAUTH_LOCALE_DIR = settings.PROJECT_DIR / "allauth_locale"
LANGUAGES = ["mt", "ga", "pt"]
PLURAL_FORMS = {
    "mt": "nplurals=4; plural=(n==1 ? 0 : n==0 || ( n%100>1 && n%100<11) ? 1 : "
    "(n%100>10 && n%100<20 ) ? 2 : 3);",
    "ga": "nplurals=5; plural=(n==1 ? 0 : n==2 ? 1 : n<7 ? 2 : n<11 ? 3 : 4);",
    "pt": "nplurals=2; plural=(n != 1);",
}
# Where allauth's strings used by the apps the portal installs (account, mfa) live.
USED = ("account/", "mfa/", "templates/account/", "templates/mfa/", "templates/allauth/")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def po_path(language):
    return ALLAUTH_LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def catalogue(language):
    entries = read_po(po_path(language))
    header = next(entry for entry in entries if entry["msgid"] == "")
    return header, [entry for entry in entries if entry["msgid"] != ""]


def translated(language, msgid, context=None):
    """The msgstr this directory's catalogue gives ``msgid``."""
    _header, entries = catalogue(language)
    entry = next(e for e in entries if e["msgid"] == msgid and e["msgctxt"] == context)
    return entry["msgstr"][0]


def allauth_msgids_in_use():
    """(msgctxt, msgid) of each entry of allauth's English catalogue that one of the installed
    apps uses: any "#:" reference under USED."""
    path = Path(allauth.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"
    used = set()
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        references = [
            reference
            for line in block.splitlines()
            if line.startswith("#:")
            for reference in line[2:].split()
        ]
        fields, field = {"msgctxt": None}, None
        for line in block.splitlines():
            if line.startswith(("msgctxt ", "msgid ")):
                field, _, value = line.partition(" ")
                fields[field] = ast.literal_eval(value)
            elif line.startswith('"') and field:
                fields[field] += ast.literal_eval(line)
            else:
                field = None
        if fields.get("msgid") and any(r.startswith(USED) for r in references):
            used.add((fields["msgctxt"], fields["msgid"]))
    return used


# The settings


def test_the_portals_own_catalogues_come_first():
    assert settings.LOCALE_PATHS == [settings.PROJECT_DIR / "locale", ALLAUTH_LOCALE_DIR]
    assert ALLAUTH_LOCALE_DIR.name != "locale"  # so makemessages never writes there


# The catalogues


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated(language):
    header, entries = catalogue(language)
    assert "fuzzy" not in header["flags"]
    assert f"Language: {language}\n" in header["msgstr"][0]
    assert f"Plural-Forms: {PLURAL_FORMS[language]}\n" in header["msgstr"][0]
    forms = int(re.search(r"nplurals=(\d+);", PLURAL_FORMS[language]).group(1))
    assert [entry["msgid"] for entry in entries if "fuzzy" in entry["flags"]] == []
    assert untranslated(entries, forms) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_markup_and_line_breaks(language):
    _header, entries = catalogue(language)
    assert damaged(entries, PLACEHOLDER) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_holds_the_msgids_allauth_uses(language):
    """After an allauth upgrade, new msgids must be translated and old ones dropped (README)."""
    _header, entries = catalogue(language)
    assert {(entry["msgctxt"], entry["msgid"]) for entry in entries} == allauth_msgids_in_use()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_the_po_file(language):
    _header, entries = catalogue(language)
    mo = po_path(language).with_suffix(".mo")
    assert compiled_catalogue(mo) == expected_catalogue(entries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_words_the_portal_also_translates_read_the_same(language):
    """The portal's catalogue wins where both have a msgid ("Save"): this one must agree, or
    its translation would never be seen."""
    _header, ours = catalogue(language)
    portal = {
        (entry["msgctxt"], entry["msgid"]): entry["msgstr"]
        for entry in read_po(LOCALE_DIR / language / "LC_MESSAGES" / "django.po")
    }
    shared = [entry for entry in ours if (entry["msgctxt"], entry["msgid"]) in portal]
    assert shared  # "Save", "Cancel", "Password"...
    assert [
        entry["msgid"]
        for entry in shared
        if entry["msgstr"] != portal[(entry["msgctxt"], entry["msgid"])]
    ] == []


# What visitors and members see


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sign_in_page_is_in_the_visitors_language(client, language):
    response = client.get(f"/{language}/accounts/login/")
    assert response.status_code == 200
    page = dom(response)
    sign_in = translated(language, "Sign In")
    assert sign_in != "Sign In"
    assert page.find("html").attrs["lang"] == language
    assert page.find("title").text.startswith(sign_in)
    assert page.find("h1").text == sign_in
    form = page.find("form", action=f"/{language}/accounts/login/")
    assert form.find("button", type="submit").text == sign_in
    assert form.find("input", id="id_login").attrs["placeholder"] == translated(
        language, "Email address"
    )
    assert form.find("label", **{"for": "id_remember"}).text == (
        translated(language, "Remember Me") + ":"
    )
    assert form.find("span", cls="helptext").text == translated(language, "Forgot your password?")
    # The sentence around the sign-up link, its placeholders filled in.
    invitation = translated(
        language,
        "If you have not created an account yet, then please %(link)ssign up%(end_link)s first.",
    )
    expected = invitation % {"link": "", "end_link": ""}
    assert expected in [p.text for p in page.find_all("p")]


def test_an_allauth_email_reaches_a_maltese_member_in_maltese(client, mailoutbox):
    """The password-reset mail, asked for on an English page, in the member's Maltese."""
    member = UserFactory(preferred_language="mt")
    response = client.post(reverse("account_reset_password"), {"email": member.email})
    assert response.status_code == 302
    [message] = mailoutbox
    assert message.to == [member.email]
    assert message.extra_headers["Content-Language"] == "mt"
    subject = translated("mt", "Password Reset Email")
    assert subject != "Password Reset Email"
    assert message.subject.endswith(subject)
    reset = translated(
        "mt",
        "You're receiving this email because you or someone else has requested a password "
        "reset for your user account.\nIt can be safely ignored if you did not request a "
        "password reset. Click the link below to reset your password.",
    )
    assert reset in message.body
    assert "/mt/accounts/password/reset/key/" in message.body
    assert "You're receiving this email" not in message.body
    # The portal's name in Maltese, not the host the request came to ("testserver").
    with translation.override("mt"):
        site_name = str(settings.WAGTAIL_SITE_NAME)
    assert site_name == "Netwerk Ewropew għall-Prevenzjoni"
    assert message.subject == f"[{site_name}] {subject}"
    assert f"Tislijiet minn {site_name}!" in message.body
    assert message.body.endswith("!\ntestserver")  # the host its links lead to
