"""Every access rule for working groups, in one place. Views, templates, file serving, search
and the API all ask here."""

from .models import Membership


def member_group_ids(user):
    """Groups whose private space ``user`` may see: active memberships of an active account.
    Pending applicants, anonymous visitors and deactivated accounts see none."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    return frozenset(
        Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values_list(
            "group_id", flat=True
        )
    )


def is_member(user, group):
    return group.pk in member_group_ids(user)
