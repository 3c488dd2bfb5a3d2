"""Members hear about their groups by e-mail as they chose: at once, in a daily digest, or not
at all. A mail server that is down delays e-mail; it neither breaks what a member did nor
loses the notification."""

from datetime import timedelta
from io import StringIO
from types import SimpleNamespace

from django.core import mail
from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import timezone

import pytest

import working_groups.notifications  # noqa: F401 (connects the sender, as the app does)
from tests.factories.working_groups import MembershipFactory, ThreadFactory
from tests.helpers import dom
from working_groups import activity
from working_groups.choices import ActivityKind, NotifyBy
from working_groups.models import Membership, Notification
from working_groups.notifications import send_digests

pytestmark = pytest.mark.django_db

FAILING_BACKEND = "tests.helpers.MailServerDown"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def member_of(group, notify, email=None):
    user = {"user__email": email} if email else {}
    return MembershipFactory(group=group, notify=notify, user__first_name="Ann", **user).user


def something_happens(group, actor, committed, summary="Mia started “Waiting lists”"):
    """A new discussion in ``group``, committed (so the immediate e-mails go out)."""
    with committed():
        return activity.record(
            group, actor, ActivityKind.THREAD, summary, "/working-groups/x/space/discussions/1/"
        )


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


# Straight away


def test_immediate_members_get_one_email_each(group, member, committed):
    first = member_of(group, NotifyBy.IMMEDIATE, email="first@example.org")
    second = member_of(group, NotifyBy.IMMEDIATE, email="second@example.org")
    member_of(group, NotifyBy.DAILY, email="daily@example.org")
    member_of(group, NotifyBy.OFF, email="off@example.org")
    actor = member_of(group, NotifyBy.IMMEDIATE, email="actor@example.org")

    something_happens(group, actor, committed)

    assert recipients() == ["first@example.org", "second@example.org"]
    message = mail.outbox[0]
    assert "Healthcare practitioners" in message.subject
    assert "New discussion" in message.subject
    assert "Mia started “Waiting lists”" in message.body
    assert "http://127.0.0.1:8000/working-groups/x/space/discussions/1/" in message.body
    sent = Notification.objects.filter(recipient__in=[first, second])
    assert all(notification.sent_at for notification in sent)
    assert Notification.objects.get(recipient__email="daily@example.org").sent_at is None
    assert not Notification.objects.filter(recipient__email__in=["off@example.org", actor.email])


def test_nothing_is_sent_before_the_action_commits(
    group, coordinator, django_capture_on_commit_callbacks
):
    member_of(group, NotifyBy.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=False):
        activity.record(group, coordinator, ActivityKind.THREAD, "A new discussion", "/x/")
    assert mail.outbox == []


def test_feed_only_activity_emails_nobody(group, coordinator, committed):
    member_of(group, NotifyBy.IMMEDIATE)
    with committed():
        activity.record(group, coordinator, ActivityKind.OUTPUT, "A guideline", "/outputs/g/")
    assert mail.outbox == []
    assert send_digests() == 0


def test_an_immediate_member_who_left_before_sending_gets_nothing(group, coordinator, committed):
    leaver = member_of(group, NotifyBy.IMMEDIATE)
    with committed():
        activity.record(group, coordinator, ActivityKind.THREAD, "A new discussion", "/x/")
        Membership.objects.filter(user=leaver).delete()
    assert mail.outbox == []


# The daily digest


def test_a_digest_lists_everything_grouped_by_group_and_marks_it_sent(
    group, other_group, coordinator, committed
):
    reader = member_of(group, NotifyBy.DAILY, email="reader@example.org")
    MembershipFactory(group=other_group, user=reader, notify=NotifyBy.DAILY)
    other_actor = MembershipFactory(group=other_group).user
    something_happens(group, coordinator, committed, "Cora started “Waiting lists”")
    something_happens(other_group, other_actor, committed, "Eve started “School visits”")
    something_happens(group, coordinator, committed, "Cora started “Referrals”")

    assert send_digests() == 1

    assert recipients() == ["reader@example.org"]
    body = mail.outbox[0].body
    assert "3 new items" in mail.outbox[0].subject
    # Groups in name order, each with its own items in the order they happened.
    order = ["== Education ==", "School visits", "== Healthcare practitioners ==",
             "Waiting lists", "Referrals"]  # fmt: skip
    positions = [body.index(text) for text in order]
    assert positions == sorted(positions)
    assert not Notification.objects.filter(recipient=reader, sent_at__isnull=True).exists()
    assert send_digests() == 0  # nothing is sent twice


def test_a_digest_is_one_email_per_member(group, coordinator, committed):
    member_of(group, NotifyBy.DAILY, email="a@example.org")
    member_of(group, NotifyBy.DAILY, email="b@example.org")
    something_happens(group, coordinator, committed)
    something_happens(group, coordinator, committed)
    assert send_digests() == 2
    assert recipients() == ["a@example.org", "b@example.org"]


def test_a_member_who_left_or_switched_off_gets_no_digest(group, coordinator, committed):
    leaver = member_of(group, NotifyBy.DAILY)
    switched = member_of(group, NotifyBy.DAILY)
    something_happens(group, coordinator, committed)
    Membership.objects.filter(user=leaver).delete()
    Membership.objects.filter(user=switched).update(notify=NotifyBy.OFF)

    assert send_digests() == 0
    assert mail.outbox == []
    assert not Notification.objects.exists()  # dropped, not kept for ever


def test_a_deactivated_account_gets_no_digest(group, coordinator, committed):
    user = member_of(group, NotifyBy.DAILY)
    something_happens(group, coordinator, committed)
    user.is_active = False
    user.save()
    assert send_digests() == 0


def test_the_command_sends_the_digests(group, coordinator, committed):
    member_of(group, NotifyBy.DAILY)
    something_happens(group, coordinator, committed)
    out = StringIO()
    call_command("send_notification_digest", stdout=out)
    assert out.getvalue().strip() == "Sent 1 digests."
    assert len(mail.outbox) == 1


# When the mail server is down


def test_a_reply_succeeds_while_the_mail_server_is_down_and_the_digest_sends_it_later(
    group, member, coordinator, client, settings, committed
):
    Membership.objects.filter(user=member).update(notify=NotifyBy.IMMEDIATE)
    thread = ThreadFactory(group=group, author=coordinator)
    client.force_login(coordinator)
    settings.EMAIL_BACKEND = FAILING_BACKEND
    with committed():
        response = client.post(thread.get_absolute_url(), {"body": "Six weeks in our clinic."})
    assert response.status_code == 302
    assert thread.posts.filter(body="Six weeks in our clinic.").exists()
    notification = Notification.objects.get(recipient=member)
    assert (notification.sent_at, notification.attempts) == (None, 1)

    assert send_digests() == 0  # still down: kept, and counted
    notification.refresh_from_db()
    assert (notification.sent_at, notification.attempts) == (None, 2)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_digests() == 1
    assert recipients() == [member.email]
    assert "replied" in mail.outbox[0].body
    notification.refresh_from_db()
    assert notification.sent_at is not None


def test_an_immediate_notification_whose_sender_never_ran_goes_in_the_digest(
    group, coordinator, django_capture_on_commit_callbacks
):
    waiting = member_of(group, NotifyBy.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=False):  # e.g. the process was stopped
        activity.record(group, coordinator, ActivityKind.THREAD, "A new discussion", "/x/")
    assert send_digests() == 0  # the sender may still be running: leave it to it
    assert send_digests(now=timezone.now() + timedelta(hours=1)) == 1
    assert recipients() == [waiting.email]


# Choosing


@pytest.fixture
def preference_url(group):
    return f"/working-groups/{group.slug}/notifications/"


def test_a_member_chooses_how_to_be_emailed(client, member, group, preference_url):
    client.force_login(member)
    response = client.post(preference_url, {"notify": NotifyBy.IMMEDIATE})
    assert response.status_code == 302
    assert response["Location"] == group.get_space_url()
    assert Membership.objects.get(user=member).notify == NotifyBy.IMMEDIATE
    page = client.get(response["Location"])
    assert "Straight away" in page.content.decode()


def test_an_invalid_choice_changes_nothing(client, member, preference_url):
    client.force_login(member)
    response = client.post(preference_url, {"notify": "hourly"}, follow=True)
    assert Membership.objects.get(user=member).notify == NotifyBy.DAILY
    assert "Please choose" in response.content.decode()


def test_the_preference_is_post_only(client, member, preference_url):
    client.force_login(member)
    assert client.get(preference_url).status_code == 405


def test_anonymous_visitors_are_asked_to_sign_in(client, preference_url):
    response = client.post(preference_url, {"notify": NotifyBy.OFF})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("who", ["applicant", "outsider", "staff_editor"])
def test_only_members_choose(client, who, request, preference_url):
    client.force_login(request.getfixturevalue(who))
    assert client.post(preference_url, {"notify": NotifyBy.OFF}).status_code == 403


def test_the_form_shows_the_current_choice(group, member, preference_url):
    html = render_to_string(
        "working_groups/includes/notification_preference.html",
        {"group": group, "membership": Membership.objects.get(user=member)},
    )
    form = dom(SimpleNamespace(content=html.encode())).find("form")
    assert form.attrs["action"] == preference_url
    radios = form.find_all("input", type="radio")
    assert [radio.attrs["value"] for radio in radios] == ["immediate", "daily", "off"]
    assert [radio.attrs["value"] for radio in radios if "checked" in radio.attrs] == ["daily"]
