"""The search in the open-data API: ``/api/v1/search/`` and the search box's suggestions.

Both run ``service.search``, as the search page does, so they find the same things with the
same access rules: a signed-in member of a working group also finds that group's private
documents. Their answers therefore vary with the session cookie and must not be kept by shared
caches. Otherwise they follow the API's one convention (``portal.api``): ``page`` and
``page_size``, ``{"detail": …}`` errors, the same rate limit, and every parameter in the schema.

``results_body`` and ``suggestions_body`` also answer the first JSON addresses,
``/api/search/`` (``search.views``), so the old and the new address cannot drift apart.
"""

from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.vary import vary_on_cookie

from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.api.errors import BadParameter, ErrorSerializer, SearchUnavailable
from portal.api.facets import PAGING, TEXT, facet_parameters
from portal.api.pagination import PAGE_PARAMETERS, PagePagination
from portal.api.views import OpenDataViewMixin

from . import facets, query, service
from .facets import FACETS
from .languages import LANGUAGES
from .schema import SORTS

SORT = "sort"
QUERY_LANGUAGE = "q_language"
SUGGESTIONS = 8
# Suggestions are the first few best matches, whatever else the request says.
SUGGESTION_REQUEST = {"per_page": SUGGESTIONS, "page": 1, "sort": "relevance"}


def results_body(results, page_size_name="page_size"):
    """The JSON of a page of results. ``/api/search/`` still calls the page size ``per_page``."""
    return {
        "total": results.total,
        "page": results.request.page,
        "pages": results.pages,
        page_size_name: results.request.per_page,
        SORT: results.request.sort,
        "degraded": results.degraded,
        "results": [
            {
                "type": hit.type,
                "title": hit.title,
                "url": hit.url,
                "language": hit.language,
                "summary": hit.summary,
                "snippet": hit.snippet,
                "rating": hit.rating,
                "date": hit.date,
                "also_in": hit.also_in,
            }
            for hit in results.hits
        ],
        "facets": {
            name: [option.__dict__ for option in options]
            for name, options in results.facets.items()
        },
    }


def suggestions_body(results):
    return {"suggestions": [{"title": h.title, "url": h.url, "type": h.type} for h in results.hits]}


EMPTY_SUGGESTIONS = {"suggestions": []}


def _search(request, params, **overrides):
    """``service.search`` for the request's user, its errors as the API's errors."""
    try:
        return service.search(params, request.user, get_language() or "en", **overrides)
    except query.PageOutOfRange as exc:
        raise NotFound(str(exc)) from None
    except query.BadSearch as exc:
        raise BadParameter(str(exc)) from None
    except service.SearchUnavailable:
        raise SearchUnavailable() from None


# The OpenAPI description. The bodies above are plain dicts (they are built for every search,
# and for the old address too); these serializers describe them, and the schema tests check
# every answer against the description.


class SearchHitSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="Kind of content: a value of the `type` facet.")
    title = serializers.CharField()
    url = serializers.CharField(help_text="Its address on the portal.")
    language = serializers.CharField(help_text="Language code of this version.")
    summary = serializers.CharField(allow_blank=True)
    snippet = serializers.CharField(
        allow_blank=True,
        help_text="HTML-escaped text around the words found, each match in `<mark>`.",
    )
    rating = serializers.ChoiceField(
        list(facets.get("rating").names().items()),  # the catalogue declares the levels
        allow_null=True,
        help_text="A programme's evidence rating; null for other content.",
    )
    date = serializers.DateTimeField(
        allow_null=True, help_text="When it was last published or changed."
    )
    also_in = serializers.ListField(
        child=serializers.CharField(),
        help_text="The other languages this result is available in (its translations, and "
        "for materials their files); each translation family is one result.",
    )


class SearchFacetOptionSerializer(serializers.Serializer):
    """One value of a facet: how many results it gives with the other facets' selections
    (its own facet's selection left out), so a visitor sees what another value would find."""

    value = serializers.CharField(help_text="The value to send as the filter.")
    label = serializers.CharField(help_text="Its name, in the language of the request.")
    count = serializers.IntegerField(min_value=0)
    selected = serializers.BooleanField(help_text="Whether the request filters on it.")


class SearchResultsSerializer(serializers.Serializer):
    total = serializers.IntegerField(min_value=0, help_text="Results in all pages.")
    page = serializers.IntegerField(min_value=1)
    pages = serializers.IntegerField(min_value=1)
    page_size = serializers.IntegerField(min_value=1)
    sort = serializers.ChoiceField(list(SORTS))
    degraded = serializers.BooleanField(
        help_text="True when the backup index answered because the main one failed."
    )
    results = SearchHitSerializer(many=True)
    facets = inline_serializer(
        "SearchFacets",
        {name: SearchFacetOptionSerializer(many=True) for name in FACETS},
        help_text="Every facet, in the order the search page shows them; its values by count.",
    )


class SuggestionSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField(help_text="Its address on the portal.")
    type = serializers.CharField(help_text="Kind of content: a value of the `type` facet.")


class SuggestionsSerializer(serializers.Serializer):
    suggestions = SuggestionSerializer(many=True)


# The facets' own parameters; ``q`` and ``lang`` of the list endpoints mean other things here.
FACET_PARAMETERS = [p for p in facet_parameters(FACETS) if p.name in FACETS]
TEXT_PARAMETER = OpenApiParameter(
    TEXT,
    {"type": "string", "maxLength": query.MAX_QUERY_LENGTH},
    description="Words to find, in any EU language (at most "
    f"{query.MAX_QUERY_LENGTH} characters): every word must appear in the title, summary or "
    "text. Without it, everything that matches the filters is listed.",
)
QUERY_LANGUAGE_PARAMETER = OpenApiParameter(
    QUERY_LANGUAGE,
    str,
    enum=list(LANGUAGES),
    description="The language the words of `q` are in, if known. Its words then match other "
    "forms of themselves in that language only (and themselves exactly in any language), so "
    "a word of one language no longer finds a look-alike of another. Without it, and "
    "unless `language` selects exactly one language, words match in every EU language.",
)
SORT_PARAMETER = OpenApiParameter(
    SORT,
    str,
    enum=list(SORTS),
    description="`relevance`, best match first (the default with `q`); `newest` (the default "
    "without); `evidence`, strongest evidence rating first.",
)
ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="A parameter to fix; the message says how."),
    429: ErrorSerializer,
    503: OpenApiResponse(
        ErrorSerializer, description="Search cannot answer at the moment; try again in a minute."
    ),
}
SEARCH_DESCRIPTION = (
    "Everything the portal's search finds, as its search page shows it: programmes, "
    "evaluations, implementation reports, pages, support services, working groups and their "
    "outputs, campaigns and materials, each translation family once (in the language "
    "`available_in` selects if one, else the interface language, else English, else the "
    "original), with `also_in` naming its other languages. Filters "
    "are the facets, with the same values as the list endpoints'; a value no content has "
    "finds nothing, and `facets` lists the values there are. Signed-in members of a working "
    "group (with the portal's session cookie) also find that group's discussions, documents "
    "and meetings; everyone else finds public content only. Only the first "
    f"{query.MAX_RESULT_WINDOW:,} results can be paged through."
)


@method_decorator(vary_on_cookie, name="dispatch")
class SearchView(OpenDataViewMixin, APIView):
    def allowed_parameters(self):
        return (*FACETS, TEXT, QUERY_LANGUAGE, SORT, *PAGING)

    @extend_schema(
        summary="Search",
        operation_id="search",
        description=SEARCH_DESCRIPTION,
        parameters=[
            TEXT_PARAMETER,
            QUERY_LANGUAGE_PARAMETER,
            SORT_PARAMETER,
            *PAGE_PARAMETERS,
            *FACET_PARAMETERS,
        ],
        responses={
            200: SearchResultsSerializer,
            404: OpenApiResponse(ErrorSerializer, description="A page past the end."),
            **ERRORS,
        },
    )
    def get(self, request):
        paging = PagePagination()
        params = request.query_params.copy()
        params.pop("page_size", None)  # search calls it per_page; checked as the lists do
        params["page"] = str(paging.get_page_number(request, None))
        params["per_page"] = str(paging.get_page_size(request))
        return Response(results_body(_search(request, params)))


@method_decorator(vary_on_cookie, name="dispatch")
class SuggestView(OpenDataViewMixin, APIView):
    def allowed_parameters(self):
        return (*FACETS, TEXT, QUERY_LANGUAGE)

    @extend_schema(
        summary="Search suggestions",
        operation_id="search_suggest",
        description=f"Titles for a search box: the first {SUGGESTIONS} best matches of `q` "
        "with the filters given, found as `/api/v1/search/` finds them. Without `q`, none.",
        parameters=[TEXT_PARAMETER, QUERY_LANGUAGE_PARAMETER, *FACET_PARAMETERS],
        responses={200: SuggestionsSerializer, **ERRORS},
    )
    def get(self, request):
        if not request.query_params.get(TEXT, "").strip():
            return Response(EMPTY_SUGGESTIONS)
        results = _search(request, request.query_params, **SUGGESTION_REQUEST)
        return Response(suggestions_body(results))
