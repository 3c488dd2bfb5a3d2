"""A member's preferred language: kept from sign-up, changed on the profile page, and the
language of allauth's e-mails and of the account-deletion notice."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation

import pytest

from tests.factories.portal import PASSWORD, UserFactory
from tests.helpers import dom

from .test_profile import profile_data

pytestmark = pytest.mark.django_db

SIGN_UP = {
    "email": "lena@example.de",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "first_name": "Lena",
}


def signup_url(language):
    with translation.override(language):
        return reverse("account_signup")


# Signing up


@pytest.mark.urls("tests.portal.urls_localized_accounts")
def test_signing_up_in_german_keeps_german_and_confirms_in_german(client):
    assert signup_url("de") == "/de/accounts/signup/"
    response = client.post(signup_url("de"), SIGN_UP)
    assert response.status_code == 302
    user = get_user_model().objects.get(email="lena@example.de")
    assert user.preferred_language == "de"
    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "de"
    assert "Bitte bestätige deine E-Mail-Adresse" in message.subject  # allauth's German
    assert "/de/accounts/confirm-email/" in message.body


def test_signing_up_in_english_keeps_english(client):
    assert client.post(signup_url("en"), SIGN_UP).status_code == 302
    assert get_user_model().objects.get(email="lena@example.de").preferred_language == "en"
    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "en"


# allauth's e-mails follow the member, not the page


def test_a_password_reset_asked_for_in_english_reaches_a_polish_member_in_polish(client):
    member = UserFactory(preferred_language="pl")
    response = client.post(reverse("account_reset_password"), {"email": member.email})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [member.email]
    assert message.extra_headers["Content-Language"] == "pl"
    assert "E-mail z resetowaniem hasła" in message.subject  # allauth's Polish


def test_a_password_reset_for_an_unknown_address_is_in_the_pages_language(client):
    client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    [message] = mail.outbox
    assert message.extra_headers["Content-Language"] == "en"


# The profile page


def test_the_profile_offers_every_language_by_its_own_name(client):
    client.force_login(UserFactory())
    select = dom(client.get("/accounts/profile/")).find("select", id="id_preferred_language")
    options = select.find_all("option")
    assert [(o.attrs["value"], o.text) for o in options] == list(settings.LANGUAGES)
    assert len(options) == 24
    # Each name is marked with its own language, for screen readers.
    assert all(o.attrs["lang"] == o.attrs["value"] for o in options)
    [chosen] = [o for o in options if "selected" in o.attrs]
    assert chosen.attrs["value"] == "en"


def test_a_member_changes_their_language(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/accounts/profile/", profile_data(preferred_language="pl"))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.preferred_language == "pl"


def test_a_language_the_portal_does_not_offer_is_refused(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/accounts/profile/", profile_data(preferred_language="uk"))
    assert response.status_code == 200
    assert "uk is not one of the available choices" in response.content.decode()
    user.refresh_from_db()
    assert user.preferred_language == "en"


# Deleting the account


def test_the_deletion_notice_is_in_the_members_language(client):
    member = UserFactory(preferred_language="de")
    client.force_login(member)
    client.post("/accounts/reauthenticate/?next=/accounts/delete/", {"password": PASSWORD})
    mail.outbox.clear()
    response = client.post("/accounts/delete/", {"confirm": "on"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [member.email]
    assert message.subject == "Ihr Konto wurde gelöscht"
    assert message.extra_headers["Content-Language"] == "de"
