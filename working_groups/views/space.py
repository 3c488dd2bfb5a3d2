"""The private space of a group: discussions, documents and meetings, for its members only.

Every view signs visitors in first, then asks ``permissions``: anyone who is not an active
member of this group (applicants, members of other groups, CMS staff) gets 403. Objects are
always looked up inside the group, so another group's ids are simply not found.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from .. import activity, permissions
from .. import space as services
from ..forms.space import (
    MAX_MEETING_MINUTES,
    DocumentForm,
    EditPostForm,
    MeetingEditForm,
    MeetingForm,
    PostForm,
    ThreadForm,
    VersionForm,
)
from ..models import DocumentVersion, GroupDocument, Meeting, Post, Thread, WorkingGroup

PAGE_SIZE = 25
GET_OR_POST = require_http_methods(["GET", "HEAD", "POST"])


def _space(request, slug):
    group = get_object_or_404(WorkingGroup, slug=slug)
    if not permissions.can_view_space(request.user, group):
        raise PermissionDenied
    return group


def _contributor_only(request, group):
    if not permissions.can_contribute(request.user, group):
        raise PermissionDenied


def _render(request, template, group, section, **context):
    membership = permissions.membership_of(request.user, group)
    context.update(group=group, membership=membership, section=section)
    return render(request, f"working_groups/space/{template}", context)


def _submitted(request):
    """The posted data and files, or None for a GET, so an empty POST still shows errors."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


# Overview


@login_required
@require_safe
def overview(request, slug):
    group = _space(request, slug)
    return _render(
        request,
        "overview.html",
        group,
        "overview",
        threads=group.threads.select_related("author", "group")[:5],
        documents=group.documents.select_related("group")[:5],
        meetings=_upcoming_meetings(group)[:3],
        feed=activity.feed(group, limit=15),
    )


# Discussions


@login_required
@require_safe
def threads(request, slug):
    group = _space(request, slug)
    listed = (
        group.threads.select_related("author", "group")
        .annotate(post_count=Count("posts"))
        .order_by("-last_activity_at", "-pk")
    )
    return _render(request, "threads.html", group, "threads", page_obj=_page(request, listed))


@login_required
@GET_OR_POST
def new_thread(request, slug):
    group = _space(request, slug)
    _contributor_only(request, group)
    form = ThreadForm(_submitted(request)[0])
    if request.method == "POST" and form.is_valid():
        thread = services.start_thread(
            group, request.user, form.cleaned_data["title"], form.cleaned_data["body"]
        )
        return redirect(thread)
    return _render(request, "new_thread.html", group, "threads", form=form)


@login_required
@GET_OR_POST
def thread(request, slug, thread_id):
    group = _space(request, slug)
    discussion = get_object_or_404(
        Thread.objects.select_related("group"), pk=thread_id, group=group
    )
    form = PostForm(_submitted(request)[0])
    if request.method == "POST":
        _contributor_only(request, group)
        if form.is_valid():
            post = services.reply(discussion, request.user, form.cleaned_data["body"])
            return redirect(services.post_url(post))
    posts = discussion.posts.select_related("author")
    return _render(
        request, "thread.html", group, "threads", thread=discussion, posts=posts, form=form
    )


def _post_in(group, post_id):
    return get_object_or_404(
        Post.objects.select_related("thread__group", "author"), pk=post_id, thread__group=group
    )


@login_required
@GET_OR_POST
def edit_post(request, slug, post_id):
    group = _space(request, slug)
    post = _post_in(group, post_id)
    if not permissions.can_edit_post(request.user, post):
        raise PermissionDenied
    form = EditPostForm(_submitted(request)[0], initial={"body": post.body})
    if request.method == "POST" and form.is_valid():
        services.edit_post(post, form.cleaned_data["body"])
        messages.success(request, _("Your post was updated."))
        return redirect(services.post_url(post))
    return _render(request, "edit_post.html", group, "threads", post=post, form=form)


@login_required
@GET_OR_POST
def delete_post(request, slug, post_id):
    group = _space(request, slug)
    post = _post_in(group, post_id)
    if not permissions.can_remove_post(request.user, post):
        raise PermissionDenied
    if request.method == "POST":
        services.remove_post(post, request.user)
        if post.removed_by_moderator:
            messages.success(request, _("The post was removed."))
        else:
            messages.success(request, _("The post was deleted."))
        return redirect(services.post_url(post))
    return _render(request, "delete_post.html", group, "threads", post=post)


# Documents


@login_required
@require_safe
def documents(request, slug):
    group = _space(request, slug)
    listed = group.documents.select_related("group").prefetch_related("versions")
    return _render(request, "documents.html", group, "documents", page_obj=_page(request, listed))


@login_required
@GET_OR_POST
def new_document(request, slug):
    group = _space(request, slug)
    _contributor_only(request, group)
    form = DocumentForm(*_submitted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        document = services.add_document(
            group, request.user, data["title"], data["description"], data["file"], data["note"]
        )
        messages.success(request, _("The document was uploaded."))
        return redirect(document)
    return _render(request, "new_document.html", group, "documents", form=form)


@login_required
@GET_OR_POST
def document(request, slug, document_id):
    group = _space(request, slug)
    shared = get_object_or_404(GroupDocument, pk=document_id, group=group)
    form = VersionForm(*_submitted(request))
    if request.method == "POST":
        _contributor_only(request, group)
        if form.is_valid():
            version = services.add_version(
                shared, request.user, form.cleaned_data["file"], form.cleaned_data["note"]
            )
            messages.success(
                request, _("Version %(number)s was uploaded.") % {"number": version.number}
            )
            return redirect(shared)
    versions = list(shared.versions.select_related("uploaded_by"))
    return _render(
        request, "document.html", group, "documents", document=shared, versions=versions, form=form
    )


@login_required
@require_safe
def download(request, slug, document_id, number):
    """The only way to a document's bytes: checked, never cached, never rendered inline."""
    group = _space(request, slug)
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document__group"),
        document_id=document_id,
        document__group=group,
        number=number,
    )
    if not permissions.can_download(request.user, version):
        raise PermissionDenied
    try:
        handle = version.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle, as_attachment=True, filename=version.filename, content_type=version.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox"
    return response


# Meetings


def _upcoming_meetings(group):
    """Meetings that have not ended yet, soonest first."""
    now = timezone.now()
    earliest = now - datetime.timedelta(minutes=MAX_MEETING_MINUTES)
    candidates = group.meetings.select_related("group").filter(starts_at__gte=earliest)
    candidates = candidates.order_by("starts_at")
    return [
        meeting
        for meeting in candidates
        if meeting.starts_at + datetime.timedelta(minutes=meeting.duration_minutes) > now
    ]


@login_required
@require_safe
def meetings(request, slug):
    group = _space(request, slug)
    upcoming = _upcoming_meetings(group)
    past = group.meetings.select_related("group").exclude(pk__in=[m.pk for m in upcoming])
    return _render(
        request,
        "meetings.html",
        group,
        "meetings",
        upcoming=upcoming,
        page_obj=_page(request, past),
    )


@login_required
@GET_OR_POST
def new_meeting(request, slug):
    group = _space(request, slug)
    _contributor_only(request, group)
    form = MeetingForm(_submitted(request)[0])
    if request.method == "POST" and form.is_valid():
        planned = services.plan_meeting(group, request.user, **form.meeting_values())
        messages.success(request, _("The meeting was added."))
        return redirect(planned)
    return _render(request, "meeting_form.html", group, "meetings", form=form)


@login_required
@require_safe
def meeting(request, slug, meeting_id):
    group = _space(request, slug)
    planned = get_object_or_404(Meeting.objects.select_related("group"), pk=meeting_id, group=group)
    return _render(request, "meeting.html", group, "meetings", meeting=planned)


@login_required
@GET_OR_POST
def edit_meeting(request, slug, meeting_id):
    group = _space(request, slug)
    planned = get_object_or_404(Meeting.objects.select_related("group"), pk=meeting_id, group=group)
    if not permissions.can_edit_meeting(request.user, planned):
        raise PermissionDenied
    form = MeetingEditForm(_submitted(request)[0], meeting=planned)
    if request.method == "POST" and form.is_valid():
        services.update_meeting(planned, request.user, **form.meeting_values())
        messages.success(request, _("The meeting was updated."))
        return redirect(planned)
    return _render(request, "meeting_form.html", group, "meetings", form=form, meeting=planned)
