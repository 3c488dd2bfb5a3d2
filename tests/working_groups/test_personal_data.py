"""What working groups declare about a member: the feed lines and outputs in their export, the
last coordinator kept from deleting their account, and deletion leaving no name behind."""

import pytest

from portal import personal_data
from portal.accounts.export import export_user_data
from tests.factories.portal import PASSWORD
from tests.factories.working_groups import CoordinatorFactory, MembershipFactory
from tests.helpers import dom
from working_groups import outputs, space
from working_groups.choices import ActivityKind, NotifyBy
from working_groups.models import Activity, Notification
from working_groups.notifications import send_digests

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(group):
    return MembershipFactory(group=group, notify=NotifyBy.DAILY, user__first_name="Rea").user


def delete_account(client, user):
    """Delete ``user``'s account as they would: password again, then the form."""
    client.force_login(user)
    client.post("/accounts/reauthenticate/?next=/accounts/profile/", {"password": PASSWORD})
    response = client.post("/accounts/delete/", {"confirm": "on"})
    assert response.status_code == 302
    client.logout()


def feed_text(client, viewer, group):
    client.force_login(viewer)
    return dom(client.get(group.get_space_url())).find("ol", cls="feed").text


def old_style_line(group, actor, summary):
    """A line recorded before the feed named actors at display time: the name is in the text.
    A daily reader is still owed an e-mail about it."""
    activity = Activity.objects.create(
        group=group, actor=actor, kind=ActivityKind.THREAD, summary=summary, url="/x/"
    )
    for membership in group.memberships.filter(notify=NotifyBy.DAILY).exclude(user=actor):
        Notification.objects.create(recipient=membership.user, activity=activity)
    return activity


# The export


def test_the_export_has_the_members_feed_lines_and_outputs(group, coordinator, home):
    space.start_thread(group, coordinator, "Waiting lists", "How long do people wait?")
    guideline = {"title": "Triage guideline", "kind": "guideline", "summary": "How to triage."}
    page = outputs.publish(group, coordinator, guideline)

    data = export_user_data(coordinator)

    assert [line["text"] for line in data["group_activity"]] == [
        "Cora Ordinator started the discussion “Waiting lists”",
        "Cora Ordinator published “Triage guideline”",
    ]
    assert data["group_activity"][0]["group"] == "Healthcare practitioners"
    [output] = data["outputs_published"]
    assert (output["title"], output["kind"]) == ("Triage guideline", "guideline")
    assert output["url"] == page.full_url


# Deleting the account


def test_the_last_coordinator_is_told_which_group_needs_one(group, coordinator, member):
    [obstacle] = personal_data.obstacles(coordinator)
    assert obstacle.links == (("Healthcare practitioners", "/working-groups/healthcare/members/"),)
    assert obstacle.reason.startswith("You are the last coordinator of this group")
    assert personal_data.obstacles(member) == []
    CoordinatorFactory(group=group)
    assert personal_data.obstacles(coordinator) == []


def test_after_deletion_the_feed_shows_no_trace_of_the_name(client, group, member, reader):
    space.start_thread(group, member, "Waiting lists", "How long do people wait?")
    old_style_line(group, member, "Mia Member replied in “Waiting lists”")
    old_style_line(group, member, f"{member.email} shared “Referral letter”")

    delete_account(client, member)

    text = feed_text(client, reader, group)
    assert "Former member replied in “Waiting lists”" in text
    assert "Former member started the discussion “Waiting lists”" in text
    assert "Former member shared “Referral letter”" in text
    assert "Mia" not in text and "example.org" not in text


def test_after_deletion_pending_digests_show_no_trace_of_the_name(
    client, group, member, reader, mailoutbox
):
    old_style_line(group, member, "Mia Member started the discussion “Waiting lists”")

    delete_account(client, member)
    mailoutbox.clear()  # the confirmation of the deletion
    assert send_digests() == 1

    [digest] = mailoutbox
    assert digest.to == [reader.email]
    assert "Former member started the discussion “Waiting lists”" in digest.body
    assert "Mia" not in digest.body


def test_deletion_leaves_other_members_lines_alone(client, group, member, reader):
    space.start_thread(group, reader, "Mia's idea", "Following up on what Mia Member said.")
    delete_account(client, member)
    assert "Rea Member started the discussion “Mia's idea”" in feed_text(client, reader, group)
