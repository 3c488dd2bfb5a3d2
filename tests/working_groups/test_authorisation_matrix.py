"""The authorisation matrix: every working-group URL, download, search answer and API response,
against every role. Any cell that differs from the table is a leak (or a lock-out).

Roles: anonymous, a verified member of another group, a pending applicant, a member, a
coordinator, and a staff editor (a CMS editor in no working group).
"""

from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from django.urls import reverse

import pytest

from search.indexing import index_objects
from tests.factories.portal import UserFactory
from tests.factories.working_groups import (
    CoordinatorFactory,
    MeetingFactory,
    MembershipFactory,
    PendingMembershipFactory,
    PostFactory,
    ThreadFactory,
    WorkingGroupFactory,
)
from working_groups.models import DocumentVersion, GroupDocument, Membership, Post, Thread

ROLES = ["anonymous", "outsider", "applicant", "member", "coordinator", "staff"]
SECRET = "zanzibarquokka"  # a word only the group's private content contains

LOGIN = "login"  # redirect to the login page
OK = 200
FORBIDDEN = 403
DONE = "done"  # the action happened (a redirect after a successful POST)


@pytest.fixture
def world(db, django_capture_on_commit_callbacks):
    from django.contrib.auth.models import Group

    group = WorkingGroupFactory(name="Healthcare", slug="healthcare")
    other = WorkingGroupFactory(name="Education", slug="education-wg")
    coordinator = CoordinatorFactory(group=group).user
    member = MembershipFactory(group=group).user
    applicant = PendingMembershipFactory(group=group).user
    outsider = MembershipFactory(group=other).user
    staff = UserFactory(is_staff=True)
    staff.groups.add(Group.objects.get(name="Editors"))
    with django_capture_on_commit_callbacks(execute=True):
        thread = ThreadFactory(group=group, author=coordinator, title=f"Referral {SECRET}")
        reply = PostFactory(thread=thread, author=member, body="A reply from a member.")
        document = GroupDocument.objects.create(
            group=group, title=f"Protocol {SECRET}", created_by=coordinator
        )
        version = DocumentVersion(
            document=document,
            number=1,
            filename="protocol.txt",
            content_type="text/plain",
            size=12,
            uploaded_by=coordinator,
        )
        version.file.save("protocol.txt", ContentFile(b"private text"), save=True)
        meeting = MeetingFactory(group=group, created_by=coordinator, title=f"Meeting {SECRET}")
    index_objects([thread, document, meeting, group])
    people = {
        "anonymous": None,
        "outsider": outsider,
        "applicant": applicant,
        "member": member,
        "coordinator": coordinator,
        "staff": staff,
    }
    return {
        "group": group,
        "other": other,
        "people": people,
        "thread": thread,
        "reply": reply,
        "opening": thread.posts.first(),
        "document": document,
        "version": version,
        "meeting": meeting,
        "applicant_membership": Membership.objects.get(group=group, user=applicant),
    }


def url(name, world, **kwargs):
    return reverse(f"working_groups:{name}", kwargs={"slug": world["group"].slug, **kwargs})


def as_role(client, world, role):
    user = world["people"][role]
    if user is not None:
        client.force_login(user)
    return client


def outcome(response):
    if response.status_code == 302:
        if urlsplit(response["Location"]).path == reverse("account_login"):
            return LOGIN
        return DONE
    return response.status_code


PUBLIC = dict.fromkeys(ROLES, OK)
MEMBERS = {
    "anonymous": LOGIN,
    "outsider": FORBIDDEN,
    "applicant": FORBIDDEN,
    "member": OK,
    "coordinator": OK,
    "staff": FORBIDDEN,
}
COORDINATORS = {**MEMBERS, "member": FORBIDDEN}

GET_MATRIX = {
    "index": (lambda w: reverse("working_groups:index"), PUBLIC),
    "group page": (lambda w: url("group", w), PUBLIC),
    "space": (lambda w: url("space", w), MEMBERS),
    "member list": (lambda w: url("members", w), MEMBERS),
    "discussions": (lambda w: url("threads", w), MEMBERS),
    "thread": (lambda w: url("thread", w, thread_id=w["thread"].pk), MEMBERS),
    "new thread form": (lambda w: url("new_thread", w), MEMBERS),
    "documents": (lambda w: url("documents", w), MEMBERS),
    "document": (lambda w: url("document", w, document_id=w["document"].pk), MEMBERS),
    "download": (
        lambda w: url("download", w, document_id=w["document"].pk, number=1),
        MEMBERS,
    ),
    "new document form": (lambda w: url("new_document", w), MEMBERS),
    "meetings": (lambda w: url("meetings", w), MEMBERS),
    "meeting": (lambda w: url("meeting", w, meeting_id=w["meeting"].pk), MEMBERS),
    "new meeting form": (lambda w: url("new_meeting", w), MEMBERS),
    "edit a coordinator's meeting": (
        lambda w: url("edit_meeting", w, meeting_id=w["meeting"].pk),
        COORDINATORS,
    ),
    "edit a coordinator's post": (
        lambda w: url("edit_post", w, post_id=w["opening"].pk),
        COORDINATORS,
    ),
    "invite form": (lambda w: url("invite", w), COORDINATORS),
    "publish an output form": (lambda w: url("publish_output", w), COORDINATORS),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", GET_MATRIX)
def test_get(client, world, page, role):
    make_url, expected = GET_MATRIX[page]
    response = as_role(client, world, role).get(make_url(world))
    assert outcome(response) == expected[role], f"{page} as {role}"
    if expected[role] != OK:
        assert SECRET not in response.content.decode(errors="replace")


def _reply_count(w):
    return Post.objects.filter(thread=w["thread"]).count()


def _approved(w):
    return Membership.objects.get(pk=w["applicant_membership"].pk).status


def _thread_count(w):
    return Thread.objects.filter(group=w["group"]).count()


def _reply_removed(w):
    return Post.objects.get(pk=w["reply"].pk).removed_at is not None


def _is_member(w, role):
    user = w["people"][role]
    return user is not None and Membership.objects.filter(group=w["group"], user=user).exists()


POST_MATRIX = {
    "reply": (
        lambda w: url("thread", w, thread_id=w["thread"].pk),
        {"body": "Another reply."},
        _reply_count,
        MEMBERS,
    ),
    "start a thread": (
        lambda w: url("new_thread", w),
        {"title": "New thread", "body": "Hello."},
        _thread_count,
        MEMBERS,
    ),
    "delete a member's reply": (
        lambda w: url("delete_post", w, post_id=w["reply"].pk),
        {},
        _reply_removed,
        COORDINATORS | {"member": DONE, "coordinator": DONE},  # its author, and moderation
    ),
    "approve an applicant": (
        lambda w: url(
            "change_membership",
            w,
            membership_id=w["applicant_membership"].pk,
            action="approve",
        ),
        {},
        _approved,
        COORDINATORS | {"coordinator": DONE},
    ),
}


def _expected_post(expected, role):
    value = expected[role]
    return DONE if value == OK else value


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", POST_MATRIX)
def test_post(client, world, action, role):
    make_url, data, state, expected = POST_MATRIX[action]
    before = state(world)
    response = as_role(client, world, role).post(make_url(world), data)
    wanted = _expected_post(expected, role)
    assert outcome(response) == wanted, f"{action} as {role}"
    assert (state(world) != before) == (wanted == DONE), f"{action} as {role} changed state"


@pytest.mark.parametrize("role", ROLES)
def test_only_members_can_change_notification_settings(client, world, role):
    response = as_role(client, world, role).post(url("notifications", world), {"notify": "off"})
    assert outcome(response) == _expected_post(MEMBERS, role)


SEARCHERS = {
    "anonymous": 0,
    "outsider": 0,
    "applicant": 0,
    "member": 3,
    "coordinator": 3,
    "staff": 0,
}


@pytest.mark.parametrize("role", ROLES)
def test_search_api_and_page(client, world, role):
    client = as_role(client, world, role)
    answer = client.get("/api/search/", {"q": SECRET}).json()
    assert answer["total"] == SEARCHERS[role]
    type_counts = sum(option["count"] for option in answer["facets"]["type"])
    assert type_counts == SEARCHERS[role]
    page = client.get("/search/", {"q": SECRET}).content.decode()
    assert (f"Referral {SECRET}" in page) == bool(SEARCHERS[role])
    suggestions = client.get("/api/search/suggest/", {"q": "Protocol"}).json()
    titles = [s["title"] for s in suggestions["suggestions"]]
    assert (f"Protocol {SECRET}" in titles) == bool(SEARCHERS[role])


@pytest.mark.parametrize("role", ROLES)
def test_another_groups_objects_are_not_found_through_ones_own_group(client, world, role):
    """A member of the other group asking for this group's thread under their own slug."""
    other_slug = world["other"].slug
    path = reverse(
        "working_groups:thread", kwargs={"slug": other_slug, "thread_id": world["thread"].pk}
    )
    response = as_role(client, world, role).get(path)
    assert outcome(response) in (LOGIN, FORBIDDEN, 404)
    if role == "outsider":
        assert response.status_code == 404
