"""Demo working groups: groups on both axes and a public output always; demo people, with a
private space to explore, only when asked for (DEBUG). Safe to run again."""

import re
from collections import Counter
from io import StringIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.storage import storages
from django.core.management import call_command

import pytest
from allauth.account.models import EmailAddress

from vocabularies.seed import PRACTICES
from working_groups.choices import Axis, MembershipStatus, NotifyBy, Role
from working_groups.demo import load_working_groups, read_demo_groups
from working_groups.models import (
    Activity,
    DocumentVersion,
    GroupDocument,
    Meeting,
    Membership,
    OutputPage,
    Post,
    Thread,
    WorkingGroup,
)

pytestmark = pytest.mark.django_db

DOMAIN_PRACTICES = {slug for slug, _name in PRACTICES} - {"civil-society"}
DEMO_EMAILS = [person["email"] for person in read_demo_groups()["people"]]
PASSWORD = read_demo_groups()["password"]


def assert_is_a_readable_pdf(pdf):
    """What a PDF reader relies on: the header, and a cross-reference table whose offsets
    point at each object, found through ``startxref``."""
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    xref_at = int(re.search(rb"startxref\n(\d+)", pdf).group(1))
    assert pdf[xref_at:].startswith(b"xref")
    offsets = [int(offset) for offset in re.findall(rb"(\d{10}) 00000 n", pdf)]
    assert [pdf[offset:].split(b"\n", 1)[0] for offset in offsets] == [
        b"%d 0 obj" % number for number in range(1, len(offsets) + 1)
    ]


def counts():
    models = [WorkingGroup, OutputPage, Membership, Thread, Post, GroupDocument,
              DocumentVersion, Meeting, Activity, EmailAddress, get_user_model()]  # fmt: skip
    return Counter({model.__name__: model.objects.count() for model in models})


# With the test settings (DEBUG off), as on a server


def test_groups_cover_every_practice_of_the_domain(demo_content):
    by_practice = WorkingGroup.objects.filter(axis=Axis.PRACTICE)
    assert set(by_practice.values_list("practice__slug", flat=True)) == DOMAIN_PRACTICES
    assert all(len(group.description) > 100 for group in by_practice)


def test_groups_cover_the_main_target_groups(demo_content):
    covered = set(
        WorkingGroup.objects.filter(axis=Axis.PROGRAMME).values_list(
            "target_group__slug", flat=True
        )
    )
    assert {
        "fear-they-might-offend",
        "offended-in-prison",
        "offended-after-release",
        "children",
        "parents-carers",
    } <= covered


def test_the_output_is_public(client, demo_content):
    output = OutputPage.objects.live().get()
    assert output.group.slug == "fear-they-might-offend"
    assert output.get_parent().slug == "outputs"
    response = client.get(output.url)
    assert response.status_code == 200
    assert output.title in response.content.decode()


def test_no_demo_people_without_debug(demo_content):
    assert not get_user_model().objects.filter(email__in=DEMO_EMAILS).exists()
    assert not Membership.objects.exists()
    assert not Thread.objects.exists()
    assert not GroupDocument.objects.exists()
    assert not Meeting.objects.exists()


def test_no_logins_are_printed_without_debug(demo_content):
    out = StringIO()
    call_command("load_demo_content", stdout=out, verbosity=0)
    assert "0 working groups and 0 group outputs added" in out.getvalue()
    assert PASSWORD not in out.getvalue()


# With people, as in development


def test_with_debug_the_command_adds_people_and_prints_their_logins(demo_content, settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("load_demo_content", stdout=out, verbosity=0)
    output = out.getvalue()
    assert f'password "{PASSWORD}"' in output
    assert all(email in output for email in DEMO_EMAILS)
    assert get_user_model().objects.filter(email__in=DEMO_EMAILS).count() == len(DEMO_EMAILS)


@pytest.fixture
def demo_people(db):
    report = load_working_groups(include_people=True)
    return report, {user.email: user for user in get_user_model().objects.all()}


def test_the_demo_people_can_sign_in(demo_people):
    report, users = demo_people
    assert [email for email, _who in report.logins] == DEMO_EMAILS
    assert report.password == PASSWORD
    for email in DEMO_EMAILS:
        assert users[email].check_password(PASSWORD)
        assert EmailAddress.objects.get(user=users[email]).verified


def test_the_demo_people_have_their_roles(demo_people):
    _report, users = demo_people
    healthcare = WorkingGroup.objects.get(slug="healthcare")

    def membership(email, group=healthcare):
        return Membership.objects.get(user=users[email], group=group)

    assert membership("coordinator@example.org").is_coordinator
    fear = WorkingGroup.objects.get(slug="fear-they-might-offend")
    assert membership("coordinator@example.org", fear).role == Role.COORDINATOR
    assert membership("member@example.org").is_active
    pending = membership("applicant@example.org")
    assert pending.status == MembershipStatus.PENDING and pending.motivation
    assert users["researcher@example.org"].is_researcher
    editor = users["editor@example.org"]
    assert editor.is_staff
    assert set(editor.groups.values_list("name", flat=True)) == {"Editors", "Moderators"}
    assert not editor.memberships.exists()
    assert set(Membership.objects.values_list("notify", flat=True)) == {NotifyBy.DAILY}


def test_the_private_spaces_have_discussions_documents_and_meetings(demo_people):
    threads = Thread.objects.all()
    assert threads.count() >= 2
    assert all(thread.posts.count() >= 2 for thread in threads)
    assert "<strong>" in Post.objects.filter(body__contains="**").first().body_html
    meetings = Meeting.objects.filter(group__slug="healthcare")
    future = meetings.get(minutes="")
    assert future.time_zone == "Europe/Brussels" and future.agenda_html
    assert meetings.exclude(pk=future.pk).get().minutes_html
    assert future.starts_at > meetings.exclude(pk=future.pk).get().starts_at
    kinds = set(Activity.objects.values_list("kind", flat=True))
    assert {"thread", "reply", "document", "version", "meeting", "joined", "output"} <= kinds


def test_document_versions_are_real_files_on_the_private_storage(demo_people):
    document = GroupDocument.objects.get(versions__number=2)
    first, second = document.versions.order_by("number")
    with first.file.open("rb") as handle:
        assert handle.read().startswith(b"# Responding to disclosures")
    with second.file.open("rb") as handle:
        pdf = handle.read()
    assert_is_a_readable_pdf(pdf)
    assert rb"(Responding to disclosures in healthcare \(draft 2\)) Tj" in pdf
    assert second.size == len(pdf) and second.content_type == "application/pdf"
    assert document.latest_version() == second
    private = storages["private"]
    assert all(v.file.path.startswith(private.location) for v in (first, second))
    assert not first.file.path.startswith(settings.MEDIA_ROOT)


def test_a_second_run_creates_nothing(demo_people):
    before = counts()
    report = load_working_groups(include_people=True)
    assert counts() == before
    created = (report.groups, report.outputs, report.people, report.threads,
               report.documents, report.meetings)  # fmt: skip
    assert created == (0, 0, 0, 0, 0, 0)


def test_changes_by_editors_and_members_survive_a_second_run(demo_people):
    _report, users = demo_people
    group = WorkingGroup.objects.get(slug="healthcare")
    group.description = "Edited by an editor."
    group.save()
    Membership.objects.get(user=users["member@example.org"], group=group).delete()
    users["coordinator@example.org"].set_password("a-new-password-of-her-own")
    users["coordinator@example.org"].save()
    load_working_groups(include_people=True)
    group.refresh_from_db()
    assert group.description == "Edited by an editor."
    assert not Membership.objects.filter(user=users["member@example.org"], group=group).exists()
    coordinator = get_user_model().objects.get(email="coordinator@example.org")
    assert coordinator.check_password("a-new-password-of-her-own")


def test_people_can_be_added_later_to_groups_loaded_without_them(db):
    load_working_groups(include_people=False)
    report = load_working_groups(include_people=True)
    assert report.groups == 0 and report.outputs == 0
    assert report.people == len(DEMO_EMAILS)
