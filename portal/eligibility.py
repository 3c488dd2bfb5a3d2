"""Whether a member may contribute, and if not, why: one rule that every app asks.

Contributing anything (asking to join a working group, reporting on or proposing a programme,
adapting a campaign material) takes a signed-in, active account with a confirmed e-mail
address. Some contributions ask more of the member's profile: evaluations come from
researchers (the profile's "I am a researcher"), and adaptations from members whose profile
country is an EU member state. Which contribution needs which check is each app's decision,
in its ``permissions.py``.

Each check returns the first ``Refusal`` that applies, or None when the member may go ahead.
The app's view turns a refusal into a message that says what to do about it (and links to
where it is done: the e-mail addresses or the profile).
"""

from enum import StrEnum

from .accounts.verification import has_verified_email


class Refusal(StrEnum):
    """Why a person may not contribute, in the order the checks ask."""

    ANONYMOUS = "anonymous"
    INACTIVE = "inactive"
    UNVERIFIED = "unverified"
    NOT_RESEARCHER = "not_researcher"
    NO_COUNTRY = "no_country"
    NOT_EU = "not_eu"


def member_refusal(user):
    """The first reason ``user`` may not contribute at all, or None when they may."""
    if not getattr(user, "is_authenticated", False):
        return Refusal.ANONYMOUS
    if not user.is_active:
        return Refusal.INACTIVE
    if not has_verified_email(user):
        return Refusal.UNVERIFIED
    return None


def researcher_refusal(user):
    """As ``member_refusal``, and the member's profile must say they are a researcher."""
    refusal = member_refusal(user)
    if refusal is None and not user.is_researcher:
        return Refusal.NOT_RESEARCHER
    return refusal


def eu_country_refusal(user):
    """As ``member_refusal``, and the member's profile must name an EU member state."""
    refusal = member_refusal(user)
    if refusal is not None:
        return refusal
    if user.country_id is None:
        return Refusal.NO_COUNTRY
    if not user.country.is_eu:
        return Refusal.NOT_EU
    return None


def may_contribute(user):
    return member_refusal(user) is None
