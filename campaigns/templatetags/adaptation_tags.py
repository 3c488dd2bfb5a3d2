"""Template tags for a material's adaptations: where it was adapted, where it came from, the
adaptations announced, and what the visitor may do about it."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from portal.eligibility import Refusal

from .. import permissions
from ..adaptations import active_announcements
from ..models import MaterialPage

register = template.Library()

REGIONAL_INDICATOR_A = 0x1F1E6


@register.filter
def flag(country):
    """A country's flag as an emoji, from its ISO 3166 code (empty when there is none)."""
    code = (getattr(country, "code", country) or "").upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        return ""
    return "".join(chr(REGIONAL_INDICATOR_A + ord(letter) - ord("A")) for letter in code)


def _actions(page, user):
    """Which buttons to show: adapt and announce, a sign-in link, or a short explanation."""
    if not page.live:
        return {"show": False}
    adapt_url = reverse("campaigns:adapt", args=[page.pk])
    reason = permissions.refusal(user)
    return {
        "show": True,
        "adapt_url": adapt_url,
        "announce_url": reverse("campaigns:announce", args=[page.pk]),
        "login_url": f"{reverse('account_login')}?{urlencode({'next': adapt_url})}",
        "anonymous": reason == Refusal.ANONYMOUS,
        "not_eu": reason == Refusal.NOT_EU,
    }


@register.simple_tag(takes_context=True)
def adaptation_panel(context, page):
    """What ``campaigns/includes/adaptations.html`` shows for ``page``: only live, public
    materials are listed; drafts never are."""
    request = context.get("request")
    user = getattr(request, "user", None)
    adaptations = list(
        page.adaptations.live()
        .public()
        .select_related("adapted_for", "language", "language_of_origin")
        .order_by("adapted_for__name", "title")
    )
    source = None
    if page.adapted_from_id:
        source = MaterialPage.objects.live().public().filter(pk=page.adapted_from_id).first()
    return {
        "adaptations": adaptations,
        "source": source,
        "announcements": list(active_announcements(page)) if page.live else [],
        "lineage_url": reverse("campaigns:lineage", args=[page.pk]),
        "has_family": bool(adaptations or source),
        "actions": _actions(page, user),
    }
