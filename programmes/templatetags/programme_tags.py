"""Template tags that show programmes on pages the catalogue does not own, and the words of
ratings on the catalogue's own pages.

The home page belongs to the site shell, which knows nothing of programmes; its template loads
these tags to list the latest ones. Ratings keep their explanations as data; the filters below
word them in the visitor's language (``programmes.explanations``), as sentences for
``programmes/includes/explanation.html``.
"""

from django import template

from .. import explanations
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


@register.filter
def rating_label(level):
    return explanations.level_label(level or "insufficient")


@register.filter
def explanation_sentences(rating):
    """A programme's headline explanation, or an outcome's (led by its level)."""
    if hasattr(rating, "programme_rating_id"):
        return explanations.outcome_sentences(rating.level, rating.explanation)
    return explanations.sentences(rating.explanation)


@register.filter
def change_reason(change):
    return explanations.change_reason(change)
