"""Who may adapt a material or announce an adaptation, in one place.

Views, templates (through ``adaptation_tags``) and tests all ask here. Adaptations are national
versions made by and for EU member states, so the rule is: a signed-in, active member with a
verified e-mail address whose profile names an EU member state (the check is
``portal.eligibility``'s, shared with the other apps). Staff accounts are members too and
follow the same rule. Only a published (live) material can be adapted.
"""

from portal.eligibility import eu_country_refusal


def refusal(user):
    """The first reason ``user`` may not adapt materials (a ``portal.eligibility.Refusal``),
    or None when they may."""
    return eu_country_refusal(user)


def can_adapt(user, material):
    """Start a national adaptation of ``material`` (a new draft reviewed by an editor)."""
    return material.live and refusal(user) is None


def can_announce(user, material):
    """Announce "we are adapting this" so that nobody else starts the same work."""
    return material.live and refusal(user) is None
