"""Asking to join, being admitted or declined, leaving, and coordinators running the group."""

from django.core import mail
from django.test import Client

import pytest

from portal.mail import absolute
from tests.factories.portal import UserFactory, enable_totp
from tests.factories.working_groups import CoordinatorFactory, MembershipFactory
from tests.helpers import dom, visible_text
from working_groups import membership as services
from working_groups.choices import ActivityKind, MembershipStatus, Role
from working_groups.models import Activity, Membership

pytestmark = pytest.mark.django_db


def url(group, tail=""):
    return f"/working-groups/{group.slug}/{tail}"


def change_url(membership, action):
    return url(membership.group, f"members/{membership.pk}/{action}/")


def membership(user, group):
    return Membership.objects.filter(user=user, group=group).first()


def messages_shown(response):
    return [p.text for p in dom(response).find_all("p", cls="message")]


# The services


def test_a_request_is_pending_and_coordinators_are_emailed(group, coordinator, outsider):
    request = services.request_to_join(outsider, group, "I work in a clinic.")
    assert request.status == MembershipStatus.PENDING
    assert request.motivation == "I work in a clinic."
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [coordinator.email]
    assert "Healthcare practitioners" in message.subject
    assert absolute(url(group, "members/")) in message.body
    assert "I work in a clinic." not in message.body  # nothing private in e-mail
    assert outsider.email not in message.body


def test_each_coordinator_gets_their_own_email(group, coordinator, outsider):
    second = CoordinatorFactory(group=group).user
    services.request_to_join(outsider, group, "")
    assert sorted(m.to for m in mail.outbox) == sorted([[coordinator.email], [second.email]])


def test_asking_twice_is_refused(group, applicant):
    with pytest.raises(services.MembershipError):
        services.request_to_join(applicant, group, "Again")


def test_approval_makes_a_member_emails_them_and_is_recorded(group, coordinator, applicant):
    pending = membership(applicant, group)
    services.approve(pending, by=coordinator)
    pending.refresh_from_db()
    assert pending.status == MembershipStatus.ACTIVE
    assert pending.decided_by == coordinator and pending.decided_at
    assert [m.to for m in mail.outbox] == [[applicant.email]]
    assert "space/" in mail.outbox[0].body
    assert Activity.objects.get(group=group, kind=ActivityKind.JOINED).actor == applicant


def test_a_decided_request_cannot_be_decided_again(group, coordinator, applicant):
    pending = membership(applicant, group)
    services.decline(pending, by=coordinator)
    with pytest.raises(services.MembershipError):
        services.approve(pending, by=coordinator)


def test_the_last_coordinator_can_neither_leave_nor_be_removed(group, coordinator, member):
    own = membership(coordinator, group)
    with pytest.raises(services.MembershipError, match="at least one coordinator"):
        services.leave(own)
    with pytest.raises(services.MembershipError, match="at least one coordinator"):
        services.remove(own, by=member)
    assert membership(coordinator, group).is_coordinator


def test_promoting_lets_the_former_only_coordinator_leave(group, coordinator, member):
    services.promote(membership(member, group), by=coordinator)
    services.leave(membership(coordinator, group))
    assert membership(coordinator, group) is None
    assert membership(member, group).is_coordinator


# Asking to join, through the site


def test_a_member_of_the_network_asks_to_join(client, group, coordinator, outsider):
    client.force_login(outsider)
    assert client.get(url(group, "join/")).status_code == 200
    response = client.post(url(group, "join/"), {"motivation": "I run a helpline."}, follow=True)
    assert response.redirect_chain[-1][0] == url(group)
    assert "Your request is waiting for a coordinator" in visible_text(response)
    assert membership(outsider, group).status == MembershipStatus.PENDING
    assert len(mail.outbox) == 1


def test_a_too_long_motivation_is_refused_and_kept(client, group, outsider):
    client.force_login(outsider)
    text = "x" * 1001
    response = client.post(url(group, "join/"), {"motivation": text})
    assert response.status_code == 200
    assert "at most 1000 characters" in visible_text(response)
    assert dom(response).find("textarea", name="motivation").text == text
    assert membership(outsider, group) is None


def test_anonymous_visitors_are_sent_to_sign_in(client, group):
    response = client.get(url(group, "join/"))
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url(group, 'join/')}"


def test_an_unverified_account_may_not_ask(client, group):
    client.force_login(UserFactory(verified=False))
    assert client.post(url(group, "join/"), {"motivation": ""}).status_code == 403


def test_a_member_asking_again_is_told_so(client, group, member):
    client.force_login(member)
    response = client.post(url(group, "join/"), {"motivation": ""}, follow=True)
    assert "already a member" in " ".join(messages_shown(response))


# Coordinators decide


def test_request_approval_and_welcome(client, group, coordinator, outsider):
    client.force_login(outsider)
    client.post(url(group, "join/"), {"motivation": "Please"})
    request = membership(outsider, group)
    mail.outbox.clear()

    client.force_login(coordinator)
    response = client.post(change_url(request, "approve"), follow=True)
    assert response.redirect_chain[-1][0] == url(group, "members/")
    assert "is now a member" in " ".join(messages_shown(response))
    assert [m.to for m in mail.outbox] == [[outsider.email]]
    assert "approved" in mail.outbox[0].body

    client.force_login(outsider)
    assert client.get(url(group, "members/")).status_code == 200


def test_a_declined_requester_is_told_politely_and_may_ask_again(
    client, group, coordinator, applicant
):
    request = membership(applicant, group)
    client.force_login(coordinator)
    client.post(change_url(request, "decline"))
    request.refresh_from_db()
    assert request.status == MembershipStatus.DECLINED
    assert [m.to for m in mail.outbox] == [[applicant.email]]
    assert "Thank you for your interest" in mail.outbox[0].body
    assert "welcome to ask again" in mail.outbox[0].body

    client.force_login(applicant)
    client.post(url(group, "join/"), {"motivation": "Trying again"})
    request.refresh_from_db()
    assert request.status == MembershipStatus.PENDING
    assert request.motivation == "Trying again"
    assert request.decided_by is None


@pytest.mark.parametrize("who", ["member", "outsider", "applicant"])
def test_only_coordinators_decide(client, group, coordinator, member, outsider, applicant, who):
    request = membership(applicant, group)
    client.force_login({"member": member, "outsider": outsider, "applicant": applicant}[who])
    assert client.post(change_url(request, "approve")).status_code == 403
    request.refresh_from_db()
    assert request.status == MembershipStatus.PENDING


def test_anonymous_changes_go_to_sign_in(client, group, applicant):
    response = client.post(change_url(membership(applicant, group), "approve"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_membership_of_another_group_is_not_found(client, group, other_group, coordinator):
    elsewhere = MembershipFactory(group=other_group, status=MembershipStatus.PENDING)
    client.force_login(coordinator)
    response = client.post(url(group, f"members/{elsewhere.pk}/approve/"))
    assert response.status_code == 404


def test_an_unknown_action_is_not_found(client, group, coordinator, member):
    client.force_login(coordinator)
    assert client.post(change_url(membership(member, group), "delete")).status_code == 404


def test_a_coordinator_promotes_and_removes(client, group, coordinator, member):
    second = MembershipFactory(group=group).user
    client.force_login(coordinator)
    client.post(change_url(membership(member, group), "promote"))
    assert membership(member, group).role == Role.COORDINATOR
    client.post(change_url(membership(second, group), "remove"))
    assert membership(second, group) is None
    client.force_login(second)
    assert client.get(url(group, "members/")).status_code == 403


def test_a_coordinator_cannot_remove_themselves(client, group, coordinator, member):
    services.promote(membership(member, group), by=coordinator)
    client.force_login(coordinator)
    assert client.post(change_url(membership(coordinator, group), "remove")).status_code == 403
    assert membership(coordinator, group).is_coordinator


# Leaving


def test_a_member_leaves(client, group, coordinator, member):
    client.force_login(member)
    response = client.post(url(group, "leave/"), follow=True)
    assert membership(member, group) is None
    assert "You have left" in " ".join(messages_shown(response))
    assert "Ask to join" in visible_text(response)


def test_the_last_coordinator_is_told_why_they_cannot_leave(client, group, coordinator):
    client.force_login(coordinator)
    response = client.post(url(group, "leave/"), follow=True)
    assert "at least one coordinator" in " ".join(messages_shown(response))
    assert membership(coordinator, group).is_coordinator


def test_only_members_can_leave(client, group, outsider):
    client.force_login(outsider)
    assert client.post(url(group, "leave/")).status_code == 403


# Every change is a POST with a CSRF token


@pytest.mark.parametrize("tail", ["leave/", "members/1/approve/", "members/1/remove/"])
def test_changes_refuse_get(client, group, member, tail):
    client.force_login(member)
    assert client.get(url(group, tail)).status_code == 405


def test_changes_need_a_csrf_token(group, coordinator, member, applicant):
    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    assert client.post(change_url(membership(applicant, group), "approve")).status_code == 403
    assert membership(applicant, group).status == MembershipStatus.PENDING
    client.force_login(member)
    assert client.post(url(group, "leave/")).status_code == 403
    assert membership(member, group) is not None


def test_a_second_coordinator_keeps_the_group_running(group, coordinator):
    CoordinatorFactory(group=group)
    services.leave(membership(coordinator, group))
    assert group.coordinators().count() == 1


# Staff set groups up in the CMS


@pytest.fixture
def admin_client(client, db):
    administrator = UserFactory(is_staff=True, is_superuser=True)
    enable_totp(administrator)  # the CMS asks every user for a second factor
    client.force_login(administrator)
    return client


def test_staff_list_groups_and_memberships(admin_client, group, coordinator, applicant):
    groups = admin_client.get("/admin/snippets/working_groups/workinggroup/")
    assert groups.status_code == 200
    assert "Healthcare practitioners" in groups.content.decode()
    listing = admin_client.get(
        "/admin/snippets/working_groups/membership/", {"status": MembershipStatus.PENDING}
    )
    assert listing.status_code == 200
    assert "Pat Pending" in listing.content.decode()
    assert "Cora Ordinator" not in listing.content.decode()


def test_staff_appoint_the_first_coordinator(admin_client, group):
    person = UserFactory(first_name="First", last_name="Coordinator")
    response = admin_client.post(
        "/admin/snippets/working_groups/membership/add/",
        {"group": group.pk, "user": person.pk, "role": Role.COORDINATOR, "status": "active"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert membership(person, group).is_coordinator


def test_staff_create_a_group(admin_client):
    from vocabularies.models import Practice

    response = admin_client.post(
        "/admin/snippets/working_groups/workinggroup/add/",
        {
            "name": "Judiciary",
            "slug": "judiciary",
            "axis": "practice",
            "practice": Practice.objects.get(slug="judiciary").pk,
            "description": "Judges and prosecutors.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert admin_client.get("/working-groups/judiciary/").status_code == 200
