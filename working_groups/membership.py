"""Joining, leaving and running a group's membership.

Views check ``permissions`` first; these functions keep the invariants whoever calls them
(one membership per person and group, one open invitation per address, a group never left
without a coordinator) and say what the people concerned are told. A refusal raises
``MembershipError`` with a message meant for the person who asked.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from allauth.account.models import EmailAddress

from portal import mail

from . import permissions
from .activity import ACTOR, record
from .choices import ActivityKind, MembershipStatus, Role
from .models import Invitation, Membership, WorkingGroup
from .models.groups import INVITATION_LIFETIME


class MembershipError(Exception):
    """A refused change to a membership; ``message`` is written for the person who asked."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def last_coordinator_message():
    return _("A group always keeps at least one coordinator. Promote another member first.")


def _lock(group):
    """Serialise changes to one group's membership (a no-op on SQLite)."""
    WorkingGroup.objects.select_for_update().filter(pk=group.pk).first()


def _decide(membership, status, by):
    membership.status = status
    membership.decided_by = by
    membership.decided_at = timezone.now()


def _members_url(group):
    return reverse("working_groups:members", kwargs={"slug": group.slug})


def _record_joined(membership):
    record(
        membership.group,
        membership.user,
        ActivityKind.JOINED,
        _("%(name)s joined the group.") % {"name": ACTOR},
        _members_url(membership.group),
    )


def _tell(prefix, membership, **context):
    """E-mail the member concerned, in their own language (not the coordinator's)."""
    context = {"group": membership.group, **context}
    return mail.send_templated(f"working_groups/email/{prefix}", context, [membership.user])


# Requests to join


def request_to_join(user, group, motivation=""):
    """Ask to join; a declined request may be made again."""
    with transaction.atomic():
        _lock(group)
        membership, created = Membership.objects.get_or_create(
            group=group,
            user=user,
            defaults={"status": MembershipStatus.PENDING, "motivation": motivation},
        )
        if not created:
            if membership.status != MembershipStatus.DECLINED:
                raise MembershipError(_("You have already asked to join this group."))
            membership.status = MembershipStatus.PENDING
            membership.role = Role.MEMBER
            membership.motivation = motivation
            membership.decided_by = membership.decided_at = None
            membership.save()
    permissions.forget(user)
    context = {"group": group, "url": mail.link("working_groups:members", slug=group.slug)}
    # Each coordinator in their language, with a message of their own.
    coordinators = [coordinator.user for coordinator in group.coordinators()]
    mail.send_templated("working_groups/email/join_request", context, coordinators)
    return membership


def approve(membership, by):
    with transaction.atomic():
        _lock(membership.group)
        membership.refresh_from_db()
        if membership.status != MembershipStatus.PENDING:
            raise MembershipError(_("This request has already been decided."))
        _decide(membership, MembershipStatus.ACTIVE, by)
        membership.save()
        _record_joined(membership)
    permissions.forget(membership.user)
    _tell("approved", membership, url=mail.link("working_groups:space", slug=membership.group.slug))
    return membership


def decline(membership, by):
    with transaction.atomic():
        _lock(membership.group)
        membership.refresh_from_db()
        if membership.status != MembershipStatus.PENDING:
            raise MembershipError(_("This request has already been decided."))
        _decide(membership, MembershipStatus.DECLINED, by)
        membership.save()
    permissions.forget(membership.user)
    _tell("declined", membership, url=mail.link("working_groups:group", slug=membership.group.slug))
    return membership


# Leaving, removing, promoting


def leave(membership):
    with transaction.atomic():
        _lock(membership.group)
        if permissions.is_last_coordinator(membership):
            raise MembershipError(last_coordinator_message())
        membership.delete()
    permissions.forget(membership.user)


def remove(membership, by):
    """Take someone out of the group. They may ask to join again later."""
    with transaction.atomic():
        _lock(membership.group)
        membership.refresh_from_db()
        if permissions.is_last_coordinator(membership):
            raise MembershipError(last_coordinator_message())
        if membership.user_id == by.pk:
            raise MembershipError(_("To leave the group yourself, use “Leave this group”."))
        if not membership.is_active:
            raise MembershipError(_("Only members can be removed; decline a request instead."))
        membership.delete()
    permissions.forget(membership.user)


def promote(membership, by):
    with transaction.atomic():
        _lock(membership.group)
        membership.refresh_from_db()
        if not membership.is_active or membership.role != Role.MEMBER:
            raise MembershipError(_("Only members can be made coordinators."))
        membership.role = Role.COORDINATOR
        membership.save(update_fields=["role"])
    permissions.forget(membership.user)
    return membership


# Invitations


def normalise_email(email):
    return (email or "").strip().lower()


def mask_email(email):
    """``jane@example.org`` → ``j***@example.org``: enough to recognise, not to harvest."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


def _open_invitations():
    return Invitation.objects.filter(
        accepted_at__isnull=True, created_at__gt=timezone.now() - INVITATION_LIFETIME
    )


def _is_active_member(email, group):
    return Membership.objects.filter(
        group=group,
        status=MembershipStatus.ACTIVE,
        user__emailaddress__email__iexact=email,
        user__emailaddress__verified=True,
    ).exists()


def invite(group, email, by):
    """Invite an address; the invitation is e-mailed with a link to accept it."""
    email = normalise_email(email)
    try:
        validate_email(email)
    except ValidationError:
        raise MembershipError(_("Enter a valid e-mail address.")) from None
    if _is_active_member(email, group):
        raise MembershipError(_("%(email)s is already a member of this group.") % {"email": email})
    if _open_invitations().filter(group=group, email=email).exists():
        raise MembershipError(
            _("An invitation to %(email)s is already open. It is valid for %(days)d days.")
            % {"email": email, "days": INVITATION_LIFETIME.days}
        )
    try:
        with transaction.atomic():
            # An expired invitation that was never accepted gives way to the new one.
            Invitation.objects.filter(group=group, email=email, accepted_at__isnull=True).delete()
            invitation = Invitation.objects.create(group=group, email=email, invited_by=by)
    except IntegrityError as race:
        message = _("An invitation to %(email)s is already open.") % {"email": email}
        raise MembershipError(message) from race
    context = {
        "group": group,
        "url": mail.link("working_groups:invitation", token=invitation.token),
        "signup_url": mail.link("account_signup"),
        "days": INVITATION_LIFETIME.days,
    }
    mail.send_templated("working_groups/email/invitation", context, [email])
    return invitation


def _verified_addresses(user):
    return [
        normalise_email(email)
        for email in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    ]


def _activate(group, user, by):
    """An active membership for ``user``; True when they were not a member before."""
    membership, created = Membership.objects.get_or_create(
        group=group, user=user, defaults={"status": MembershipStatus.ACTIVE}
    )
    if created:
        membership.decided_by, membership.decided_at = by, timezone.now()
        membership.save(update_fields=["decided_by", "decided_at"])
        return membership, True
    if membership.is_active:
        return membership, False
    membership.role = Role.MEMBER
    _decide(membership, MembershipStatus.ACTIVE, by)
    membership.save()
    return membership, True


def accept_invitation(invitation, user):
    """Join through an invitation sent to one of ``user``'s verified addresses."""
    return _accept(invitation, user)[0]


def _accept(invitation, user):
    if normalise_email(invitation.email) not in _verified_addresses(user):
        raise MembershipError(
            _(
                "This invitation was sent to %(email)s. Sign in with that address, or add and "
                "verify it in your account settings, to accept it."
            )
            % {"email": mask_email(invitation.email)}
        )
    with transaction.atomic():
        _lock(invitation.group)
        invitation = Invitation.objects.select_related("group").get(pk=invitation.pk)
        if not invitation.is_open:
            raise MembershipError(_("This invitation has expired or has already been used."))
        membership, joined = _activate(invitation.group, user, invitation.invited_by)
        invitation.accepted_at, invitation.accepted_by = timezone.now(), user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        if joined:
            _record_joined(membership)
    permissions.forget(user)
    return membership, joined


def accept_invitations_for(user):
    """Accept every open invitation to ``user``'s verified addresses; returns the groups
    they joined (not those they already belonged to)."""
    addresses = _verified_addresses(user)
    if not addresses:
        return []
    matches = Q()
    for address in addresses:
        matches |= Q(email__iexact=address)
    joined = []
    for invitation in _open_invitations().filter(matches).select_related("group"):
        try:
            _membership, newly_joined = _accept(invitation, user)
        except MembershipError:
            continue
        if newly_joined:
            joined.append(invitation.group)
    return joined
