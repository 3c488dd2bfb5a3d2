"""Two-factor authentication: required of CMS users, asked for at every login once set up."""

from urllib.parse import parse_qs, urlsplit

from django.contrib.auth.models import Group
from django.core.checks import Warning as CheckWarning
from django.test import override_settings

import pytest

from portal.accounts.checks import rate_limit_cache_is_shared
from tests.factories.portal import PASSWORD, EditorFactory, UserFactory, enable_totp, totp_code
from tests.helpers import dom, visible_text

pytestmark = pytest.mark.django_db

SETUP_URL = "/accounts/2fa/totp/activate/"


def log_in(client, user, next_url="/admin/"):
    return client.post(
        f"/accounts/login/?next={next_url}", {"login": user.email, "password": PASSWORD}
    )


# CMS users without a second factor


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/"])
def test_cms_users_without_two_factor_are_sent_to_set_it_up(client, url):
    client.force_login(EditorFactory())
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == SETUP_URL


def test_superusers_are_sent_to_set_it_up_too(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/admin/")["Location"] == SETUP_URL


def test_they_are_told_why(client):
    client.force_login(EditorFactory())
    response = client.get("/admin/", follow=True)
    assert "Set up two-factor authentication before you use the CMS." in visible_text(response)


def test_a_moderator_without_two_factor_is_sent_to_set_it_up(client):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    assert client.get("/admin/")["Location"] == SETUP_URL


def test_recovery_codes_alone_are_not_a_second_factor(client):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    editor = EditorFactory()
    RecoveryCodes.activate(editor)
    client.force_login(editor)
    assert client.get("/admin/")["Location"] == SETUP_URL


def test_the_rest_of_the_site_stays_open_to_them(client, home):
    client.force_login(EditorFactory())
    assert client.get("/").status_code == 200
    assert client.get("/accounts/profile/").status_code == 200


def test_members_without_cms_access_are_never_affected(client, home):
    client.force_login(UserFactory(is_staff=True))  # staff flag, but no CMS permission
    assert client.get("/").status_code == 200
    response = client.get("/admin/")
    assert response["Location"] != SETUP_URL


def test_anonymous_visitors_still_go_to_the_login(client):
    response = client.get("/admin/")
    assert urlsplit(response["Location"]).path == "/accounts/login/"


def test_wagtails_login_still_redirects_to_allauth(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    url = urlsplit(response["Location"])
    assert (url.path, parse_qs(url.query)["next"]) == ("/accounts/login/", ["/admin/"])


# CMS users with a second factor


def test_a_cms_user_with_an_authenticator_app_reaches_the_cms(client):
    editor = EditorFactory()
    enable_totp(editor)
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_login_asks_for_the_code_before_signing_in(client):
    editor = EditorFactory()
    secret = enable_totp(editor)

    response = log_in(client, editor)
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session  # the password alone signs nobody in
    assert urlsplit(client.get("/admin/")["Location"]).path == "/accounts/login/"

    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.session["_auth_user_id"] == str(editor.pk)
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_does_not_sign_in(client):
    editor = EditorFactory()
    secret = enable_totp(editor)
    log_in(client, editor)
    wrong = f"{(int(totp_code(secret)) + 1) % 1_000_000:06d}"
    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert urlsplit(client.get("/admin/")["Location"]).path == "/accounts/login/"


def test_a_code_cannot_be_used_twice(client):
    editor = EditorFactory()
    secret = enable_totp(editor)
    code = totp_code(secret)
    log_in(client, editor)
    client.post("/accounts/2fa/authenticate/", {"code": code})
    client.post("/accounts/logout/")
    log_in(client, editor)
    response = client.post("/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_members_with_two_factor_are_asked_for_the_code_too(client, home):
    member = UserFactory()
    secret = enable_totp(member)
    response = log_in(client, member, next_url="/")
    assert urlsplit(response["Location"]).path == "/accounts/2fa/authenticate/"
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(member.pk)


def test_setting_up_an_authenticator_app_opens_the_cms(client):
    """The whole path an editor takes: sent to set up, confirm the password, scan, enter."""
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    editor = EditorFactory()
    client.force_login(editor)
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")
    response = client.post(
        f"/accounts/reauthenticate/?next={SETUP_URL}", {"password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert "Authenticator" in visible_text(response)
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(SETUP_URL, {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_secret_can_be_read_and_copied_and_the_qr_code_is_described(client):
    from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

    editor = EditorFactory()
    client.force_login(editor)
    client.post(f"/accounts/reauthenticate/?next={SETUP_URL}", {"password": PASSWORD})
    response = client.get(SETUP_URL)
    secret = client.session[SECRET_SESSION_KEY]
    page = dom(response)
    assert page.find("code", id="authenticator-secret").text == secret
    disabled = [field for field in page.find_all("input") if "disabled" in field.attrs]
    assert disabled == []  # allauth's disabled copy, which could not be selected
    [qr_code] = page.find_all("img")
    assert qr_code.attrs["alt"] == "QR code to scan with your authenticator app"
    assert secret not in qr_code.attrs["alt"]


# The webauthn and TOTP settings


def test_security_keys_and_authenticator_apps_are_offered(settings):
    assert settings.MFA_SUPPORTED_TYPES == ["totp", "recovery_codes", "webauthn"]
    assert settings.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN is settings.DEBUG is False


# The rate-limit cache check


@override_settings(
    DEBUG=False,
    CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
)
def test_a_per_process_cache_in_production_is_warned_about():
    [warning] = rate_limit_cache_is_shared(None)
    assert isinstance(warning, CheckWarning)
    assert warning.id == "portal.W001"
    assert "CACHE_URL" in warning.hint


@override_settings(
    DEBUG=False, CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
)
def test_no_cache_at_all_is_warned_about_too():
    assert [w.id for w in rate_limit_cache_is_shared(None)] == ["portal.W001"]


@override_settings(
    DEBUG=False,
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/1",
        }
    },
)
def test_a_shared_cache_is_fine():
    assert rate_limit_cache_is_shared(None) == []


@override_settings(
    DEBUG=True,
    CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
)
def test_development_is_not_warned():
    assert rate_limit_cache_is_shared(None) == []


def test_the_check_is_registered():
    from django.core import checks

    assert rate_limit_cache_is_shared in checks.registry.registry.get_checks()
