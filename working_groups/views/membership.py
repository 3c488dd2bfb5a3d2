"""The public group pages, and joining, leaving and running a group's membership.

Each view asks ``permissions`` and leaves the invariants to ``membership``: anonymous
visitors are sent to sign in, signed-in people without the right get 403, and every change
is a POST.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from .. import membership as services
from .. import permissions
from ..choices import Axis, MembershipStatus
from ..forms.membership import InviteForm, JoinForm
from ..models import Invitation, Membership, OutputIndexPage, OutputPage, WorkingGroup
from ..models.groups import INVITATION_LIFETIME


def _group(slug):
    return get_object_or_404(
        WorkingGroup.objects.select_related("practice", "target_group"), slug=slug
    )


def _members_url(group):
    return reverse("working_groups:members", kwargs={"slug": group.slug})


def _posted(request):
    return request.POST if request.method == "POST" else None


def _index_mark(user, group):
    """ "member", "pending" or None: what the list says about the visitor's own groups."""
    if permissions.is_member(user, group):
        return "member"
    return "pending" if permissions.is_pending(user, group) else None


def _viewer_state(user, group):
    """Where the visitor stands towards the group, for the page to say what they can do."""
    if not user.is_authenticated:
        return "anonymous"
    if permissions.is_member(user, group):
        return "coordinator" if permissions.can_manage_members(user, group) else "member"
    if permissions.is_pending(user, group):
        return "pending"
    if permissions.can_request_to_join(user, group):
        return "eligible"
    return "unverified"


def index(request):
    groups = WorkingGroup.objects.select_related("practice", "target_group").annotate(
        member_count=Count(
            "memberships",
            filter=Q(
                memberships__status=MembershipStatus.ACTIVE, memberships__user__is_active=True
            ),
        )
    )
    sections = {Axis.PRACTICE: [], Axis.PROGRAMME: []}
    for group in groups:
        group.mark = _index_mark(request.user, group)
        sections[group.axis].append(group)
    context = {
        "sections": [(axis.value, axis.label, sections[axis]) for axis in Axis],
        "outputs_index": OutputIndexPage.objects.live().filter(locale__language_code="en").first(),
    }
    return render(request, "working_groups/index.html", context)


def group_detail(request, slug):
    group = _group(slug)
    state = _viewer_state(request.user, group)
    context = {
        "group": group,
        "state": state,
        "coordinators": list(group.coordinators().order_by("user__last_name")),
        "member_count": group.active_memberships().count(),
        "outputs": OutputPage.objects.live().filter(group=group).order_by("-date"),
        "join_form": JoinForm() if state == "eligible" else None,
        "can_leave": permissions.can_leave(request.user, group),
    }
    return render(request, "working_groups/group_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def join(request, slug):
    group = _group(slug)
    if permissions.is_member(request.user, group) or permissions.is_pending(request.user, group):
        messages.info(request, _("You are already a member of this group or have asked to join."))
        return redirect(group)
    if not permissions.can_request_to_join(request.user, group):
        raise PermissionDenied
    form = JoinForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.request_to_join(request.user, group, form.cleaned_data["motivation"])
        except services.MembershipError as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(
                request,
                _("Thank you. Your request has been sent to the coordinators of %(group)s.")
                % {"group": group.name},
            )
        return redirect(group)
    return render(request, "working_groups/join.html", {"group": group, "form": form})


@require_POST
@login_required
def leave(request, slug):
    group = _group(slug)
    if not permissions.is_member(request.user, group):
        raise PermissionDenied
    if not permissions.can_leave(request.user, group):
        messages.error(request, services.last_coordinator_message())
        return redirect(group)
    try:
        services.leave(permissions.membership_of(request.user, group))
    except services.MembershipError as refusal:
        messages.error(request, refusal.message)
        return redirect(group)
    permissions.forget(request.user)
    messages.success(request, _("You have left %(group)s.") % {"group": group.name})
    return redirect(group)


def _profile_url(user_id):
    """The member profile, once that page exists."""
    try:
        return reverse("member_profile", args=[user_id])
    except NoReverseMatch:
        return None


def _member_rows(viewer, group):
    memberships = (
        group.active_memberships()
        .select_related("user")
        .order_by("role", "user__last_name", "user__first_name")  # coordinators first
    )
    return [
        {
            "membership": m,
            "profile_url": _profile_url(m.user_id),
            "can_remove": permissions.can_remove_member(viewer, m),
            "can_promote": permissions.can_promote(viewer, m),
        }
        for m in memberships
    ]


@login_required
def members(request, slug):
    group = _group(slug)
    if not permissions.can_see_members(request.user, group):
        raise PermissionDenied
    manages = permissions.can_manage_members(request.user, group)
    context = {"group": group, "rows": _member_rows(request.user, group), "manages": manages}
    if manages:
        context["pending"] = group.memberships.filter(
            status=MembershipStatus.PENDING, user__is_active=True
        ).select_related("user")
        context["invitations"] = Invitation.objects.filter(
            group=group,
            accepted_at__isnull=True,
            created_at__gt=timezone.now() - INVITATION_LIFETIME,
        )
    return render(request, "working_groups/members.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def invite(request, slug):
    group = _group(slug)
    if not permissions.can_manage_members(request.user, group):
        raise PermissionDenied
    form = InviteForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invite(group, form.cleaned_data["email"], by=request.user)
        except services.MembershipError as refusal:
            form.add_error("email", refusal.message)
        else:
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect(_members_url(group))
    return render(request, "working_groups/invite.html", {"group": group, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def invitation(request, token):
    found = Invitation.objects.select_related("group").filter(token=token).first()
    if found is None or not found.is_open:
        status = 404 if found is None else 410
        return render(request, "working_groups/invitation_gone.html", status=status)
    group = found.group
    if request.method == "POST":
        try:
            services.accept_invitation(found, request.user)
        except services.MembershipError as refusal:
            messages.error(request, refusal.message)
            return redirect(request.path)
        messages.success(request, _("Welcome to %(group)s.") % {"group": group.name})
        return redirect(group.get_space_url())
    context = {
        "invitation": found,
        "group": group,
        "already_member": permissions.is_member(request.user, group),
        "masked_email": services.mask_email(found.email),
    }
    return render(request, "working_groups/invitation.html", context)


ACTIONS = {
    "approve": (services.approve, gettext_lazy("%(name)s is now a member.")),
    "decline": (services.decline, gettext_lazy("The request from %(name)s was declined.")),
    "remove": (services.remove, gettext_lazy("%(name)s is no longer a member.")),
    "promote": (services.promote, gettext_lazy("%(name)s is now a coordinator.")),
}


def _allowed(user, action, membership):
    if action == "remove":
        return permissions.can_remove_member(user, membership)
    if action == "promote":
        return permissions.can_promote(user, membership)
    return permissions.can_manage_members(user, membership.group)


@require_POST
@login_required
def change_membership(request, slug, membership_id, action):
    if action not in ACTIONS:
        raise Http404
    group = _group(slug)
    if not permissions.can_manage_members(request.user, group):
        raise PermissionDenied
    membership = get_object_or_404(
        Membership.objects.select_related("user", "group"), pk=membership_id, group=group
    )
    if action == "remove" and permissions.is_last_coordinator(membership):
        messages.error(request, services.last_coordinator_message())
        return redirect(_members_url(group))
    if not _allowed(request.user, action, membership):
        raise PermissionDenied
    change, done = ACTIONS[action]
    try:
        change(membership, by=request.user)
    except services.MembershipError as refusal:
        messages.error(request, refusal.message)
    else:
        name = membership.user.get_full_name() or _("The member")
        messages.success(request, done % {"name": name})
    return redirect(_members_url(group))
