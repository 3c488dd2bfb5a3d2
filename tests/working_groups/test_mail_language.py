"""Group e-mail reaches each person in their own language, not in the language of whoever
caused it: a coordinator approving, a member posting, the daily digest run by cron."""

from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import translation

import pytest

import working_groups.notifications  # noqa: F401 (connects the sender, as the app does)
from tests.factories.portal import UserFactory
from tests.factories.working_groups import CoordinatorFactory, MembershipFactory
from working_groups import activity
from working_groups import membership as services
from working_groups.choices import ActivityKind, NotifyBy
from working_groups.models import Membership

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"  # SITE_URL in the test settings


def language(message):
    return message.extra_headers["Content-Language"]


def ask_to_join(client, user, group):
    client.force_login(user)
    client.post(f"/working-groups/{group.slug}/join/", {"motivation": "Please"})
    return Membership.objects.get(user=user, group=group)


def decide(client, coordinator, request, action):
    """The coordinator works in English, on unprefixed pages."""
    client.force_login(coordinator)
    url = f"/working-groups/{request.group.slug}/members/{request.pk}/{action}/"
    response = client.post(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302


def test_a_coordinator_in_english_approves_a_polish_member_in_polish(client, group, coordinator):
    polish = UserFactory(preferred_language="pl")
    request = ask_to_join(client, polish, group)
    mail.outbox.clear()

    decide(client, coordinator, request, "approve")

    [message] = mail.outbox
    assert message.to == [polish.email]
    assert language(message) == "pl"
    assert f"{SITE}/pl/working-groups/healthcare/space/" in message.body
    assert translation.get_language() == "en"  # the coordinator's language is left as it was


def test_a_german_member_is_welcomed_in_german(client, group, coordinator):
    german = UserFactory(preferred_language="de")
    request = ask_to_join(client, german, group)
    mail.outbox.clear()

    decide(client, coordinator, request, "approve")

    [message] = mail.outbox
    assert message.subject == "Willkommen in Healthcare practitioners"
    assert f"{SITE}/de/working-groups/healthcare/space/" in message.body


def test_a_declined_polish_member_is_told_in_polish(client, group, coordinator):
    polish = UserFactory(preferred_language="pl")
    request = ask_to_join(client, polish, group)
    mail.outbox.clear()

    decide(client, coordinator, request, "decline")

    [message] = mail.outbox
    assert language(message) == "pl"
    assert f"{SITE}/pl/working-groups/healthcare/\n" in message.body


def test_each_coordinator_hears_of_a_request_in_their_own_language(client, group, coordinator):
    german = CoordinatorFactory(group=group, user__preferred_language="de").user
    with translation.override("pl"):
        services.request_to_join(UserFactory(), group)
    messages = {message.to[0]: message for message in mail.outbox}
    assert set(messages) == {coordinator.email, german.email}
    assert messages[german.email].subject == "Neue Beitrittsanfrage für Healthcare practitioners"
    assert f"{SITE}/de/working-groups/healthcare/members/" in messages[german.email].body
    english = messages[coordinator.email]
    assert english.subject == "Someone has asked to join Healthcare practitioners"
    assert f"{SITE}/working-groups/healthcare/members/" in english.body


def test_an_invitation_to_a_member_is_in_their_language(group, coordinator):
    polish = UserFactory(preferred_language="pl")
    invitation = services.invite(group, polish.email, coordinator)
    [message] = mail.outbox
    assert language(message) == "pl"
    assert f"{SITE}/pl/working-groups/invitations/{invitation.token}/" in message.body


def test_an_invitation_to_someone_new_is_in_the_coordinators_language(group, coordinator):
    with translation.override("de"):
        invitation = services.invite(group, "neu@example.org", coordinator)
    [message] = mail.outbox
    assert language(message) == "de"
    assert message.subject == "Einladung zum Beitritt zu Healthcare practitioners"
    assert f"{SITE}/de/working-groups/invitations/{invitation.token}/" in message.body


# Activity e-mail: the feed line's link was made in its author's language


def post_in_german(group, committed):
    """A member working in German starts a discussion (its link made under /de/)."""
    author = MembershipFactory(group=group).user
    with translation.override("de"), committed():
        return activity.record(
            group,
            author,
            ActivityKind.THREAD,
            "Lena hat „Wartelisten“ begonnen",
            f"/de/working-groups/{group.slug}/space/discussions/1/#post-2",
        )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_an_immediate_notice_links_in_the_readers_language(group, committed):
    polish = MembershipFactory(
        group=group, notify=NotifyBy.IMMEDIATE, user__preferred_language="pl"
    ).user
    english = MembershipFactory(group=group, notify=NotifyBy.IMMEDIATE).user
    post_in_german(group, committed)
    messages = {message.to[0]: message for message in mail.outbox}
    discussion = "working-groups/healthcare/space/discussions/1/#post-2"
    assert f"{SITE}/pl/{discussion}" in messages[polish.email].body
    assert language(messages[polish.email]) == "pl"
    assert f"{SITE}/{discussion}" in messages[english.email].body
    assert language(messages[english.email]) == "en"


def test_the_digest_from_cron_is_in_each_readers_language(group, committed):
    german = MembershipFactory(group=group, notify=NotifyBy.DAILY, user__preferred_language="de")
    polish = MembershipFactory(group=group, notify=NotifyBy.DAILY, user__preferred_language="pl")
    post_in_german(group, committed)
    mail.outbox.clear()

    call_command("send_notification_digest", stdout=StringIO())

    messages = {message.to[0]: message for message in mail.outbox}
    assert {language(m) for m in messages.values()} == {"de", "pl"}
    german_body = messages[german.user.email].body
    assert "* Neue Diskussion: Lena hat „Wartelisten“ begonnen" in german_body
    assert f"{SITE}/de/working-groups/healthcare/space/" in german_body
    assert f"{SITE}/de/working-groups/\n" in german_body  # where to change the e-mail choice
    polish_body = messages[polish.user.email].body
    assert f"{SITE}/pl/working-groups/healthcare/space/discussions/1/#post-2" in polish_body
    assert f"{SITE}/pl/working-groups/\n" in polish_body
