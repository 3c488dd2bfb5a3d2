"""Working groups in search: a group and its outputs are public; its discussions, documents and
meetings are found by its active members only, and follow every change once it is committed."""

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from search import indexing, rebuild, registry
from search.models import IndexedDocument
from search.schema import group_visibility
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
from tests.helpers import dom
from working_groups.choices import Axis, OutputKind
from working_groups.models import DocumentVersion, GroupDocument
from working_groups.outputs import publish

pytestmark = pytest.mark.django_db

THREAD_TITLE = "Waiting lists in outpatient clinics"
SECRET_WORD = "quasar"  # only in a reply


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block's on-commit work (indexing) as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def group(committed):
    with committed():
        return WorkingGroupFactory(
            name="Healthcare practitioners",
            slug="healthcare",
            description="Clinicians who treat people who fear they might offend.",
        )


@pytest.fixture
def other_group(committed):
    with committed():
        return WorkingGroupFactory(
            name="Families", slug="families", axis=Axis.PROGRAMME, description="Parents, carers."
        )


@pytest.fixture
def thread(group, committed):
    with committed():
        thread = ThreadFactory(group=group, title=THREAD_TITLE, body="How long do people wait?")
        PostFactory(thread=thread, body=f"In our clinic the {SECRET_WORD} list is six weeks.")
    return thread


def _staff_editor():
    from django.contrib.auth.models import Group

    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


VISITORS = {
    "member": lambda group, other: MembershipFactory(group=group).user,
    "coordinator": lambda group, other: CoordinatorFactory(group=group).user,
    "member_of_another_group": lambda group, other: MembershipFactory(group=other).user,
    "pending_applicant": lambda group, other: PendingMembershipFactory(group=group).user,
    "staff_editor": lambda group, other: _staff_editor(),
    "administrator": lambda group, other: UserFactory(is_staff=True, is_superuser=True),
    "anonymous": None,
}
MEMBERS = {"member", "coordinator"}


@pytest.fixture(params=list(VISITORS))
def visitor(request, client, group, other_group):
    """(name, client logged in as that kind of visitor)."""
    make = VISITORS[request.param]
    if make is not None:
        client.force_login(make(group, other_group))
    return request.param, client


def api(client, **params):
    response = client.get("/api/search/", params)
    assert response.status_code == 200
    return response.json()


def titles(found):
    return [result["title"] for result in found["results"]]


def test_a_discussion_is_found_by_a_word_in_a_reply_by_members_only(thread, visitor):
    name, client = visitor
    expected = [THREAD_TITLE] if name in MEMBERS else []
    found = api(client, q=SECRET_WORD)
    assert titles(found) == expected
    assert found["total"] == len(expected)


def test_the_search_page_shows_a_discussion_to_members_only(thread, visitor):
    name, client = visitor
    response = client.get("/search/", {"q": SECRET_WORD})
    assert response.status_code == 200
    shown = [h3.text for h3 in dom(response).find_all("h3", cls="result__title")]
    assert shown == ([THREAD_TITLE] if name in MEMBERS else [])
    if name not in MEMBERS:
        assert THREAD_TITLE not in response.content.decode()


def test_facet_counts_count_a_discussion_for_members_only(thread, visitor):
    name, client = visitor
    types = {option["value"]: option["count"] for option in api(client)["facets"]["type"]}
    assert types.get("discussion") == (1 if name in MEMBERS else None)
    assert types["working_group"] == 2  # both groups are public


def test_suggestions_offer_a_discussion_to_members_only(thread, visitor):
    name, client = visitor
    response = client.get("/api/search/suggest/", {"q": SECRET_WORD})
    assert response.status_code == 200
    suggested = [s["title"] for s in response.json()["suggestions"]]
    assert suggested == ([THREAD_TITLE] if name in MEMBERS else [])


def test_a_discussion_is_indexed_for_its_group_only(thread, indexed):
    doc = indexed(f"discussion:{thread.pk}")
    assert doc["visibility"] == [group_visibility(thread.group_id)]
    assert doc["url"] == f"/working-groups/healthcare/space/discussions/{thread.pk}/"
    assert doc["practice"] == ["healthcare"]
    assert SECRET_WORD in doc["body"]
    assert not IndexedDocument.objects.get(key=f"discussion:{thread.pk}").is_public


def test_a_removed_post_is_no_longer_found(thread, client, committed):
    member = MembershipFactory(group=thread.group).user
    client.force_login(member)
    reply = thread.posts.get(body__contains=SECRET_WORD)
    with committed():
        reply.removed_at = timezone.now()
        reply.save()
    assert api(client, q=SECRET_WORD)["total"] == 0
    assert titles(api(client, q="outpatient")) == [THREAD_TITLE]  # the thread itself stays


def test_a_deleted_post_is_no_longer_found(thread, client, committed):
    client.force_login(MembershipFactory(group=thread.group).user)
    with committed():
        thread.posts.get(body__contains=SECRET_WORD).delete()
    assert api(client, q=SECRET_WORD)["total"] == 0


def test_documents_and_meetings_are_found_by_members_only(group, client, committed):
    with committed():
        document = GroupDocument.objects.create(
            group=group, title="Referral pathway", description="Who refers to whom."
        )
        DocumentVersion.objects.create(
            document=document,
            number=1,
            file=ContentFile(b"text", name="pathway.txt"),
            filename="referral-flowchart.pdf",
            content_type="application/pdf",
            size=4,
        )
        MeetingFactory(group=group, title="Spring meeting", agenda="Budget", minutes="Agreed.")
    assert api(client, q="flowchart")["total"] == 0
    assert api(client, q="budget")["total"] == 0
    client.force_login(MembershipFactory(group=group).user)
    assert titles(api(client, q="flowchart")) == ["Referral pathway"]
    assert titles(api(client, q="budget agreed")) == ["Spring meeting"]


def test_deleting_a_group_removes_all_its_documents(thread, committed):
    group = thread.group
    with committed():
        MeetingFactory(group=group)
        GroupDocument.objects.create(group=group, title="Referral pathway")
    assert IndexedDocument.objects.filter(type="meeting").exists()
    with committed():
        group.delete()
    assert not IndexedDocument.objects.filter(
        type__in=["working_group", "discussion", "meeting", "group_document"],
        url__startswith="/working-groups/healthcare/",
    ).exists()
    assert not IndexedDocument.objects.filter(key=f"working_group:{group.pk}").exists()


def test_a_group_is_found_publicly_with_what_it_covers(group, other_group, client):
    found = api(client, q="clinicians")
    assert titles(found) == ["Healthcare practitioners"]
    assert found["results"][0]["url"] == "/working-groups/healthcare/"
    assert found["results"][0]["type"] == "working_group"
    families = api(client, target_group="fear-they-might-offend")
    assert "Families" in titles(families)


def test_an_output_is_found_publicly(group, home, client, committed):
    coordinator = CoordinatorFactory(group=group).user
    with committed():
        page = publish(
            group,
            coordinator,
            {"title": "Guideline on triage", "kind": OutputKind.GUIDELINE,
             "summary": "How to triage referrals.", "body": "Use the **zephyr** scale."},
        )  # fmt: skip
    found = api(client, q="zephyr")
    assert titles(found) == ["Guideline on triage"]
    assert found["results"][0]["type"] == "output"
    assert found["results"][0]["url"] == page.url
    facets = api(client, type="output")["facets"]
    assert [option["value"] for option in facets["practice"]] == ["healthcare"]


def test_an_unpublished_output_is_no_longer_found(group, home, client, committed):
    with committed():
        page = publish(
            group,
            CoordinatorFactory(group=group).user,
            {"title": "Report on waiting", "kind": OutputKind.REPORT, "summary": "Waiting."},
        )
    with committed():
        page.unpublish()
    assert api(client, q="waiting")["total"] == 0


def test_a_rebuild_keeps_private_content_private(thread, client, indexed):
    rebuild.rebuild_embedded()
    assert indexed(f"discussion:{thread.pk}")["visibility"] == [group_visibility(thread.group_id)]
    assert api(client, q=SECRET_WORD)["total"] == 0
    assert "Healthcare practitioners" in titles(api(client, q="healthcare"))


def test_group_content_types_have_labels(thread, client):
    response = client.get("/search/", {"type": "working_group"})
    assert "Working group" in dom(response).find("aside", cls="filters").text


def test_a_rebuild_reads_group_content_in_a_fixed_number_of_queries(group):
    sources = [registry.source_for_type(name) for name in ("discussion", "meeting")]

    def queries():
        with CaptureQueriesContext(connection) as captured:
            docs = list(indexing.all_documents(sources))
        return len(docs), len(captured)

    ThreadFactory(group=group)
    MeetingFactory(group=group)
    count, few = queries()
    for _ in range(4):
        PostFactory(thread=ThreadFactory(group=group))
        MeetingFactory(group=group)
    assert queries() == (count + 8, few)
