"""Everything the portal holds about one member, as plain JSON-ready data.

A member may ask what we hold about them and take it with them (GDPR articles 15 and 20).
This module is the list of it: a model that stores personal data about a member must appear
here. Two-factor secrets and recovery codes are never exported: a file that leaks would
otherwise hand over the second factor too.
"""

from django.utils import timezone

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from working_groups.models import (
    DocumentVersion,
    GroupDocument,
    Invitation,
    Meeting,
    Membership,
    Notification,
    Post,
    Thread,
)

FORMAT = "european-prevention-network/account-data"
VERSION = 1


def _when(moment):
    return moment.isoformat() if moment else None


def _name(term):
    return term.name if term else None


def export_user_data(user):
    """A dict of everything held about ``user``; dates are ISO 8601 strings."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": _when(timezone.now()),
        "account": _account(user),
        "email_addresses": _email_addresses(user),
        "profile": _profile(user),
        "memberships": _memberships(user),
        "invitations_accepted": _invitations_accepted(user),
        "threads_started": _threads(user),
        "posts": _posts(user),
        "documents": _documents(user),
        "document_versions": _document_versions(user),
        "meetings_planned": _meetings(user),
        "notifications": _notifications(user),
        "two_factor_methods": _two_factor_methods(user),
    }


def _account(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
        "is_staff": user.is_staff,
    }


def _email_addresses(user):
    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("email")
    ]


def _profile(user):
    return {
        "organisation": user.organisation,
        "country": _name(user.country),
        "practice": _name(user.practice),
        "is_researcher": user.is_researcher,
        "working_languages": [language.name for language in user.working_languages.all()],
    }


def _memberships(user):
    memberships = Membership.objects.filter(user=user).select_related("group")
    return [
        {
            "group": membership.group.name,
            "role": membership.role,
            "status": membership.status,
            "motivation": membership.motivation,
            "notifications": membership.notify,
            "requested_at": _when(membership.created_at),
            "decided_at": _when(membership.decided_at),
        }
        for membership in memberships.order_by("created_at")
    ]


def _invitations_accepted(user):
    invitations = Invitation.objects.filter(accepted_by=user).select_related("group")
    return [
        {
            "group": invitation.group.name,
            "email": invitation.email,
            "invited_at": _when(invitation.created_at),
            "accepted_at": _when(invitation.accepted_at),
        }
        for invitation in invitations.order_by("accepted_at")
    ]


def _threads(user):
    threads = Thread.objects.filter(author=user).select_related("group")
    return [
        {"group": thread.group.name, "title": thread.title, "started_at": _when(thread.created_at)}
        for thread in threads.order_by("created_at")
    ]


def _posts(user):
    posts = Post.objects.filter(author=user).select_related("thread__group")
    return [
        {
            "group": post.thread.group.name,
            "thread": post.thread.title,
            "body": post.body,
            "written_at": _when(post.created_at),
            "edited_at": _when(post.edited_at),
            "removed": post.is_removed,
            "removed_at": _when(post.removed_at),
        }
        for post in posts.order_by("created_at", "pk")
    ]


def _documents(user):
    documents = GroupDocument.objects.filter(created_by=user).select_related("group")
    return [
        {
            "group": document.group.name,
            "title": document.title,
            "description": document.description,
            "created_at": _when(document.created_at),
        }
        for document in documents.order_by("created_at")
    ]


def _document_versions(user):
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
            "uploaded_at": _when(version.uploaded_at),
        }
        for version in versions.order_by("uploaded_at", "pk")
    ]


def _meetings(user):
    meetings = Meeting.objects.filter(created_by=user).select_related("group")
    return [
        {
            "group": meeting.group.name,
            "title": meeting.title,
            "starts_at": _when(meeting.starts_at),
            "time_zone": meeting.time_zone,
            "duration_minutes": meeting.duration_minutes,
            "location": meeting.location,
            "agenda": meeting.agenda,
            "planned_at": _when(meeting.created_at),
        }
        for meeting in meetings.order_by("created_at")
    ]


def _notifications(user):
    notifications = Notification.objects.filter(recipient=user).select_related(
        "activity__group", "activity__actor"
    )
    return [
        {
            "group": notification.activity.group.name,
            "about": notification.activity.text,
            "created_at": _when(notification.created_at),
            "sent_at": _when(notification.sent_at),
        }
        for notification in notifications
    ]


def _two_factor_methods(user):
    """Which methods are on, and when they were used; never their secrets."""
    return [
        {
            "type": authenticator.type,
            "added_at": _when(authenticator.created_at),
            "last_used_at": _when(authenticator.last_used_at),
        }
        for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
    ]
