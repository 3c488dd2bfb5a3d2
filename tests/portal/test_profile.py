"""Your own profile and account pages: editing the profile, the account navigation, and
staff addresses kept private. Other members' profiles are tested with the working groups
(``tests/working_groups/test_member_profile.py``)."""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

import pytest

from tests.factories.portal import PASSWORD, EditorFactory, UserFactory
from tests.factories.programmes import ProgrammePageFactory
from tests.helpers import dom, visible_text
from vocabularies.models import Country, Language, Practice

pytestmark = pytest.mark.django_db


def profile_data(**changes):
    data = {
        "first_name": "Mia",
        "last_name": "Member",
        "organisation": "Child Protection Centre",
        "country": Country.objects.get(code="FR").pk,
        "practice": Practice.objects.get(slug="social-work").pk,
        "is_researcher": "on",
        "working_languages": [
            language.pk for language in Language.objects.filter(code__in=["fr", "en"])
        ],
        "preferred_language": "fr",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


# Editing your own profile


def test_the_profile_page_needs_a_signed_in_member(client):
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_profile_form_labels_every_field(client):
    client.force_login(UserFactory())
    page = dom(client.get("/accounts/profile/"))
    form = page.find("form", cls="account-form")
    labels = {label.text for label in form.find_all("label")} | {
        legend.text for legend in form.find_all("legend")
    }
    assert {"First name:", "Last name:", "Organisation:", "Country:", "Practice:"} <= labels
    assert "I am a researcher" in " ".join(labels)
    assert "Working languages:" in labels
    assert page.find("h1").text == "Your profile"


def test_a_member_saves_their_profile(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post("/accounts/profile/", profile_data())
    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/"
    user.refresh_from_db()
    assert user.get_full_name() == "Mia Member"
    assert user.organisation == "Child Protection Centre"
    assert user.country.code == "FR"
    assert user.practice.slug == "social-work"
    assert user.is_researcher
    assert {language.code for language in user.working_languages.all()} == {"fr", "en"}
    assert "Your profile has been saved." in visible_text(client.get("/accounts/profile/"))


def test_a_member_can_clear_optional_fields(client):
    user = UserFactory(organisation="Old place", is_researcher=True)
    client.force_login(user)
    data = profile_data(organisation="", country="", practice="", is_researcher=None)
    data.pop("working_languages")
    assert client.post("/accounts/profile/", data).status_code == 302
    user.refresh_from_db()
    assert (user.organisation, user.country, user.practice) == ("", None, None)
    assert not user.is_researcher
    assert not user.working_languages.exists()


def test_errors_are_shown_and_what_was_typed_is_kept(client):
    user = UserFactory(first_name="Kept", organisation="Unchanged")
    client.force_login(user)
    response = client.post(
        "/accounts/profile/", profile_data(first_name="", organisation="New organisation")
    )
    assert response.status_code == 200
    page = dom(response)
    summary = page.find("div", cls="error-summary")
    assert "First name: This field is required." in summary.text
    assert page.find("input", name="organisation").attrs["value"] == "New organisation"
    assert page.find("input", name="first_name").attrs.get("aria-invalid") == "true"
    user.refresh_from_db()
    assert (user.first_name, user.organisation) == ("Kept", "Unchanged")


def test_an_unknown_country_is_refused(client):
    client.force_login(UserFactory())
    response = client.post("/accounts/profile/", profile_data(country="999999"))
    assert response.status_code == 200
    assert "Select a valid choice" in dom(response).find("div", cls="error-summary").text


def test_saving_the_profile_needs_the_csrf_token():
    user = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post("/accounts/profile/", profile_data()).status_code == 403
    client.get("/accounts/profile/")
    token = client.cookies["csrftoken"].value
    data = profile_data(csrfmiddlewaretoken=token, organisation="With a token")
    assert client.post("/accounts/profile/", data).status_code == 302
    user.refresh_from_db()
    assert user.organisation == "With a token"


# Staff e-mail addresses stay private


def test_pages_do_not_show_their_owners_email(client, catalogue):
    editor = EditorFactory(email="editor.private@example.org")
    programme = ProgrammePageFactory(parent=catalogue, title="Safe Steps", owner=editor)
    catalogue.owner = editor
    catalogue.save()
    for url in ["/", catalogue.url, programme.url]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "editor.private" not in response.content.decode(), url


# Header and account navigation


def test_the_header_links_to_working_groups_for_everyone(client, home):
    links = dom(client.get("/")).find("div", cls="site-header__tools").find_all("a")
    assert ("/working-groups/", "Working groups") in [(a.attrs["href"], a.text) for a in links]
    assert "Your account" not in [a.text for a in links]


def test_the_header_links_signed_in_members_to_their_account(client, home):
    client.force_login(UserFactory())
    tools = dom(client.get("/")).find("div", cls="site-header__tools")
    assert ("/accounts/profile/", "Your account") in [
        (a.attrs["href"], a.text) for a in tools.find_all("a")
    ]
    assert "Sign out" in [button.text for button in tools.find_all("button")]


@pytest.mark.parametrize(
    "url", ["/accounts/profile/", "/accounts/email/", "/accounts/password/change/",
            "/accounts/2fa/", "/accounts/data/", "/accounts/delete/"],
)  # fmt: skip
def test_account_pages_share_the_sites_layout_and_navigation(client, url):
    client.force_login(UserFactory())
    response = client.get(url)
    assert response.status_code == 200
    page = dom(response)
    assert page.find("header", cls="site-header")
    nav = page.find("nav", cls="account-nav")
    assert [a.text for a in nav.find_all("a")] == [
        "Profile",
        "My submissions",
        "My adaptations",
        "E-mail addresses",
        "Password",
        "Two-factor authentication",
        "Your data",
        "Delete account",
    ]
    assert [a.attrs["href"] for a in nav.find_all("a") if "aria-current" in a.attrs] == [url]


def test_the_sign_in_page_uses_the_sites_layout(client):
    page = dom(client.get("/accounts/login/"))
    assert page.find("header", cls="site-header")
    assert page.find("h1").text == "Sign In"
    assert not page.find_all("nav", cls="account-nav")
    assert "Sign In" in page.find("title").text


def test_sign_up_asks_for_a_name_so_groups_never_show_an_address(client):
    form = {"email": "someone@example.net", "password1": PASSWORD, "password2": PASSWORD}
    response = client.post("/accounts/signup/", form)
    assert response.status_code == 200  # the form comes back: the first name is required
    assert 'name="first_name"' in response.content.decode()
    assert not get_user_model().objects.filter(email="someone@example.net").exists()
    response = client.post("/accounts/signup/", {**form, "first_name": "Sam", "last_name": "Lee"})
    assert response.status_code == 302
    assert get_user_model().objects.get(email="someone@example.net").public_name == "Sam Lee"


def test_the_account_navigation_leads_to_the_members_submissions_and_adaptations(client):
    client.force_login(UserFactory())

    response = client.get("/accounts/profile/")

    nav = dom(response).find("nav", cls="account-nav")
    links = {a.text: a.attrs["href"] for a in nav.find_all("a")}
    assert links["My submissions"] == reverse("submissions:mine")
    assert links["My adaptations"] == reverse("campaigns:my_adaptations")
    assert client.get(links["My adaptations"]).status_code == 200
