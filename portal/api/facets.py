"""The search facets as API filters: the same names, the same values, the same logic.

A list endpoint takes the facets of ``search.schema.FACETS`` that apply to what it lists, with
the values search stores (vocabulary slugs, ISO 3166 country codes, language codes, rating
levels, years). Values of one facet combine with OR, different facets with AND. ``q`` is text,
matched by the search service itself. Anything else, and any value no vocabulary knows, is a
400 that says what to send instead: a typo must never look like "nothing found".
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter

from programmes.choices import RatingLevel
from programmes.models import (
    Country,
    Language,
    Outcome,
    Practice,
    PreventionLevel,
    Setting,
    TargetGroup,
    Topic,
)
from search import service
from search.labels import TYPE_LABELS
from search.query import (
    ADAPTED_VALUES,
    CODE_CASE,
    MAX_QUERY_LENGTH,
    MAX_VALUES_PER_FACET,
    SearchRequest,
)
from search.schema import FACETS, PUBLIC

from .errors import BadParameter, SearchUnavailable

PAGING = ("page", "page_size")
TEXT = "q"
LANG = "lang"
# Text search reads at most this many best matches (search's own window is 10,000).
MAX_TEXT_MATCHES = 1000

# Facets whose values are the slugs of a vocabulary.
VOCABULARY_FACETS = {
    "target_group": TargetGroup,
    "practice": Practice,
    "prevention_level": PreventionLevel,
    "setting": Setting,
    "topic": Topic,
    "outcome": Outcome,
}

FACET_HELP = {
    "type": "Kind of content, e.g. `programme`, `evaluation` or `material`.",
    "target_group": "Target group slug (vocabulary `target_group`).",
    "practice": "Practice slug (vocabulary `practice`).",
    "prevention_level": "Prevention level slug (vocabulary `prevention_level`).",
    "setting": "Setting slug (vocabulary `setting`).",
    "topic": "Topic slug (vocabulary `topic`).",
    "outcome": "Outcome slug (vocabulary `outcome`).",
    "country": "ISO 3166-1 alpha-2 country code, e.g. `DE` (vocabulary `country`).",
    "language": "Language code of the version, e.g. `de` (vocabulary `language`).",
    "available_in": "Language code, e.g. `pl`: available in that language (vocabulary `language`).",
    "adapted": "Adapted in at least this many countries (1 to 5; 5 means five or more).",
    "rating": "Evidence rating level (vocabulary `rating`); `insufficient` includes unrated.",
    "year": "Four-digit year.",
}


# One real value per facet (seeded slugs never change), for the schema's examples.
FACET_EXAMPLES = {
    "type": "programme",
    "target_group": "fear-they-might-offend",
    "practice": "healthcare",
    "prevention_level": "secondary",
    "setting": "prison-forensic",
    "topic": "grooming",
    "outcome": "sexual-reoffending",
    "country": "DE",
    "language": "de",
    "available_in": "pl",
    "adapted": "2",
    "rating": "supported",
    "year": "2021",
}


@dataclass(frozen=True)
class Selection:
    """What a client asked a list for: facet values, text, and the preferred language."""

    facets: dict = field(default_factory=dict)  # facet -> tuple of values
    q: str = ""
    lang: str = settings.LANGUAGE_CODE


def check_parameters(params, allowed):
    """Refuse parameters this endpoint does not take, and NUL bytes anywhere."""
    for name in sorted(params):
        if name in allowed:
            continue
        known = ", ".join(allowed) or _("none")
        if name in FACETS:
            raise BadParameter(
                _("The search filter “%(name)s” does not apply here. Parameters here: %(known)s.")
                % {"name": name, "known": known}
            )
        raise BadParameter(
            _("Unknown parameter “%(name)s”. Parameters here: %(known)s.")
            % {"name": name, "known": known}
        )
    if any("\x00" in name or "\x00" in v for name in params for v in params.getlist(name)):
        raise BadParameter(_("The request contains a character that is not allowed."))


def parse(params, facets):
    """A Selection from request parameters (already checked by ``check_parameters``)."""
    return Selection(
        facets={facet: values for facet in facets if (values := _facet_values(params, facet))},
        q=_text(params),
        lang=_language(params),
    )


def _text(params):
    q = " ".join(params.get(TEXT, "").split())
    if len(q) > MAX_QUERY_LENGTH:
        raise BadParameter(
            _("The search text is %(length)d characters long; the limit is %(limit)d.")
            % {"length": len(q), "limit": MAX_QUERY_LENGTH}
        )
    return q


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def _language(params):
    lang = params.get(LANG, "").strip().lower() or settings.LANGUAGE_CODE
    if lang not in content_languages():
        raise BadParameter(
            _("Unknown language “%(lang)s” for “lang”. Use one of: %(known)s.")
            % {"lang": lang, "known": ", ".join(content_languages())}
        )
    return lang


def _facet_values(params, facet):
    normalise = CODE_CASE.get(facet, str)
    values = tuple(dict.fromkeys(normalise(v.strip()) for v in params.getlist(facet) if v.strip()))
    if len(values) > MAX_VALUES_PER_FACET or any(len(v) > 120 for v in values):
        raise BadParameter(_("Too many or too long values for “%(name)s”.") % {"name": facet})
    unknown = [value for value in values if value not in _known(facet, values)]
    if unknown:
        raise BadParameter(_unknown_message(facet, unknown[0]))
    return values


def _known(facet, values):
    """Those of ``values`` that mean something for ``facet`` (one query at most)."""
    if facet in VOCABULARY_FACETS:
        found = VOCABULARY_FACETS[facet].objects.filter(slug__in=values)
        return set(found.values_list("slug", flat=True))
    if facet == "country":
        return set(Country.objects.filter(code__in=values).values_list("code", flat=True))
    if facet in ("language", "available_in"):
        codes = Language.objects.filter(code__in=values).values_list("code", flat=True)
        return {code.lower() for code in codes} | set(content_languages())
    if facet == "rating":
        return set(RatingLevel.values)
    if facet == "adapted":
        return set(ADAPTED_VALUES)
    if facet == "year":
        return {value for value in values if re.fullmatch(r"[0-9]{4}", value)}
    return set()


def _unknown_message(facet, value):
    if facet == "adapted":
        return _("“adapted” is a number of countries from 1 to %(max)s.") % {
            "max": ADAPTED_VALUES[-1]
        }
    if facet == "year":
        return _("“year” must be a four-digit year, not “%(value)s”.") % {"value": value}
    vocabulary = "language" if facet == "available_in" else facet
    return _("Unknown value “%(value)s” for “%(name)s”. The values are listed at %(url)s.") % {
        "value": value,
        "name": facet,
        "url": reverse(f"api:vocabulary-{vocabulary}"),
    }


def text_matches(q, doc_type):
    """Ids of the public pages of ``doc_type`` whose search document matches ``q``, best
    first: the search service answers, with the same analysis and fallback as search."""
    request = SearchRequest(
        q=q,
        filters={"type": (doc_type,)},
        sort="relevance",
        per_page=MAX_TEXT_MATCHES,
        visibility=(PUBLIC,),
    )
    try:
        results = service.run(request)
    except service.SearchUnavailable:
        raise SearchUnavailable() from None
    return [int(hit.key.rpartition(":")[2]) for hit in results.hits]


class FacetFilters:
    """The facets one kind of page is filtered on, as ``{facet: values -> Q}``, and
    ``doc_type``, its type in the search index (for ``q``)."""

    def __init__(self, doc_type, conditions):
        assert set(conditions) <= set(FACETS), "API filters are search facets"
        self.doc_type = doc_type
        self.conditions = conditions
        self.names = tuple(facet for facet in FACETS if facet in conditions)

    def apply(self, pages, selection):
        """Values of one facet combine with OR, facets with AND; ``q`` asks search."""
        for facet, values in selection.facets.items():
            pages = pages.filter(self.conditions[facet](values))
        if selection.q:
            pages = pages.filter(pk__in=text_matches(selection.q, self.doc_type))
        return pages


# The OpenAPI description of these parameters.


def facet_parameters(facets):
    parameters = [
        OpenApiParameter(
            facet,
            OpenApiTypes.STR,
            many=True,
            explode=True,
            style="form",
            enum=_enum(facet),
            pattern=r"^[0-9]{4}$" if facet == "year" else None,
            examples=[OpenApiExample(FACET_EXAMPLES[facet], value=[FACET_EXAMPLES[facet]])],
            description=FACET_HELP[facet] + " Repeat for OR; different filters combine with AND.",
        )
        for facet in facets
    ]
    return [*parameters, TEXT_PARAMETER, LANG_PARAMETER]


def _enum(facet):
    if facet == "type":
        return list(TYPE_LABELS)
    if facet == "rating":
        return list(RatingLevel.values)
    if facet == "adapted":
        return list(ADAPTED_VALUES)
    return None


TEXT_PARAMETER = OpenApiParameter(
    TEXT,
    OpenApiTypes.STR,
    description=f"Text, matched by the portal's search (at most {MAX_QUERY_LENGTH} characters). "
    f"Narrows the list to the {MAX_TEXT_MATCHES} best matches; the order stays the list's own.",
)
LANG_PARAMETER = OpenApiParameter(
    LANG,
    OpenApiTypes.STR,
    enum=content_languages(),
    description="Which language version to show of each item, where one exists (default "
    "`en`). Every item lists all its `versions` whatever this says.",
)
