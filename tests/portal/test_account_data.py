"""A member's data: what the export holds, and deleting the account."""

import json

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone, translation

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

from portal.accounts.export import export_user_data
from tests.factories.portal import PASSWORD, UserFactory, enable_totp
from tests.factories.working_groups import (
    CoordinatorFactory,
    MeetingFactory,
    MembershipFactory,
    PostFactory,
    ThreadFactory,
    WorkingGroupFactory,
)
from tests.helpers import dom, visible_text
from vocabularies.models import Country, Language
from working_groups.models import (
    Activity,
    DocumentVersion,
    GroupDocument,
    Invitation,
    Membership,
    Notification,
    Post,
    Thread,
)

pytestmark = pytest.mark.django_db

EXPORT_KEYS = {
    "format", "version", "exported_at", "account", "email_addresses", "profile", "memberships",
    "invitations_accepted", "threads_started", "posts", "documents", "document_versions",
    "meetings_planned", "notifications", "two_factor_methods",
    # version 2
    "group_activity", "outputs_published", "adaptations", "adaptation_announcements",
    "submissions",
}  # fmt: skip


@pytest.fixture
def group(db):
    return WorkingGroupFactory(name="Healthcare practitioners", slug="healthcare")


@pytest.fixture
def member(group):
    user = UserFactory(
        email="mia@example.org",
        first_name="Mia",
        last_name="Member",
        organisation="Clinic",
        country=Country.objects.get(code="IE"),
        working_languages=[Language.objects.get(code="ga")],
        preferred_language="ga",
    )
    MembershipFactory(group=group, user=user, motivation="To learn from others.")
    return user


def reauthenticate(client, next_url):
    """Confirm the password on allauth's page, as the member would when asked."""
    return client.post(f"/accounts/reauthenticate/?next={next_url}", {"password": PASSWORD})


def upload(group, user, title="Guideline draft"):
    document = GroupDocument.objects.create(group=group, title=title, created_by=user)
    return DocumentVersion.objects.create(
        document=document,
        number=1,
        file=ContentFile(b"%PDF-1.4 secret bytes", name="draft.pdf"),
        filename="draft.pdf",
        content_type="application/pdf",
        size=21,
        note="First draft",
        uploaded_by=user,
    )


# The export


def test_the_export_has_every_section(member):
    data = export_user_data(member)
    assert set(data) == EXPORT_KEYS
    assert (data["format"], data["version"]) == ("european-prevention-network/account-data", 3)
    assert data["account"]["email"] == "mia@example.org"
    assert data["account"]["first_name"] == "Mia"
    assert data["account"]["date_joined"]
    assert data["email_addresses"] == [
        {"email": "mia@example.org", "verified": True, "primary": True}
    ]
    assert data["profile"] == {
        "organisation": "Clinic",
        "country": "Ireland",
        "practice": None,
        "is_researcher": False,
        "working_languages": ["Irish"],
        "preferred_language": "ga",
    }
    [membership] = data["memberships"]
    assert membership["group"] == "Healthcare practitioners"
    assert (membership["role"], membership["status"]) == ("member", "active")
    assert membership["motivation"] == "To learn from others."
    assert membership["notifications"] == "daily"
    assert data["submissions"] == data["adaptations"] == data["adaptation_announcements"] == []
    json.dumps(data)  # plain JSON: strings, numbers, lists and dicts only


def test_the_export_has_what_the_member_wrote(member, group):
    thread = ThreadFactory(group=group, author=member, title="Waiting lists", body="Opening.")
    PostFactory(thread=thread, author=member, body="A removed reply.", removed_at=timezone.now())
    PostFactory(thread=thread, body="Someone else's reply.")
    upload(group, member)
    MeetingFactory(group=group, created_by=member, title="Spring meeting")
    data = export_user_data(member)
    assert [t["title"] for t in data["threads_started"]] == ["Waiting lists"]
    assert [(p["thread"], p["body"], p["removed"]) for p in data["posts"]] == [
        ("Waiting lists", "Opening.", False),
        ("Waiting lists", "A removed reply.", True),
    ]
    assert [d["title"] for d in data["documents"]] == ["Guideline draft"]
    [version] = data["document_versions"]
    assert version["filename"] == "draft.pdf" and version["size_bytes"] == 21
    assert "secret bytes" not in json.dumps(data)  # metadata, never the file
    assert [m["title"] for m in data["meetings_planned"]] == ["Spring meeting"]


def test_the_export_has_invitations_and_notifications(member, group):
    Invitation.objects.create(
        group=group, email=member.email, accepted_at=timezone.now(), accepted_by=member
    )
    activity = Activity.objects.create(
        group=group, kind="thread", summary="New discussion: Waiting lists", url="/x/"
    )
    Notification.objects.create(recipient=member, activity=activity)
    data = export_user_data(member)
    assert [i["group"] for i in data["invitations_accepted"]] == ["Healthcare practitioners"]
    [notification] = data["notifications"]
    assert notification["about"] == "New discussion: Waiting lists"
    assert notification["sent_at"] is None


def test_the_export_lists_two_factor_methods_but_never_their_secrets(member):
    secret = enable_totp(member)
    RecoveryCodes.activate(member)
    codes = Authenticator.objects.get(user=member, type="recovery_codes").wrap()
    data = export_user_data(member)
    assert [m["type"] for m in data["two_factor_methods"]] == ["totp", "recovery_codes"]
    assert set(data["two_factor_methods"][0]) == {"type", "added_at", "last_used_at"}
    dumped = json.dumps(data)
    assert secret not in dumped
    assert "secret" not in dumped
    for code in codes.get_unused_codes():
        assert code not in dumped


def test_the_export_holds_nothing_about_other_members(member, group):
    other = MembershipFactory(group=group, user__email="other@example.org").user
    ThreadFactory(group=group, author=other, title="Not mine")
    dumped = json.dumps(export_user_data(member))
    assert "other@example.org" not in dumped
    assert "Not mine" not in dumped


# The data page and the download


def test_the_data_page_explains_what_is_kept(client, member):
    client.force_login(member)
    response = client.get("/accounts/data/")
    assert response.status_code == 200
    assert "never their secrets" in visible_text(response)
    assert "materials you adapted and adaptations you announced" in visible_text(response)
    assert dom(response).find("a", href="/accounts/data/download/").text == (
        "Download your data (JSON)"
    )


def test_the_download_needs_a_signed_in_member(client):
    response = client.get("/accounts/data/download/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_download_asks_for_the_password_again_then_downloads(client, member):
    client.force_login(member)
    response = client.get("/accounts/data/download/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")

    response = reauthenticate(client, "/accounts/data/download/")
    assert response["Location"] == "/accounts/data/download/"

    response = client.get("/accounts/data/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert set(data) == EXPORT_KEYS
    assert data["account"]["email"] == "mia@example.org"


def test_a_wrong_password_gives_no_download(client, member):
    client.force_login(member)
    response = client.post(
        "/accounts/reauthenticate/?next=/accounts/data/download/", {"password": "wrong!"}
    )
    assert response.status_code == 200
    assert client.get("/accounts/data/download/").status_code == 302


# Deleting the account


def test_the_delete_page_asks_for_confirmation(client, member):
    client.force_login(member)
    response = client.get("/accounts/delete/")
    assert response.status_code == 200
    form = dom(response).find("form", action="/accounts/delete/")
    assert form.attrs["method"] == "post"
    assert form.find("input", type="checkbox", name="confirm")


def test_deleting_asks_for_the_password_first(client, member):
    client.force_login(member)
    response = client.post("/accounts/delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_deleting_the_account_keeps_what_was_written(client, member, group):
    thread = ThreadFactory(group=group, author=member, body="My opening post.")
    reply = PostFactory(thread=thread, author=member, body="My reply.")
    version = upload(group, member)
    client.force_login(member)
    client.post("/accounts/delete/", {"confirm": "on"})  # suspended until reauthenticated

    response = reauthenticate(client, "/accounts/delete/")  # allauth replays the POST

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not get_user_model().objects.filter(pk=member.pk).exists()
    assert not Membership.objects.filter(group=group).exists()
    reply.refresh_from_db()
    assert reply.author is None and reply.body == "My reply."
    assert Thread.objects.get(pk=thread.pk).author is None
    assert Post.objects.filter(thread=thread).count() == 2
    version.refresh_from_db()
    assert version.uploaded_by is None
    assert "_auth_user_id" not in client.session
    assert "Your account has been deleted." in visible_text(client.get("/", follow=True))


def test_a_confirmation_is_emailed(client, member, home):
    client.force_login(member)
    reauthenticate(client, "/accounts/profile/")
    client.post("/accounts/delete/", {"confirm": "on"})
    [message] = mail.outbox
    assert message.to == ["mia@example.org"]
    # In Irish, the language Mia chose: the same sentence, from the Irish catalogue.
    with translation.override("ga"):
        assert message.subject == translation.gettext("Your account has been deleted")
    assert message.subject != "Your account has been deleted"
    assert message.extra_headers["Content-Language"] == "ga"
    assert "Mia Member" in message.body


def test_deletion_does_not_fail_when_mail_is_down(client, member, home, settings):
    client.force_login(member)
    reauthenticate(client, "/accounts/profile/")
    settings.EMAIL_BACKEND = "tests.helpers.MailServerDown"
    response = client.post("/accounts/delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=member.pk).exists()


def test_deleting_needs_the_box_ticked(client, member):
    client.force_login(member)
    reauthenticate(client, "/accounts/profile/")
    response = client.post("/accounts/delete/", {})
    assert response.status_code == 200
    assert "Tick the box to confirm" in dom(response).find("div", cls="error-summary").text
    assert get_user_model().objects.filter(pk=member.pk).exists()


def test_the_last_coordinator_cannot_delete_their_account(client, group):
    coordinator = CoordinatorFactory(group=group).user
    MembershipFactory(group=group)  # an ordinary member, not a coordinator
    client.force_login(coordinator)
    page = client.get("/accounts/delete/")
    assert "Healthcare practitioners" in dom(page).find("ul", cls="deletion-obstacle").text
    assert not dom(page).find_all("input", name="confirm")

    reauthenticate(client, "/accounts/profile/")
    response = client.post("/accounts/delete/", {"confirm": "on"})
    assert response.status_code == 409
    text = visible_text(response)
    assert "You are the last coordinator of this group" in text
    assert "Healthcare practitioners" in text
    assert "Promote another member to coordinator first" in text
    assert get_user_model().objects.filter(pk=coordinator.pk).exists()


def test_a_coordinator_with_a_co_coordinator_may_delete(client, group):
    coordinator = CoordinatorFactory(group=group).user
    CoordinatorFactory(group=group)
    client.force_login(coordinator)
    reauthenticate(client, "/accounts/profile/")
    assert client.post("/accounts/delete/", {"confirm": "on"}).status_code == 302
    assert not get_user_model().objects.filter(pk=coordinator.pk).exists()


def test_deleting_needs_the_csrf_token(member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    client.get("/accounts/reauthenticate/")
    token = client.cookies["csrftoken"].value
    client.post("/accounts/reauthenticate/", {"password": PASSWORD, "csrfmiddlewaretoken": token})
    assert client.post("/accounts/delete/", {"confirm": "on"}).status_code == 403
    assert get_user_model().objects.filter(pk=member.pk).exists()
    response = client.post("/accounts/delete/", {"confirm": "on", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=member.pk).exists()


def test_deleting_needs_a_signed_in_member(client):
    response = client.post("/accounts/delete/", {"confirm": "on"})
    assert response["Location"].startswith("/accounts/login/")
