"""Every access rule for working groups, in one place.

Views, templates (through the ``group_permissions`` tags), file serving, search and the API all
ask here; nothing else decides who may see or do what in a group.

The roles, from least to most: the public; a signed-in member of the network; a pending
applicant; a group member; a group coordinator. Staff editors manage groups in the CMS
(creating them, appointing coordinators) but do not read a private space unless they are
members of it: a group's discussions are need-to-know.
"""

from portal.eligibility import may_contribute

from .choices import MembershipStatus, Role
from .models import Membership


def _is_signed_in(user):
    return bool(getattr(user, "is_authenticated", False)) and user.is_active


def _memberships(user):
    """The user's memberships by group id, read once per request and cached on the user."""
    if not _is_signed_in(user):
        return {}
    cached = getattr(user, "_working_group_memberships", None)
    if cached is None:
        cached = {m.group_id: m for m in Membership.objects.filter(user=user)}
        user._working_group_memberships = cached
    return cached


def forget(user):
    """Drop the per-request cache after a change to the user's memberships."""
    if hasattr(user, "_working_group_memberships"):
        del user._working_group_memberships


def membership_of(user, group):
    """The user's membership of ``group`` in any status, or None."""
    return _memberships(user).get(group.pk)


def member_group_ids(user):
    """Groups whose private space ``user`` may see: active memberships of an active account.
    Pending applicants, anonymous visitors and deactivated accounts see none."""
    return frozenset(
        group_id
        for group_id, m in _memberships(user).items()
        if m.status == MembershipStatus.ACTIVE
    )


def is_member(user, group):
    membership = membership_of(user, group)
    return membership is not None and membership.is_active


def is_coordinator(user, group):
    membership = membership_of(user, group)
    return membership is not None and membership.is_coordinator


def is_pending(user, group):
    membership = membership_of(user, group)
    return membership is not None and membership.status == MembershipStatus.PENDING


# The private space


def can_view_space(user, group):
    return is_member(user, group)


def can_contribute(user, group):
    """Start a thread, reply, upload a document or a new version, plan a meeting."""
    return is_member(user, group)


def can_edit_post(user, post):
    return (
        not post.is_removed
        and post.author_id == getattr(user, "pk", None)
        and is_member(user, post.thread.group)
    )


def can_remove_post(user, post):
    """Authors may delete their own posts; coordinators moderate every post."""
    if post.is_removed:
        return False
    return can_edit_post(user, post) or is_coordinator(user, post.thread.group)


def can_edit_meeting(user, meeting):
    """Whoever planned a meeting, and the coordinators, keep its agenda and minutes."""
    if not is_member(user, meeting.group):
        return False
    return meeting.created_by_id == user.pk or is_coordinator(user, meeting.group)


def can_download(user, version):
    return is_member(user, version.document.group)


def can_moderate(user, group):
    return is_coordinator(user, group)


# Membership


def can_request_to_join(user, group):
    """Signed-in members with a verified address who are not already in (or waiting)."""
    if not may_contribute(user):
        return False
    membership = membership_of(user, group)
    return membership is None or membership.status == MembershipStatus.DECLINED


def can_leave(user, group):
    return is_member(user, group) and not is_last_coordinator(membership_of(user, group))


def can_manage_members(user, group):
    """Approve or decline requests, invite, remove members, promote to coordinator."""
    return is_coordinator(user, group)


def can_see_members(user, group):
    """The member list is for members only; the public sees a count and the coordinators."""
    return is_member(user, group)


def is_last_coordinator(membership):
    """A group always keeps at least one coordinator: its last one can neither leave, be
    removed, nor step down."""
    if membership is None or not membership.is_coordinator:
        return False
    return (
        not Membership.objects.filter(
            group_id=membership.group_id,
            status=MembershipStatus.ACTIVE,
            role=Role.COORDINATOR,
            user__is_active=True,
        )
        .exclude(pk=membership.pk)
        .exists()
    )


def can_remove_member(user, membership):
    return (
        can_manage_members(user, membership.group)
        and membership.user_id != user.pk
        and not is_last_coordinator(membership)
    )


def can_promote(user, membership):
    return (
        can_manage_members(user, membership.group)
        and membership.is_active
        and membership.role == Role.MEMBER
    )


def can_publish_output(user, group):
    return is_coordinator(user, group)


# People


def shares_a_group(viewer, person):
    if not _is_signed_in(viewer):
        return False
    return bool(member_group_ids(viewer) & member_group_ids(person))


def can_view_profile(viewer, person):
    """A profile is seen by its owner and by members who share a group with that person."""
    if not _is_signed_in(viewer) or not person.is_active:
        return False
    return viewer.pk == person.pk or shares_a_group(viewer, person)


def _forget_on_change(sender, instance, **kwargs):
    forget(instance.user)
