"""Another member's profile at /members/<id>/: who may see it (the person and members of a
group they share), what it shows, and never the e-mail address."""

import pytest

from tests.factories.portal import UserFactory
from tests.factories.working_groups import (
    MembershipFactory,
    PendingMembershipFactory,
    WorkingGroupFactory,
)
from tests.helpers import dom, visible_text
from vocabularies.models import Country, Language, Practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(db):
    return WorkingGroupFactory(name="Healthcare practitioners", slug="healthcare")


@pytest.fixture
def person(group):
    """A member with a full profile, in ``group`` and in one more group."""
    user = UserFactory(
        first_name="Rosa",
        last_name="Researcher",
        email="rosa.private@example.org",
        organisation="Institute of Prevention",
        country=Country.objects.get(code="DE"),
        practice=Practice.objects.get(slug="research"),
        is_researcher=True,
        working_languages=list(Language.objects.filter(code__in=["de", "fr"])),
    )
    MembershipFactory(group=group, user=user)
    MembershipFactory(group=WorkingGroupFactory(name="Prison and probation"), user=user)
    return user


@pytest.fixture
def colleague(group):
    """Shares ``group`` with ``person``."""
    return MembershipFactory(group=group).user


def test_a_member_of_a_shared_group_sees_the_profile(client, person, colleague, group):
    client.force_login(colleague)
    response = client.get(f"/members/{person.pk}/")
    assert response.status_code == 200
    text = visible_text(response)
    for shown in ["Rosa Researcher", "Institute of Prevention", "Germany", "Research",
                  "Researcher", "French", "German"]:  # fmt: skip
        assert shown in text
    shared = dom(response).find("main").find_all("a", href=group.get_absolute_url())
    assert [a.text for a in shared] == ["Healthcare practitioners"]
    assert "Prison and probation" not in text  # a group they do not share


def test_a_profile_never_shows_the_email_address(client, person, colleague):
    for viewer in (colleague, person):
        client.force_login(viewer)
        content = client.get(f"/members/{person.pk}/").content.decode()
        assert "rosa.private@example.org" not in content
        assert "rosa.private" not in content


def test_a_member_sees_their_own_profile_with_all_their_groups(client, person):
    client.force_login(person)
    text = visible_text(client.get(f"/members/{person.pk}/"))
    assert "Healthcare practitioners" in text
    assert "Prison and probation" in text


def test_anonymous_visitors_are_sent_to_sign_in(client, person):
    response = client.get(f"/members/{person.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_members_who_share_no_group_get_not_found(client, person):
    client.force_login(MembershipFactory(group=WorkingGroupFactory()).user)
    assert client.get(f"/members/{person.pk}/").status_code == 404


def test_a_pending_applicant_does_not_see_the_groups_members(client, person, group):
    client.force_login(PendingMembershipFactory(group=group).user)
    assert client.get(f"/members/{person.pk}/").status_code == 404


def test_an_unknown_id_and_a_hidden_profile_look_the_same(client, person):
    client.force_login(UserFactory())
    hidden = client.get(f"/members/{person.pk}/")
    unknown = client.get("/members/999999/")
    assert hidden.status_code == unknown.status_code == 404
    assert visible_text(hidden) == visible_text(unknown)


def test_a_deactivated_members_profile_is_not_shown(client, person, colleague):
    person.is_active = False
    person.save()
    client.force_login(colleague)
    assert client.get(f"/members/{person.pk}/").status_code == 404


def test_a_profile_is_read_only(client, person, colleague):
    client.force_login(colleague)
    assert client.post(f"/members/{person.pk}/").status_code == 405


def test_a_member_without_a_name_is_not_shown_by_email(client, group, colleague):
    nameless = MembershipFactory(group=group, user__first_name="", user__last_name="").user
    client.force_login(colleague)
    response = client.get(f"/members/{nameless.pk}/")
    assert dom(response).find("h1").text == "Unnamed member"
    assert nameless.email not in response.content.decode()
