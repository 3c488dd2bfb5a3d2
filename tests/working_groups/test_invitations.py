"""Coordinators invite people by e-mail address; the invited join with a verified address."""

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress

from tests.factories.portal import PASSWORD, UserFactory
from tests.helpers import dom, visible_text
from working_groups import membership as services
from working_groups.choices import ActivityKind, MembershipStatus
from working_groups.models import Activity, Invitation, Membership
from working_groups.models.groups import INVITATION_LIFETIME

pytestmark = pytest.mark.django_db


def invite_url(group):
    return f"/working-groups/{group.slug}/members/invite/"


def link_in(message, pattern):
    found = re.search(rf"https?://\S*({pattern})", message.body)
    assert found, message.body
    return found.group(1)


def invitation_path(message):
    return link_in(message, r"/working-groups/invitations/[\w-]+/")


def is_member(user, group):
    return Membership.objects.filter(
        user=user, group=group, status=MembershipStatus.ACTIVE
    ).exists()


def field_errors(response):
    """The error list Django links to the e-mail field (``aria-describedby``)."""
    return dom(response).find(id="id_email_error").text


# Sending invitations


def test_a_coordinator_invites_an_address(client, group, coordinator):
    client.force_login(coordinator)
    assert client.get(invite_url(group)).status_code == 200
    response = client.post(invite_url(group), {"email": " Jane.Doe@Example.ORG "}, follow=True)
    assert response.redirect_chain[-1][0] == f"/working-groups/{group.slug}/members/"
    invitation = Invitation.objects.get(group=group)
    assert invitation.email == "jane.doe@example.org"
    assert invitation.invited_by == coordinator
    assert "jane.doe@example.org" in visible_text(response)  # listed as open
    (message,) = mail.outbox
    assert message.to == ["jane.doe@example.org"]
    assert "Healthcare practitioners" in message.subject
    assert invitation_path(message) == f"/working-groups/invitations/{invitation.token}/"
    assert "/accounts/signup/" in message.body


def test_inviting_an_active_member_is_refused(client, group, coordinator, member):
    client.force_login(coordinator)
    response = client.post(invite_url(group), {"email": member.email.upper()})
    assert response.status_code == 200
    assert "already a member of this group" in field_errors(response)
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_an_open_invitation_is_not_sent_twice(client, group, coordinator):
    client.force_login(coordinator)
    client.post(invite_url(group), {"email": "jane@example.org"})
    response = client.post(invite_url(group), {"email": "JANE@example.org"})
    assert "already open" in field_errors(response)
    assert Invitation.objects.count() == 1
    assert len(mail.outbox) == 1


def test_an_expired_invitation_gives_way_to_a_new_one(group, coordinator):
    old = services.invite(group, "jane@example.org", by=coordinator)
    Invitation.objects.filter(pk=old.pk).update(created_at=timezone.now() - INVITATION_LIFETIME)
    new = services.invite(group, "jane@example.org", by=coordinator)
    assert new.token != old.token
    assert list(Invitation.objects.all()) == [new]


def test_an_invalid_address_is_refused(client, group, coordinator):
    client.force_login(coordinator)
    response = client.post(invite_url(group), {"email": "not an address"})
    assert response.status_code == 200
    assert "valid e-mail address" in field_errors(response)
    assert dom(response).find("input", name="email").attrs["value"] == "not an address"
    with pytest.raises(services.MembershipError):
        services.invite(group, "still@not@valid", by=coordinator)


def test_only_coordinators_invite(client, group, coordinator, member):
    client.force_login(member)
    assert client.get(invite_url(group)).status_code == 403
    assert client.post(invite_url(group), {"email": "jane@example.org"}).status_code == 403
    client.logout()
    assert client.get(invite_url(group)).status_code == 302


# Accepting as an existing member of the network


def test_an_invited_member_of_the_network_accepts(client, group, coordinator, outsider):
    invitation = services.invite(group, outsider.email.upper(), by=coordinator)
    path = invitation_path(mail.outbox[0])
    client.force_login(outsider)
    page = client.get(path)
    assert page.status_code == 200
    assert "Healthcare practitioners" in visible_text(page)
    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"] == f"/working-groups/{group.slug}/space/"
    assert is_member(outsider, group)
    invitation.refresh_from_db()
    assert invitation.accepted_by == outsider and invitation.accepted_at
    assert Activity.objects.filter(group=group, kind=ActivityKind.JOINED, actor=outsider).exists()


def test_an_invitation_activates_a_pending_request(group, coordinator, applicant):
    invitation = services.invite(group, applicant.email, by=coordinator)
    services.accept_invitation(invitation, applicant)
    assert is_member(applicant, group)


def test_the_wrong_person_cannot_accept(client, group, coordinator, outsider):
    invitation = services.invite(group, "jane.doe@example.org", by=coordinator)
    path = invitation_path(mail.outbox[0])
    client.force_login(outsider)
    page = client.get(path)
    assert "j***@example.org" in visible_text(page)
    assert "jane.doe@example.org" not in page.content.decode()
    response = client.post(path, follow=True)
    text = visible_text(response)
    assert "sent to j***@example.org" in text
    assert "jane.doe@example.org" not in response.content.decode()
    assert not is_member(outsider, group)
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_an_unverified_matching_address_is_not_enough(group, coordinator):
    user = UserFactory(email="jane@example.org", verified=False)
    invitation = services.invite(group, "jane@example.org", by=coordinator)
    with pytest.raises(services.MembershipError):
        services.accept_invitation(invitation, user)
    assert not is_member(user, group)


def test_anonymous_visitors_sign_in_first(client, group, coordinator):
    services.invite(group, "jane@example.org", by=coordinator)
    path = invitation_path(mail.outbox[0])
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={path}"


@pytest.mark.parametrize("state", ["expired", "used"])
def test_a_spent_invitation_shows_a_friendly_page(client, group, coordinator, outsider, state):
    invitation = services.invite(group, outsider.email, by=coordinator)
    if state == "expired":
        created = timezone.now() - INVITATION_LIFETIME - timedelta(minutes=1)
        Invitation.objects.filter(pk=invitation.pk).update(created_at=created)
    else:
        services.accept_invitation(invitation, outsider)
        Membership.objects.filter(user=outsider, group=group).delete()
    client.force_login(outsider)
    path = f"/working-groups/invitations/{invitation.token}/"
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 410
        assert "can no longer be used" in visible_text(response)
    assert not is_member(outsider, group)


def test_an_unknown_token_is_not_found(client, outsider):
    client.force_login(outsider)
    assert client.get("/working-groups/invitations/no-such-token/").status_code == 404


# Accepting by signing up


def test_signing_up_with_the_invited_address_joins_the_group(client, group, coordinator):
    services.invite(group, "new.person@example.org", by=coordinator)
    mail.outbox.clear()
    response = client.post(
        "/accounts/signup/",
        {
            "email": "New.Person@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "first_name": "Nora",
            "last_name": "Person",
        },
    )
    assert response.status_code == 302
    user = EmailAddress.objects.get(email__iexact="new.person@example.org").user
    assert not is_member(user, group)  # not before the address is confirmed
    assert user.public_name == "Nora Person"

    (confirmation,) = mail.outbox
    confirm_path = link_in(confirmation, r"/accounts/confirm-email/[^/\s]+/")
    assert client.get(confirm_path).status_code == 200
    response = client.post(confirm_path, follow=True)
    assert is_member(user, group)
    assert "You have joined the working group Healthcare practitioners." in visible_text(response)
    assert Invitation.objects.get(group=group).accepted_by == user


def test_confirming_an_address_accepts_every_open_invitation(group, other_group, coordinator):
    services.invite(group, "jane@example.org", by=coordinator)
    services.invite(other_group, "JANE@example.org", by=coordinator)
    user = UserFactory(email="jane@example.org")
    joined = services.accept_invitations_for(user)
    assert {g.pk for g in joined} == {group.pk, other_group.pk}
    assert services.accept_invitations_for(user) == []
