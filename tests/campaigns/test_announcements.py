"""Announcing an adaptation ("we are adapting this into Polish for Poland") so that nobody
starts the same work twice; announcements close when the adaptation is published, or lapse."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import formats, timezone

import pytest

from campaigns.adaptations import announce
from campaigns.models import AdaptationAnnouncement, MaterialPage
from campaigns.models.adaptations import GRACE
from tests.factories.campaigns import MaterialPageFactory, country, language
from tests.factories.portal import UserFactory
from tests.helpers import dom, visible_text

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 3, 1)


@pytest.fixture
def source(campaign):
    return MaterialPageFactory(parent=campaign, title="Say No! poster", language_of_origin="en")


@pytest.fixture
def member(db):
    return UserFactory(country=country("PL"), organisation="Fundacja Dajemy Dzieciom Siłę")


def announce_url(material):
    return f"/materials/{material.pk}/announce/"


def in_a_month():
    return timezone.localdate() + datetime.timedelta(days=30)


def polish(**overrides):
    return {
        "language": language("pl").pk,
        "target_date": in_a_month().isoformat(),
        "organisation": "Fundacja Dajemy Dzieciom Siłę",
        **overrides,
    }


def panel(client, material):
    response = client.get(material.url)
    assert response.status_code == 200
    return dom(response).find("section", cls="material-adaptations")


def test_a_member_announces_and_it_shows_on_the_material(client, member, source):
    client.force_login(member)
    response = client.post(announce_url(source), polish(), follow=True)
    assert response.redirect_chain[-1][0] == source.url
    assert "your announcement is shown on the material" in visible_text(response)
    announcement = AdaptationAnnouncement.objects.get()
    assert (announcement.material_id, announcement.announced_by) == (source.pk, member)
    assert (announcement.country.code, announcement.language.code) == ("PL", "pl")
    client.logout()
    expected = (
        "Being adapted into Polish for Poland by Fundacja Dajemy Dzieciom Siłę, expected by "
        f"{formats.date_format(in_a_month(), 'DATE_FORMAT')}."
    )
    assert expected in panel(client, source).text


def test_the_form_asks_for_language_date_and_organisation(client, member, source):
    client.force_login(member)
    response = client.get(announce_url(source))
    assert response.status_code == 200
    form = dom(response).find("form", cls="adapt-form")
    assert form.find("input", name="organisation").attrs["value"] == member.organisation
    assert form.find("input", name="target_date").attrs["type"] == "date"
    assert form.find("select", name="language")


def test_a_duplicate_is_refused_naming_who_and_when(client, member, source):
    announce(source, member, country("PL"), language("pl"), in_a_month(), "FDDS")
    client.force_login(UserFactory(country=country("PL"), organisation="Another NGO"))
    response = client.post(announce_url(source), polish(organisation="Another NGO"))
    assert response.status_code == 200
    text = visible_text(response)
    assert "FDDS announced an adaptation into Polish for Poland on" in text
    assert "Contact them instead of starting the same work twice." in text
    assert AdaptationAnnouncement.objects.count() == 1


def test_the_same_member_is_reminded_of_their_own(member, source):
    announce(source, member, country("PL"), language("pl"), in_a_month(), "FDDS")
    with pytest.raises(ValidationError, match="You announced an adaptation into Polish"):
        announce(source, member, country("PL"), language("pl"), in_a_month(), "FDDS")


def test_another_language_or_country_is_not_a_duplicate(member, source):
    announce(source, member, country("PL"), language("pl"), in_a_month(), "FDDS")
    announce(source, member, country("PL"), language("uk"), in_a_month(), "FDDS")
    announce(source, member, country("DE"), language("pl"), in_a_month(), "FDDS")
    assert AdaptationAnnouncement.objects.count() == 3


def test_a_past_date_is_refused(client, member, source):
    client.force_login(member)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    response = client.post(announce_url(source), polish(target_date=yesterday.isoformat()))
    assert response.status_code == 200
    assert "The date is in the past." in visible_text(response)
    form = dom(response).find("form", cls="adapt-form")
    assert form.find("input", name="organisation").attrs["value"] == polish()["organisation"]
    assert not AdaptationAnnouncement.objects.exists()
    with pytest.raises(ValidationError, match="in the past"):
        announce(source, member, country("PL"), language("pl"), TODAY, "FDDS", today=TODAY + GRACE)
    announce(source, member, country("PL"), language("pl"), TODAY, "FDDS", today=TODAY)


def test_it_lapses_exactly_90_days_after_its_date(member, source):
    announced = announce(source, member, country("PL"), language("pl"), TODAY, "", today=TODAY)
    last_day = TODAY + datetime.timedelta(days=90)
    assert announced.expires_on == last_day
    assert list(AdaptationAnnouncement.objects.active(today=last_day)) == [announced]
    assert not AdaptationAnnouncement.objects.expired(today=last_day).exists()
    day_after = last_day + datetime.timedelta(days=1)
    assert not AdaptationAnnouncement.objects.active(today=day_after).exists()
    assert list(AdaptationAnnouncement.objects.expired(today=day_after)) == [announced]
    # Once lapsed, someone else may announce the same work.
    with pytest.raises(ValidationError):
        announce(source, member, country("PL"), language("pl"), last_day, "", today=last_day)
    announce(source, member, country("PL"), language("pl"), day_after, "", today=day_after)


def test_a_lapsed_announcement_is_not_shown(client, member, source):
    long_ago = timezone.localdate() - GRACE - datetime.timedelta(days=1)
    AdaptationAnnouncement.objects.create(
        material=source,
        announced_by=member,
        country=country("PL"),
        language=language("pl"),
        target_date=long_ago,
        organisation="FDDS",
    )
    assert "Being adapted" not in panel(client, source).text


def test_publishing_the_linked_adaptation_closes_it(client, member, source):
    client.force_login(member)
    client.post(announce_url(source), polish(organisation="FDDS"))
    client.post(
        f"/materials/{source.pk}/adapt/",
        {
            "title": "Powiedz nie!",
            "language": language("pl").pk,
            "owner_organisation": "FDDS",
            "summary": "Plakat dla nastolatków.",
            "changed_helplines": "Telefon zaufania 116 111.",
        },
    )
    adaptation = MaterialPage.objects.get(title="Powiedz nie!")
    announcement = AdaptationAnnouncement.objects.get()
    assert announcement.adaptation == adaptation
    assert "Being adapted into Polish for Poland by FDDS" in panel(client, source).text
    adaptation.get_latest_revision().publish()
    assert not AdaptationAnnouncement.objects.active().exists()
    text = panel(client, source).text
    assert "Being adapted" not in text
    assert "Adapted in: 🇵🇱 Poland" in text


def test_anonymous_visitors_see_a_sign_in_link(client, source):
    section = panel(client, source)
    login = f"/accounts/login/?next=%2Fmaterials%2F{source.pk}%2Fadapt%2F"
    assert (login, "Sign in to adapt this material") in [
        (a.attrs["href"], a.text) for a in section.find_all("a")
    ]
    response = client.post(announce_url(source), polish())
    assert response["Location"].startswith("/accounts/login/")
    assert not AdaptationAnnouncement.objects.exists()


def test_members_see_the_buttons(client, member, source):
    client.force_login(member)
    texts = [a.text for a in panel(client, source).find_all("a", cls="button")]
    assert texts == ["Adapt this material", "Announce an adaptation"]


def test_a_member_without_a_country_cannot_announce(client, source):
    client.force_login(UserFactory(country=None))
    response = client.post(announce_url(source), polish())
    assert response.status_code == 403
    assert "Add your country to your profile" in visible_text(response)
    assert not AdaptationAnnouncement.objects.exists()


def test_only_live_materials_can_be_announced(client, member, campaign):
    draft = MaterialPageFactory(parent=campaign, live=False)
    client.force_login(member)
    assert client.post(announce_url(draft), polish()).status_code == 404
