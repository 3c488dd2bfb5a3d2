"""Signing in: e-mail addresses instead of usernames, always through allauth."""

from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import get_user_model

import pytest

from tests.factories.portal import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def redirect_target(response):
    """(path, next parameter) of a redirect."""
    assert response.status_code == 302
    url = urlsplit(response["Location"])
    return url.path, parse_qs(url.query).get("next", [None])[0]


def test_wagtails_login_is_routed_through_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert redirect_target(response) == ("/accounts/login/", "/admin/pages/")


@pytest.mark.parametrize(
    "unsafe", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_an_unsafe_next_is_dropped(client, unsafe):
    response = client.get("/admin/login/", {"next": unsafe})
    assert redirect_target(response) == ("/accounts/login/", "/admin/")


def test_admin_login_without_next_goes_to_the_admin_home(client):
    assert redirect_target(client.get("/admin/login/")) == ("/accounts/login/", "/admin/")


def test_the_admin_login_route_accepts_only_get(client):
    assert client.post("/admin/login/", {"email": "a@b.c"}).status_code == 405


def test_the_admin_sends_anonymous_visitors_to_the_login(client):
    path, next_url = redirect_target(client.get("/admin/"))
    assert path == "/accounts/login/"
    assert next_url == "/admin/"


def test_the_login_page_asks_for_an_email_address(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert 'type="email"' in response.content.decode()


def test_the_django_admin_is_not_exposed(client, home):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404


def test_members_have_no_username():
    User = get_user_model()
    assert User.USERNAME_FIELD == "email"
    assert "username" not in {field.name for field in User._meta.get_fields()}


def test_create_user_with_an_email_address():
    user = get_user_model().objects.create_user(email="Person@Example.ORG", password=PASSWORD)
    assert user.email == "Person@example.org"  # the domain is normalised
    assert user.check_password(PASSWORD)
    assert not user.is_staff and not user.is_superuser


def test_an_email_address_is_required():
    with pytest.raises(ValueError):
        get_user_model().objects.create_user(email="", password=PASSWORD)


def test_create_superuser():
    user = get_user_model().objects.create_superuser(email="admin@example.org", password=PASSWORD)
    assert user.is_staff and user.is_superuser


def test_a_member_logs_in_with_email_and_password(client):
    user = UserFactory()
    response = client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_wrong_password_does_not_log_in(client):
    user = UserFactory()
    response = client.post("/accounts/login/", {"login": user.email, "password": "wrong-one!"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_login_keeps_a_safe_next(client):
    user = UserFactory()
    response = client.post(
        "/accounts/login/?next=/admin/pages/", {"login": user.email, "password": PASSWORD}
    )
    assert response["Location"] == "/admin/pages/"
