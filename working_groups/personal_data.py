"""What working groups hold about a member, for the account export and deletion.

Loaded by ``WorkingGroupsConfig.ready()``. What a member wrote stays when they delete their
account (authors are ``SET_NULL``) and is shown as by a former member; what is only about them
(memberships, notifications owed) goes with the account. A group's last coordinator cannot
leave, so cannot delete their account either until someone else coordinates.
"""

from django.urls import reverse
from django.utils.translation import gettext, ngettext

from portal.personal_data import Obstacle, register, when

from .activity import ACTOR
from .choices import MembershipStatus, Role
from .models import (
    Activity,
    DocumentVersion,
    GroupDocument,
    Invitation,
    Meeting,
    Membership,
    Notification,
    OutputPage,
    Post,
    Thread,
)
from .permissions import is_last_coordinator


def groups_needing_a_coordinator(user):
    """Groups ``user`` is the last coordinator of: each group must keep one."""
    memberships = Membership.objects.filter(
        user=user, role=Role.COORDINATOR, status=MembershipStatus.ACTIVE
    ).select_related("group")
    return [m.group for m in memberships.order_by("group__name") if is_last_coordinator(m)]


def _last_coordinator(user):
    groups = groups_needing_a_coordinator(user)
    if not groups:
        return None
    return Obstacle(
        reason=ngettext(
            "You are the last coordinator of this group, and every group needs one:",
            "You are the last coordinator of these groups, and every group needs one:",
            len(groups),
        ),
        links=tuple(
            (group.name, reverse("working_groups:members", kwargs={"slug": group.slug}))
            for group in groups
        ),
        advice=gettext("Promote another member to coordinator first, then come back here."),
    )


@register("memberships", models=[Membership], blocks_deletion=_last_coordinator)
def memberships(user):
    memberships = Membership.objects.filter(user=user).select_related("group")
    return [
        {
            "group": membership.group.name,
            "role": membership.role,
            "status": membership.status,
            "motivation": membership.motivation,
            "notifications": membership.notify,
            "requested_at": when(membership.created_at),
            "decided_at": when(membership.decided_at),
        }
        for membership in memberships.order_by("created_at")
    ]


@register("invitations_accepted", models=[Invitation])
def invitations_accepted(user):
    invitations = Invitation.objects.filter(accepted_by=user).select_related("group")
    return [
        {
            "group": invitation.group.name,
            "email": invitation.email,
            "invited_at": when(invitation.created_at),
            "accepted_at": when(invitation.accepted_at),
        }
        for invitation in invitations.order_by("accepted_at")
    ]


@register("threads_started", models=[Thread])
def threads_started(user):
    threads = Thread.objects.filter(author=user).select_related("group")
    return [
        {"group": thread.group.name, "title": thread.title, "started_at": when(thread.created_at)}
        for thread in threads.order_by("created_at")
    ]


@register("posts", models=[Post])
def posts(user):
    posts = Post.objects.filter(author=user).select_related("thread__group")
    return [
        {
            "group": post.thread.group.name,
            "thread": post.thread.title,
            "body": post.body,
            "written_at": when(post.created_at),
            "edited_at": when(post.edited_at),
            "removed": post.is_removed,
            "removed_at": when(post.removed_at),
        }
        for post in posts.order_by("created_at", "pk")
    ]


@register("documents", models=[GroupDocument])
def documents(user):
    documents = GroupDocument.objects.filter(created_by=user).select_related("group")
    return [
        {
            "group": document.group.name,
            "title": document.title,
            "description": document.description,
            "created_at": when(document.created_at),
        }
        for document in documents.order_by("created_at")
    ]


@register("document_versions", models=[DocumentVersion])
def document_versions(user):
    """What was uploaded, not the files: they belong to the group's library."""
    versions = DocumentVersion.objects.filter(uploaded_by=user).select_related("document__group")
    return [
        {
            "group": version.document.group.name,
            "document": version.document.title,
            "version": version.number,
            "filename": version.filename,
            "content_type": version.content_type,
            "size_bytes": version.size,
            "note": version.note,
            "uploaded_at": when(version.uploaded_at),
        }
        for version in versions.order_by("uploaded_at", "pk")
    ]


@register("meetings_planned", models=[Meeting])
def meetings_planned(user):
    meetings = Meeting.objects.filter(created_by=user).select_related("group")
    return [
        {
            "group": meeting.group.name,
            "title": meeting.title,
            "starts_at": when(meeting.starts_at),
            "time_zone": meeting.time_zone,
            "duration_minutes": meeting.duration_minutes,
            "location": meeting.location,
            "agenda": meeting.agenda,
            "planned_at": when(meeting.created_at),
        }
        for meeting in meetings.order_by("created_at")
    ]


@register("notifications", models=[Notification])
def notifications(user):
    notifications = Notification.objects.filter(recipient=user).select_related(
        "activity__group", "activity__actor"
    )
    return [
        {
            "group": notification.activity.group.name,
            "about": notification.activity.text,
            "created_at": when(notification.created_at),
            "sent_at": when(notification.sent_at),
        }
        for notification in notifications
    ]


def _unname_in_feed(user):
    """Lines recorded before the feed filled in names at display time hold the name itself
    (or, for outputs and demo content, the e-mail address): put ``ACTOR`` back in its place,
    so that once ``actor`` is NULL these lines too, and the digests still owed that list them,
    say "former member"."""
    names = sorted({user.get_full_name(), user.email} - {""}, key=len, reverse=True)
    changed = []
    for activity in Activity.objects.filter(actor=user).only("pk", "summary"):
        summary = activity.summary
        for name in names:
            summary = summary.replace(name, ACTOR)
        if summary != activity.summary:
            activity.summary = summary
            changed.append(activity)
    Activity.objects.bulk_update(changed, ["summary"])


@register("group_activity", models=[Activity], erase=_unname_in_feed)
def group_activity(user):
    """The lines the groups' feeds show about what the member did."""
    activities = Activity.objects.filter(actor=user).select_related("group", "actor")
    return [
        {
            "group": activity.group.name,
            "kind": activity.kind,
            "text": activity.text,
            "at": when(activity.created_at),
        }
        for activity in activities.order_by("created_at", "pk")
    ]


@register("outputs_published", models=[OutputPage])
def outputs_published(user):
    """Guidelines and reports the member published for a group, as its coordinator."""
    outputs = OutputPage.objects.filter(owner=user).select_related("group")
    return [
        {
            "group": output.group.name,
            "title": output.title,
            "kind": output.kind,
            "date": when(output.date),
            "live": output.live,
            "url": output.full_url if output.live else None,
        }
        for output in outputs.order_by("date", "pk")
    ]
