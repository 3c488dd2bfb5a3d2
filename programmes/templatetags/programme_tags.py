"""Template tags that show programmes on pages the catalogue does not own.

The home page belongs to the site shell, which knows nothing of programmes; its template loads
these tags to list the latest ones.
"""

from django import template

from ..models import ProgrammePage

register = template.Library()

LATEST_COUNT = 4


@register.inclusion_tag("programmes/includes/latest_programmes.html", takes_context=True)
def latest_programmes(context, home):
    """The most recently published live programmes under ``home``, newest first, with what a
    card shows fetched in a fixed number of queries."""
    programmes = (
        ProgrammePage.objects.live()
        .descendant_of(home)
        .select_related("rating")
        .prefetch_related("target_groups", "countries")
        .order_by("-first_published_at")[:LATEST_COUNT]
    )
    return {"programmes": programmes, "request": context.get("request")}
