"""How a group's feed, and the e-mails about it, name whoever did something: by the name they
have now, "Unnamed member" when they gave none, "Former member" once the account is gone;
never by their e-mail address."""

import pytest

from tests.factories.working_groups import CoordinatorFactory, MembershipFactory
from tests.helpers import dom
from working_groups import outputs, space
from working_groups.choices import NotifyBy
from working_groups.models import Activity
from working_groups.notifications import send_digests

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the immediate e-mails) when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def reader(group):
    return MembershipFactory(group=group, notify=NotifyBy.DAILY, user__first_name="Rea").user


def feed_lines(client, viewer, group):
    client.force_login(viewer)
    response = client.get(group.get_space_url())
    assert response.status_code == 200
    return [item.text for item in dom(response).find("ol", cls="feed").find_all("li")]


def test_the_feed_names_the_actor_as_they_are_called_now(client, group, member, reader):
    space.start_thread(group, member, "Waiting lists", "How long do people wait?")
    member.first_name = "Maria"
    member.save()
    [line] = feed_lines(client, reader, group)
    assert line.startswith("Maria Member started the discussion “Waiting lists”")


def test_once_the_actor_is_gone_the_feed_says_former_member(client, group, member, reader):
    thread = space.start_thread(group, member, "Waiting lists", "How long do people wait?")
    space.reply(thread, member, "Two months here.")
    member.delete()
    lines = feed_lines(client, reader, group)
    assert [line.split(" “")[0] for line in lines] == [
        "Former member replied in",
        "Former member started the discussion",
    ]
    assert not any("Mia" in line or "Member " in line for line in lines)


def test_a_pending_digest_does_not_name_a_member_who_has_gone(
    group, member, reader, committed, mailoutbox
):
    with committed():
        space.start_thread(group, member, "Waiting lists", "How long do people wait?")
    member.delete()
    assert send_digests() == 1
    [message] = mailoutbox
    assert message.to == [reader.email]
    assert "Former member started the discussion “Waiting lists”" in message.body
    assert "Mia" not in message.body


def test_a_member_without_a_name_is_never_shown_by_address(
    client, group, reader, home, committed, mailoutbox
):
    nameless = CoordinatorFactory(
        group=group, user__first_name="", user__last_name="", user__email="nameless@example.org"
    ).user
    MembershipFactory(group=group, notify=NotifyBy.IMMEDIATE)
    with committed():
        space.start_thread(group, nameless, "Referrals", "Where do you refer people?")
    guideline = {"title": "Triage guideline", "kind": "guideline", "summary": "How to triage."}
    outputs.publish(group, nameless, guideline)
    send_digests()

    lines = feed_lines(client, reader, group)
    assert lines[0].startswith("Unnamed member published “Triage guideline”")
    assert lines[1].startswith("Unnamed member started the discussion “Referrals”")
    assert len(mailoutbox) == 2  # the immediate e-mail, then the reader's digest
    for message in mailoutbox:
        assert "Unnamed member started the discussion" in message.body
        assert "nameless@example.org" not in message.body
    assert not Activity.objects.filter(summary__contains="nameless@example.org").exists()
