"""What a search asks for and what it answers, shared by the page, the API and both backends.

``parse`` turns request parameters into a ``SearchRequest`` or raises ``BadSearch`` with a
message a person can act on. Backends return raw counts; ``facet_options`` turns them into
the same ordered, labelled options whichever backend answered.
"""

from dataclasses import dataclass, field, replace

from django.utils.translation import gettext as _

from . import facets
from .facets import FACETS
from .languages import LANGUAGES
from .schema import PUBLIC, SORTS

MAX_QUERY_LENGTH = 500
MAX_VALUES_PER_FACET = 50
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_RESULT_WINDOW = 10_000  # Elasticsearch's default index.max_result_window
CONTROL_PARAMETERS = ("q", "q_language", "sort", "page", "per_page")


class BadSearch(ValueError):
    """A parameter a person can fix; the message says how."""


class PageOutOfRange(BadSearch):
    """A page past the last one: the open-data API answers it with a 404, as its lists do."""


@dataclass(frozen=True)
class SearchRequest:
    q: str = ""
    filters: dict = field(default_factory=dict)  # facet -> tuple of values
    sort: str = "relevance"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE
    visibility: tuple = (PUBLIC,)
    interface_language: str = "en"
    # The language the query's words are in, where known (``query_language``); "" if not.
    q_language: str = ""
    # Show each translation family once, in the interface language where it matches, else
    # English, else its original (as ``portal.translations`` chooses). The page and the
    # search APIs do; the list endpoints' text filter asks for every version.
    one_per_family: bool = False

    @property
    def family_language(self):
        """The language whose version of a family is shown: the one ``available_in`` selects
        ("available in my language"), else the interface language."""
        available = self.filters.get("available_in", ())
        return available[0] if len(available) == 1 else self.interface_language

    @property
    def offset(self):
        return (self.page - 1) * self.per_page

    def without(self, facet):
        return {name: values for name, values in self.filters.items() if name != facet}

    def with_page(self, page):
        return replace(self, page=page)


@dataclass
class Hit:
    key: str
    type: str
    title: str
    url: str
    language: str
    summary: str
    snippet: str  # HTML-escaped, with <mark> around matches
    rating: str | None = None
    date: str | None = None
    also_in: list = field(default_factory=list)  # the family's other languages


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchResults:
    request: SearchRequest
    total: int
    hits: list
    facets: dict  # facet -> [FacetOption]
    degraded: bool = False  # answered by the embedded index because Elasticsearch failed

    @property
    def pages(self):
        return max(1, -(-self.total // self.request.per_page))


def _integer(params, name, default, minimum, maximum=None):
    raw = params.get(name, "")
    if raw in ("", None):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise BadSearch(
            _("“%(name)s” must be a whole number, not “%(value)s”.") % {"name": name, "value": raw}
        ) from None
    if value < minimum or (maximum is not None and value > maximum):
        bounds = f"{minimum}–{maximum}" if maximum else f"{minimum} or more"
        raise BadSearch(_("“%(name)s” must be %(bounds)s.") % {"name": name, "bounds": bounds})
    return value


def parse(params, visibility=(PUBLIC,), interface_language="en"):
    """A SearchRequest from a QueryDict (or dict of lists). Raises BadSearch."""
    unknown = sorted(set(params) - set(FACETS) - set(CONTROL_PARAMETERS))
    if unknown:
        raise BadSearch(
            _("Unknown filter “%(name)s”. Known filters: %(known)s.")
            % {"name": unknown[0], "known": ", ".join(FACETS)}
        )
    if any("\x00" in value for name in params for value in _getlist(params, name)):
        # A NUL byte cannot be stored or compared by PostgreSQL: refuse it, do not fail.
        raise BadSearch(_("The search contains a character that is not allowed."))
    q = " ".join(params.get("q", "").split())
    if len(q) > MAX_QUERY_LENGTH:
        raise BadSearch(
            _("The search text is %(length)d characters long; the limit is %(limit)d.")
            % {"length": len(q), "limit": MAX_QUERY_LENGTH}
        )
    sort = params.get("sort") or ("relevance" if q else "newest")
    if sort not in SORTS:
        raise BadSearch(
            _("Unknown sort order “%(sort)s”. Use one of: %(known)s.")
            % {"sort": sort, "known": ", ".join(SORTS)}
        )
    filters = {}
    for facet in FACETS:
        values = _facet_values(params, facet)
        if values:
            filters[facet] = values
    page = _integer(params, "page", 1, 1)
    per_page = _integer(params, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
    if page * per_page > MAX_RESULT_WINDOW:
        raise BadSearch(
            _("Only the first %(limit)d results can be paged through. Add a filter or a word.")
            % {"limit": MAX_RESULT_WINDOW}
        )
    return SearchRequest(
        q=q,
        filters=filters,
        sort=sort,
        page=page,
        per_page=per_page,
        visibility=tuple(visibility),
        interface_language=interface_language,
        q_language=query_language(params.get("q_language", ""), filters),
        one_per_family=True,
    )


def query_language(named, filters):
    """The language of the query's words, where it is known: the one ``q_language`` names,
    else the one language the ``language`` filter selects; else "" (any EU language).

    The interface language is not taken for it: a visitor reading the portal in English may
    well search for "Schulen". Raises BadSearch for a language search has no table for."""
    named = (named or "").strip().lower()
    if named:
        if named not in LANGUAGES:
            raise BadSearch(
                _("Unknown query language “%(value)s”. Use one of: %(known)s.")
                % {"value": named, "known": ", ".join(LANGUAGES)}
            )
        return named
    selected = filters.get("language", ())
    return selected[0] if len(selected) == 1 and selected[0] in LANGUAGES else ""


def _facet_values(params, facet):
    """The distinct values asked for one facet, codes in the case they are stored in
    (``country=ie`` is Ireland, ``IE``). Raises BadSearch."""
    declared = facets.get(facet)
    values = tuple(
        dict.fromkeys(declared.case(v.strip()) for v in _getlist(params, facet) if v.strip())
    )
    if len(values) > MAX_VALUES_PER_FACET or any(len(v) > 120 for v in values):
        raise BadSearch(_("Too many or too long values for “%(name)s”.") % {"name": facet})
    refused = [value for value in values if value not in declared.known(values)]
    if declared.strict and refused:
        # A value that cannot exist would silently find nothing: say so instead.
        raise BadSearch(str(declared.invalid(refused[0])))
    return values


def _getlist(params, name):
    if hasattr(params, "getlist"):
        return params.getlist(name)
    value = params.get(name, [])
    return value if isinstance(value, list | tuple) else [value]


def check_page(results):
    """A page past the end is a mistake in the link, not an empty result."""
    request = results.request
    if request.page > 1 and request.page > results.pages:
        raise PageOutOfRange(
            _("Page %(page)d does not exist: this search has %(pages)d page(s).")
            % {"page": request.page, "pages": results.pages}
        )


def facet_options(counts, request):
    """Raw counts {facet: {value: count}} as ordered, labelled options.

    Selected values are always listed, with a count of 0 if nothing matches, so a visitor can
    always undo a selection. Each facet's declared ``order`` says how options are listed.
    """
    options = {}
    for facet in facets.all_facets():
        found = {str(value): count for value, count in counts.get(facet.name, {}).items() if count}
        selected = request.filters.get(facet.name, ())
        for value in selected:
            found.setdefault(value, 0)
        items = [
            FacetOption(value, facet.label_of(value), count, value in selected)
            for value, count in found.items()
        ]
        items.sort(key=ORDERS[facet.order], reverse=facet.order == "newest")
        options[facet.name] = items
    return options


ORDERS = {
    "count": lambda o: (-o.count, o.label.lower(), o.value),
    "value": lambda o: o.value,  # 1+, 2+, 3+ countries…
    "newest": lambda o: o.value,  # years, reversed
}
