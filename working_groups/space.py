"""What members do in a group's private space: discuss, share documents, meet.

Views check ``permissions`` and call these functions; each change that members should hear
about is recorded as an activity, in the same transaction as the change itself. Its summary
holds ``ACTOR`` where the name goes: the feed names the actor when it shows the line.
"""

import datetime
import zoneinfo
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.uploads import validate_upload

from .activity import ACTOR, record
from .choices import ActivityKind
from .models import DocumentVersion, GroupDocument, Meeting, Post, Thread

MEETING_FIELDS = (
    "title",
    "starts_at",
    "time_zone",
    "duration_minutes",
    "location",
    "agenda",
    "minutes",
)


# Discussions


def start_thread(group, author, title, body):
    with transaction.atomic():
        thread = Thread.objects.create(group=group, title=title, author=author)
        Post.objects.create(thread=thread, author=author, body=body)
        summary = _("%(name)s started the discussion “%(title)s”") % {
            "name": ACTOR,
            "title": title,
        }
        record(group, author, ActivityKind.THREAD, summary, thread.get_absolute_url())
    return thread


def reply(thread, author, body):
    """Add a reply and move the thread to the top of the list."""
    with transaction.atomic():
        post = Post.objects.create(thread=thread, author=author, body=body)
        Thread.objects.filter(pk=thread.pk).update(last_activity_at=post.created_at)
        thread.last_activity_at = post.created_at
        summary = _("%(name)s replied in “%(title)s”") % {
            "name": ACTOR,
            "title": thread.title,
        }
        record(thread.group, author, ActivityKind.REPLY, summary, post_url(post))
    return post


def post_url(post):
    return f"{post.thread.get_absolute_url()}#post-{post.pk}"


def edit_post(post, body):
    post.body = body
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "edited_at"])
    return post


def remove_post(post, by):
    """Soft removal: the post keeps its place in the thread, without its words. When someone
    other than the author removes it, the thread says a coordinator did."""
    post.removed_at = timezone.now()
    post.body = ""
    post.removed_by_moderator = by.pk != post.author_id
    post.save(update_fields=["removed_at", "body", "removed_by_moderator"])
    return post


# Documents


def add_document(group, by, title, description, upload, note=""):
    """Create a document with ``upload`` as its version 1."""
    validated = validate_upload(upload)
    with _file_removed_on_failure() as created, transaction.atomic():
        document = GroupDocument.objects.create(
            group=group, title=title, description=description, created_by=by
        )
        created.append(_store_version(document, 1, by, upload, validated, note))
        summary = _("%(name)s shared the document “%(title)s”") % {
            "name": ACTOR,
            "title": title,
        }
        record(group, by, ActivityKind.DOCUMENT, summary, document.get_absolute_url())
    return document


def add_version(document, by, upload, note=""):
    """Add the next version. The document row is locked so two uploads at once cannot both
    take the same number (and the unique constraint stops it if a database ignores the lock)."""
    validated = validate_upload(upload)
    with _file_removed_on_failure() as created, transaction.atomic():
        locked = GroupDocument.objects.select_for_update().get(pk=document.pk)
        number = (locked.versions.aggregate(last=Max("number"))["last"] or 0) + 1
        version = _store_version(locked, number, by, upload, validated, note)
        created.append(version)
        GroupDocument.objects.filter(pk=document.pk).update(updated_at=timezone.now())
        summary = _("%(name)s uploaded version %(number)s of “%(title)s”") % {
            "name": ACTOR,
            "number": number,
            "title": document.title,
        }
        record(document.group, by, ActivityKind.VERSION, summary, document.get_absolute_url())
    return version


def _store_version(document, number, by, upload, validated, note):
    upload.name = validated.filename
    return DocumentVersion.objects.create(
        document=document,
        number=number,
        file=upload,
        filename=validated.filename,
        content_type=validated.content_type,
        size=validated.size,
        note=note,
        uploaded_by=by,
    )


@contextmanager
def _file_removed_on_failure():
    """A file is written before its row commits: if the transaction fails, delete the file so
    no private document is left on disk without a record of who may read it."""
    created = []
    try:
        yield created
    except BaseException:
        for version in created:
            version.file.delete(save=False)
        raise


# Meetings


class NonexistentLocalTime(ValueError):
    """The clocks skip this local time (the spring change to summer time)."""


def local_to_utc(day, time, zone_name):
    """An aware UTC datetime for a wall-clock date and time in ``zone_name``.

    When clocks go back, a local time happens twice; the first (summer-time) one is meant."""
    zone = zoneinfo.ZoneInfo(zone_name)
    local = datetime.datetime.combine(day, time).replace(tzinfo=zone, fold=0)
    in_utc = local.astimezone(datetime.UTC)
    if in_utc.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise NonexistentLocalTime(f"{day} {time} does not exist in {zone_name}")
    return in_utc


def plan_meeting(
    group, by, *, title, starts_at, time_zone, duration_minutes=90, location="", agenda=""
):
    with transaction.atomic():
        meeting = Meeting.objects.create(
            group=group,
            created_by=by,
            title=title,
            starts_at=starts_at,
            time_zone=time_zone,
            duration_minutes=duration_minutes,
            location=location,
            agenda=agenda,
        )
        summary = _("%(name)s planned the meeting “%(title)s” on %(when)s") % {
            "name": ACTOR,
            "title": title,
            "when": _when(meeting),
        }
        record(group, by, ActivityKind.MEETING, summary, meeting.get_absolute_url())
    return meeting


def update_meeting(meeting, by, **changes):
    """Change a meeting's details, agenda or minutes; members hear about it when something
    actually changed."""
    unknown = set(changes) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"not a meeting field: {', '.join(sorted(unknown))}")
    changed = [name for name, value in changes.items() if getattr(meeting, name) != value]
    if not changed:
        return meeting
    had_minutes = bool(meeting.minutes.strip())
    for name in changed:
        setattr(meeting, name, changes[name])
    with transaction.atomic():
        meeting.save(update_fields=changed)
        summary = _update_summary(meeting, by, changed, had_minutes)
        record(meeting.group, by, ActivityKind.MEETING, summary, meeting.get_absolute_url())
    return meeting


def _update_summary(meeting, by, changed, had_minutes):
    values = {"name": ACTOR, "title": meeting.title, "when": _when(meeting)}
    if "starts_at" in changed or "time_zone" in changed:
        return _("%(name)s moved the meeting “%(title)s” to %(when)s") % values
    if "minutes" in changed and not had_minutes:
        return _("%(name)s added the minutes of “%(title)s”") % values
    return _("%(name)s updated the meeting “%(title)s”") % values


def _when(meeting):
    local = meeting.local_start
    return f"{local:%Y-%m-%d %H:%M} ({meeting.time_zone})"
