"""Who may adapt a material or announce an adaptation, in one place.

Views, templates (through ``adaptation_tags``) and tests all ask here. Adaptations are national
versions made by and for EU member states, so the rule is: a signed-in, active member with a
verified e-mail address whose profile names an EU member state. Staff accounts are members
too and follow the same rule. Only a published (live) material can be adapted.
"""

from enum import StrEnum

from portal.accounts.verification import has_verified_email


class Refusal(StrEnum):
    """Why a person may not adapt or announce; the view turns each into a message."""

    ANONYMOUS = "anonymous"
    INACTIVE = "inactive"
    UNVERIFIED = "unverified"
    NO_COUNTRY = "no_country"
    NOT_EU = "not_eu"


def _is_signed_in(user):
    return bool(getattr(user, "is_authenticated", False))


def refusal(user):
    """The first reason ``user`` may not adapt materials, or None when they may."""
    if not _is_signed_in(user):
        return Refusal.ANONYMOUS
    if not user.is_active:
        return Refusal.INACTIVE
    if not has_verified_email(user):
        return Refusal.UNVERIFIED
    if user.country_id is None:
        return Refusal.NO_COUNTRY
    if not user.country.is_eu:
        return Refusal.NOT_EU
    return None


def can_adapt(user, material):
    """Start a national adaptation of ``material`` (a new draft reviewed by an editor)."""
    return material.live and refusal(user) is None


def can_announce(user, material):
    """Announce "we are adapting this" so that nobody else starts the same work."""
    return material.live and refusal(user) is None
