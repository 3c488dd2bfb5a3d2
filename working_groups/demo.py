"""Demo working groups: one per practice and one per main target group, a published output,
and (for development only) demo people with a lived-in private space.

Idempotent like every demo loader: groups are found by slug, the output by slug under the
outputs index, people by e-mail address, and discussions, documents and meetings by title
within their group. Whatever already exists is left exactly as editors and members may have
changed it; only what is missing is created.

People are created only when asked (``include_people``, which ``load_demo_content`` ties to
DEBUG): accounts with a published password must never reach a public server.
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from allauth.account.models import EmailAddress

from portal.demo_files import demo_file_content
from portal.uploads import validate_upload
from vocabularies.models import Country, Language, Practice, TargetGroup

from .activity import ACTOR, record
from .choices import ActivityKind, Axis, MembershipStatus, NotifyBy
from .models import (
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
from .outputs import output_index

DATA_FILE = Path(__file__).with_name("demo_groups.json")
DEMO_TIME_ZONE = "Europe/Brussels"


@dataclass
class DemoGroupsReport:
    """What one run created; ``logins`` is filled only when people were asked for."""

    groups: int = 0
    outputs: int = 0
    people: int = 0
    threads: int = 0
    documents: int = 0
    meetings: int = 0
    password: str = ""
    logins: list = field(default_factory=list)  # (e-mail address, who they are)


def read_demo_groups(path=DATA_FILE):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


@transaction.atomic
def load_working_groups(include_people, data=None):
    """Create what is missing of the demo groups (and, if asked, people and their work)."""
    data = data if data is not None else read_demo_groups()
    report = DemoGroupsReport()
    groups = {entry["slug"]: _ensure_group(entry, report) for entry in data["groups"]}
    _ensure_output(groups[data["output"]["group"]], data["output"], report)
    if include_people:
        _load_people_and_spaces(groups, data, report)
    return report


def _days_ago(days):
    return timezone.now() - timedelta(days=days)


def _backdate(model, pk, **fields):
    """Spread the demo over the past weeks, so the feed and lists look lived in."""
    model.objects.filter(pk=pk).update(**fields)


# Groups and their public output


def _term(model, slug):
    term = model.objects.filter(slug=slug).first()
    if term is None:
        raise ValueError(f"Unknown {model._meta.verbose_name} in demo data: {slug}")
    return term


def _ensure_group(entry, report):
    group = WorkingGroup.objects.filter(slug=entry["slug"]).first()
    if group is not None:
        return group
    by_practice = entry["axis"] == Axis.PRACTICE
    report.groups += 1
    return WorkingGroup.objects.create(
        slug=entry["slug"],
        name=entry["name"],
        axis=entry["axis"],
        practice=_term(Practice, entry["practice"]) if by_practice else None,
        target_group=None if by_practice else _term(TargetGroup, entry["target_group"]),
        description=entry["description"],
    )


def _ensure_output(group, entry, report):
    index = output_index()
    if OutputPage.objects.child_of(index).filter(slug=entry["slug"]).exists():
        return
    page = OutputPage(
        title=entry["title"],
        slug=entry["slug"],
        group=group,
        kind=entry["kind"],
        date=date.fromisoformat(entry["date"]),
        summary=entry["summary"],
        body=[(block_type, value) for block_type, value in entry["body"]],
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    summary = f"{group} published “{page.title}”"
    activity = record(group, None, ActivityKind.OUTPUT, summary, page.url)
    published = datetime.combine(page.date, time(12), tzinfo=ZoneInfo(DEMO_TIME_ZONE))
    if published < timezone.now():
        _backdate(Activity, activity.pk, created_at=published)
    report.outputs += 1


# People


def _load_people_and_spaces(groups, data, report):
    people = {
        entry["email"]: _ensure_person(entry, data["password"], groups, report)
        for entry in data["people"]
    }
    for entry in data["threads"]:
        _ensure_thread(groups[entry["group"]], entry, people, report)
    for entry in data["documents"]:
        _ensure_document(groups[entry["group"]], entry, people, report)
    for entry in data["meetings"]:
        _ensure_meeting(groups[entry["group"]], entry, people, report)
    report.password = data["password"]
    report.logins = [(entry["email"], entry["role"]) for entry in data["people"]]


def _ensure_person(entry, password, groups, report):
    """A new person gets a verified address, a profile and their memberships; someone found
    by e-mail address is left alone, memberships included (they may have left a group)."""
    User = get_user_model()
    user = User.objects.filter(email__iexact=entry["email"]).first()
    if user is not None:
        return user
    user = User.objects.create_user(
        email=entry["email"],
        password=password,
        first_name=entry["first_name"],
        last_name=entry["last_name"],
        is_staff=entry.get("is_staff", False),
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    _set_profile(user, entry.get("profile", {}))
    user.groups.add(*Group.objects.filter(name__in=entry.get("wagtail_groups", [])))
    for membership in entry.get("memberships", []):
        _add_membership(user, groups[membership["group"]], membership)
    report.people += 1
    return user


def _set_profile(user, profile):
    user.organisation = profile.get("organisation", "")
    user.country = Country.objects.filter(code=profile.get("country")).first()
    user.practice = Practice.objects.filter(slug=profile.get("practice")).first()
    user.is_researcher = profile.get("is_researcher", False)
    user.save(update_fields=["organisation", "country", "practice", "is_researcher"])
    user.working_languages.set(
        Language.objects.filter(code__in=profile.get("working_languages", []))
    )


def _add_membership(user, group, entry):
    """Daily digests, never immediate e-mail: loading the demo sends nothing."""
    when = _days_ago(entry["days_ago"])
    active = entry["status"] == MembershipStatus.ACTIVE
    membership = Membership.objects.create(
        group=group,
        user=user,
        role=entry["role"],
        status=entry["status"],
        motivation=entry.get("motivation", ""),
        notify=NotifyBy.DAILY,
        decided_at=when if active else None,
    )
    _backdate(Membership, membership.pk, created_at=when)
    if active:
        members_url = reverse("working_groups:members", kwargs={"slug": group.slug})
        summary = f"{ACTOR} joined the group."
        activity = record(group, user, ActivityKind.JOINED, summary, members_url)
        _backdate(Activity, activity.pk, created_at=when)


# The private space


def _ensure_thread(group, entry, people, report):
    if group.threads.filter(title=entry["title"]).exists():
        return
    thread = Thread.objects.create(
        group=group, title=entry["title"], author=people[entry["author"]]
    )
    for number, data in enumerate(entry["posts"]):
        author, when = people[data["author"]], _days_ago(data["days_ago"])
        post = Post.objects.create(thread=thread, author=author, body=data["body"])
        if number == 0:
            kind, summary = ActivityKind.THREAD, f"{ACTOR} started a discussion: “{thread}”"
        else:
            kind, summary = ActivityKind.REPLY, f"{ACTOR} replied to “{thread}”"
        activity = record(group, author, kind, summary, thread.get_absolute_url())
        _backdate(Post, post.pk, created_at=when)
        _backdate(Activity, activity.pk, created_at=when)
    _backdate(
        Thread,
        thread.pk,
        created_at=_days_ago(entry["days_ago"]),
        last_activity_at=_days_ago(entry["posts"][-1]["days_ago"]),
    )
    report.threads += 1


def _ensure_document(group, entry, people, report):
    if group.documents.filter(title=entry["title"]).exists():
        return
    document = GroupDocument.objects.create(
        group=group,
        title=entry["title"],
        description=entry["description"],
        created_by=people[entry["author"]],
    )
    for number, data in enumerate(entry["versions"], start=1):
        author, when = people[data["author"]], _days_ago(data["days_ago"])
        version = _add_version(document, number, data, author)
        if number == 1:
            kind, summary = ActivityKind.DOCUMENT, f"{ACTOR} added the document “{document}”"
        else:
            kind, summary = (
                ActivityKind.VERSION,
                f"{ACTOR} uploaded version {number} of “{document}”",
            )
        activity = record(group, author, kind, summary, document.get_absolute_url())
        _backdate(DocumentVersion, version.pk, uploaded_at=when)
        _backdate(Activity, activity.pk, created_at=when)
    _backdate(
        GroupDocument,
        document.pk,
        created_at=_days_ago(entry["versions"][0]["days_ago"]),
        updated_at=_days_ago(entry["versions"][-1]["days_ago"]),
    )
    report.documents += 1


def _add_version(document, number, data, author):
    """Save a generated file through the model's FileField, onto the private storage, after
    the same content check that every member's upload goes through."""
    upload = ContentFile(demo_file_content(data["filename"], data["lines"]), name=data["filename"])
    checked = validate_upload(upload)
    version = DocumentVersion(
        document=document,
        number=number,
        filename=checked.filename,
        content_type=checked.content_type,
        size=checked.size,
        note=data.get("note", ""),
        uploaded_by=author,
    )
    version.file.save(checked.filename, upload, save=True)
    return version


def _ensure_meeting(group, entry, people, report):
    if group.meetings.filter(title=entry["title"]).exists():
        return
    author = people[entry["author"]]
    day = timezone.localdate() + timedelta(days=entry["days_from_now"])
    starts_at = datetime.combine(
        day, time.fromisoformat(entry["local_time"]), tzinfo=ZoneInfo(DEMO_TIME_ZONE)
    )
    meeting = Meeting.objects.create(
        group=group,
        title=entry["title"],
        starts_at=starts_at,
        time_zone=DEMO_TIME_ZONE,
        duration_minutes=entry["duration_minutes"],
        location=entry["location"],
        agenda=entry["agenda"],
        minutes=entry.get("minutes", ""),
        created_by=author,
    )
    planned = min(starts_at - timedelta(days=14), _days_ago(1))
    activity = record(
        group,
        author,
        ActivityKind.MEETING,
        f"{ACTOR} planned a meeting: “{meeting}”",
        meeting.get_absolute_url(),
    )
    _backdate(Meeting, meeting.pk, created_at=planned)
    _backdate(Activity, activity.pk, created_at=planned)
    report.meetings += 1
