"""The search facets as API filters: the same names, the same values, the same logic.

A list endpoint takes the facets of ``search.schema.FACETS`` that apply to what it lists, with
the values search stores (vocabulary slugs, ISO 3166 country codes, language codes, rating
levels, years). Values of one facet combine with OR, different facets with AND. ``q`` is text,
matched by the search service itself. Anything else, and any value no vocabulary knows, is a
400 that says what to send instead: a typo must never look like "nothing found".
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter

from search import facets as declared
from search import service
from search.facets import FACETS
from search.query import MAX_QUERY_LENGTH, MAX_VALUES_PER_FACET, SearchRequest
from search.schema import PUBLIC

from .errors import BadParameter, SearchUnavailable

PAGING = ("page", "page_size")
TEXT = "q"
LANG = "lang"
# Text search reads at most this many best matches (search's own window is 10,000).
MAX_TEXT_MATCHES = 1000


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
    declaration = declared.get(facet)
    values = tuple(
        dict.fromkeys(declaration.case(v.strip()) for v in params.getlist(facet) if v.strip())
    )
    if len(values) > MAX_VALUES_PER_FACET or any(len(v) > 120 for v in values):
        raise BadParameter(_("Too many or too long values for “%(name)s”.") % {"name": facet})
    known = declaration.known(values)
    unknown = [value for value in values if value not in known]
    if unknown:
        raise BadParameter(_unknown_message(declaration, unknown[0]))
    return values


def _unknown_message(declaration, value):
    if declaration.invalid:
        return str(declaration.invalid(value))
    return _("Unknown value “%(value)s” for “%(name)s”. The values are listed at %(url)s.") % {
        "value": value,
        "name": declaration.name,
        "url": reverse(f"api:vocabulary-{declaration.vocabulary}"),
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
    parameters = [_parameter(declared.get(facet)) for facet in facets]
    return [*parameters, TEXT_PARAMETER, LANG_PARAMETER]


def _parameter(facet):
    return OpenApiParameter(
        facet.name,
        OpenApiTypes.STR,
        many=True,
        explode=True,
        style="form",
        enum=facet.fixed_values(),
        pattern=f"^{facet.pattern}$" if facet.pattern else None,
        examples=[OpenApiExample(facet.example, value=[facet.example])],
        description=facet.help + " Repeat for OR; different filters combine with AND.",
    )


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
    "`en`), and the language of the names of vocabulary values. Every item lists all its "
    "`versions` whatever this says.",
)
