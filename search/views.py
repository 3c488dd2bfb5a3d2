"""Thin views over ``search.service``: the search page, and the first JSON addresses of the
search and its title suggestions (``search.api`` is the open-data API's search).

Every parameter lives in the URL, so a search can be bookmarked and shared, and the page
works without JavaScript.
"""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_cookie

from . import api, facets, query, registry, service, text
from .facets import label
from .languages import LANGUAGES

SORT_LABELS = {
    "relevance": gettext_lazy("Best match"),
    "newest": gettext_lazy("Newest"),
    "evidence": gettext_lazy("Strongest evidence"),
}


def _search(request, **overrides):
    """(SearchResults or None, error message or None, status)."""
    try:
        results = service.search(request.GET, request.user, get_language() or "en", **overrides)
    except query.BadSearch as exc:
        return None, str(exc), 400
    except service.SearchUnavailable:
        return None, _("Search is not available at the moment. Please try again in a minute."), 503
    return results, None, 200


def _params_without(params, name, value=None):
    """The query string without the page, and without ``name=value`` if a value is given
    (as parsed: ``country=ie`` is the chip of ``IE``)."""
    normalise = facets.get(name).case if name in facets.FACETS else str
    return urlencode(
        [
            (key, v)
            for key, v in params
            if key != "page" and not (key == name and normalise(v.strip()) == value)
        ]
    )


def _chips(results, params):
    chips = []
    for facet, values in results.request.filters.items():
        for value in values:
            chips.append(
                {
                    "facet": facets.get(facet).label,
                    "label": label(facet, value),
                    "remove_url": "?" + _params_without(params, facet, value),
                }
            )
    return chips


@require_GET
@vary_on_cookie
def search_page(request):
    results, error, status = _search(request)
    params = [(key, value) for key in request.GET for value in request.GET.getlist(key)]
    language = get_language() or "en"
    context = {
        "q": request.GET.get("q", "")[: query.MAX_QUERY_LENGTH],
        "q_language": request.GET.get("q_language", "")[:8].strip().lower(),
        "query_languages": sorted(  # in alphabetical order, "Łotewski" among the Ls
            ((code, label("language", code)) for code in LANGUAGES),
            key=lambda row: text.fold(row[1]),
        ),
        "results": results,
        "error": error,
        "sorts": SORT_LABELS,
        "facet_labels": {facet.name: facet.label for facet in facets.all_facets()},
        "my_language": language,
        "my_language_name": label("language", language),
        "querystring_without_page": _params_without(params, "page"),
        "catalogue_url": registry.page_url("catalogue", request),
    }
    if results:
        context.update(
            sort=results.request.sort,
            chips=_chips(results, params),
            facets=[
                (facet.name, facet.label, results.facets[facet.name])
                for facet in facets.all_facets()
                if results.facets[facet.name] and facet.name != "available_in"
            ],
            mine_selected=language in results.request.filters.get("available_in", ()),
            clear_url="?" + urlencode({"q": results.request.q}) if results.request.q else "?",
        )
    return render(request, "search/search_page.html", context, status=status)


# The first JSON addresses, kept for existing links: the bodies of ``/api/v1/search/`` (see
# ``search.api``), with the page size called ``per_page`` and errors as ``{"error": …}``.


def _error(message, status=400):
    return JsonResponse({"error": message}, status=status)


@require_GET
@vary_on_cookie
def search_api(request):
    results, error, status = _search(request)
    if error:
        return _error(error, status)
    return JsonResponse(
        api.results_body(results, page_size_name="per_page"),
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
@vary_on_cookie
def suggest_api(request):
    """Titles for the search box, from the same search and the same access rules."""
    if not request.GET.get("q", "").strip():
        return JsonResponse(api.EMPTY_SUGGESTIONS)
    results, error, status = _search(request, **api.SUGGESTION_REQUEST)
    if error:
        return _error(error, status)
    return JsonResponse(api.suggestions_body(results), json_dumps_params={"ensure_ascii": False})
