"""The translation coverage dashboard, through the real CMS (with its two-factor login)."""

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

import pytest

from campaigns.choices import MaterialKind
from tests.campaigns.test_translation_status import localize, republish
from tests.factories.campaigns import CampaignPageFactory, MaterialPageFactory, translate
from tests.factories.portal import EditorFactory, UserFactory, enable_totp
from tests.helpers import dom

pytestmark = pytest.mark.django_db

URL = "/admin/campaigns/translation-coverage/"


def sign_in(client, user):
    enable_totp(user)  # the CMS requires two-factor authentication
    client.force_login(user)
    return user


@pytest.fixture
def editor(client):
    return sign_in(client, EditorFactory())


@pytest.fixture
def materials(campaign, campaigns_index):
    """A poster translated into German (then changed), a guide in French, a video in nothing."""
    poster = MaterialPageFactory(parent=campaign, title="Sextortion poster")
    localize(poster, "de")
    republish(poster, summary="Changed after the German translation.")
    guide = MaterialPageFactory(parent=campaign, title="Guide for parents", kind=MaterialKind.GUIDE)
    translate(guide, "fr")
    other = CampaignPageFactory(parent=campaigns_index, title="ONE in FIVE")
    video = MaterialPageFactory(parent=other, title="Body safety video", kind=MaterialKind.VIDEO)
    return {"poster": poster, "guide": guide, "video": video, "other_campaign": other}


def matrix(response):
    """{material title: {language code: (status text, link)}} as the table shows it."""
    table = dom(response).find("table", cls="coverage-table")
    rows = {}
    for tr in table.find("tbody").find_all("tr"):
        title = tr.find("th").find("a").text
        rows[title] = {
            td.attrs["data-language"]: (td.find("a").text.split(":")[0], td.find("a").attrs["href"])
            for td in tr.find_all("td")
        }
    return rows


def columns(response):
    thead = dom(response).find("table", cls="coverage-table").find("thead")
    return [abbr.text for abbr in thead.find_all("abbr")]


def test_editors_see_every_original_by_every_language(client, editor, materials):
    response = client.get(URL)

    assert response.status_code == 200
    assert columns(response)[:3] == ["EN", "BG", "CS"]
    assert len(columns(response)) == 24
    table = matrix(response)
    assert set(table) == {"Sextortion poster", "Guide for parents", "Body safety video"}
    assert table["Sextortion poster"]["en"][0] == "Source"
    assert table["Sextortion poster"]["de"][0] == "Out of date"
    assert table["Sextortion poster"]["fr"][0] == "Missing"
    assert table["Guide for parents"]["fr"][0] == "Current"
    assert {status for status, _link in table["Body safety video"].values()} == {
        "Source",
        "Missing",
    }


def test_each_cell_leads_to_the_wagtail_localize_action_it_needs(client, editor, materials):
    poster, guide = materials["poster"], materials["guide"]
    table = matrix(client.get(URL))

    translate_url = table["Sextortion poster"]["pl"][1]
    assert translate_url.startswith(f"/admin/localize/submit/page/{poster.pk}/?select_locale=pl")
    source = TranslationSource.objects.get(object_id=poster.translation_key)
    sync_url = table["Sextortion poster"]["de"][1]
    assert sync_url.startswith(f"/admin/localize/update/{source.pk}/?next=")
    french = guide.get_translation(Locale.objects.get(language_code="fr"))
    assert table["Guide for parents"]["fr"][1] == f"/admin/pages/{french.pk}/edit/"
    assert table["Guide for parents"]["en"][1] == f"/admin/pages/{guide.pk}/edit/"


def test_cells_say_their_status_in_words_and_name_their_action(client, editor, materials):
    table = dom(client.get(URL, {"language": "pl"})).find("table", cls="coverage-table")
    video_row = next(tr for tr in table.find_all("tr") if "Body safety video" in tr.text)
    cell = video_row.find("td", **{"data-language": "pl"})

    assert cell.find("a").text == "Missing: Translate “Body safety video” into Polish"
    assert cell.find("span", cls="w-sr-only").text == ": Translate “Body safety video” into Polish"
    assert table.find("caption").text == "Translation status of 3 materials, by language"
    assert table.find("abbr").attrs["title"] == "Polish"


def test_following_translate_creates_the_translation_and_the_cell_follows(client, materials):
    sign_in(client, UserFactory(is_staff=True, is_superuser=True))
    translate_url = matrix(client.get(URL))["Body safety video"]["pl"][1]

    assert client.get(translate_url).status_code == 200
    polish = Locale.objects.get(language_code="pl")
    response = client.post(translate_url, {"locales": [polish.pk]})
    assert response.status_code == 302
    assert response.url.startswith(URL)  # back to the dashboard

    video_pl = materials["video"].get_translation(polish)
    response = client.get(URL, {"language": "pl"})
    # Started but not published: visitors still cannot read it, editors can carry on with it.
    assert matrix(response)["Body safety video"]["pl"] == (
        "Missing",
        f"/admin/pages/{video_pl.pk}/edit/",
    )
    assert "draft started" in dom(response).find("table", cls="coverage-table").text


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": "guide"}, {"Guide for parents"}),
        ({"status": "out_of_date"}, {"Sextortion poster"}),
        ({"status": "current"}, {"Guide for parents"}),
        ({"status": "missing", "language": "fr"}, {"Sextortion poster", "Body safety video"}),
    ],
)
def test_filters(client, editor, materials, filters, expected):
    assert set(matrix(client.get(URL, filters))) == expected


def test_the_campaign_and_language_filters(client, editor, materials):
    response = client.get(URL, {"campaign": materials["other_campaign"].pk, "language": "de"})

    assert columns(response) == ["DE"]
    table = matrix(response)
    assert list(table) == ["Body safety video"]
    assert list(table["Body safety video"]) == ["de"]
    assert table["Body safety video"]["de"][0] == "Missing"


def test_no_match_says_so(client, editor, materials):
    response = client.get(URL, {"kind": MaterialKind.BOOK})

    assert "No materials match these filters." in response.content.decode()


def test_translations_and_adaptations_are_not_rows(client, editor, materials, campaign):
    MaterialPageFactory(
        parent=campaign, title="Polish adaptation", adapted_from=materials["poster"]
    )

    assert "Polish adaptation" not in matrix(client.get(URL))
    assert len(matrix(client.get(URL))) == 3  # the French guide is a cell, not a row


def test_the_dashboard_needs_a_constant_number_of_queries(client, editor, campaign):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    first = MaterialPageFactory(parent=campaign)
    localize(first, "de")
    few = count()
    for index in range(6):
        page = MaterialPageFactory(parent=campaign)
        translate(page, ["fr", "it", "pl"][index % 3])
        if index % 2:
            localize(page, "nl")

    assert count() == few


def test_the_menu_shows_it_to_editors(client, editor):
    response = client.get(reverse("wagtailadmin_home"))

    assert "Translation coverage" in response.content.decode()
    assert URL in response.content.decode()


def test_staff_without_page_permissions_are_refused(client):
    reviewers = Group.objects.create(name="Reviewers")
    reviewers.permissions.add(Permission.objects.get(codename="access_admin"))
    user = sign_in(client, UserFactory(is_staff=True))
    user.groups.add(reviewers)

    response = client.get(URL)
    assert (response.status_code, response.url) == (302, "/admin/")  # Wagtail's "permission denied"
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_members_and_visitors_cannot_reach_it(client):
    assert client.get(URL).status_code == 302  # anonymous: to the login page
    sign_in(client, UserFactory())
    response = client.get(URL)
    assert response.status_code in (302, 403)
    assert not response.content or b"Translation coverage" not in response.content


def test_the_po_file_of_a_translation_can_be_downloaded(client, editor, materials):
    translation = localize(materials["guide"], "de")

    response = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    assert "attachment" in response["Content-Disposition"]
    assert 'msgid "Guide for parents"' in response.content.decode()
