"""The OpenAPI schema's glue: which endpoints it covers, and the guide at its top.

drf-spectacular builds the schema from the views (see ``SPECTACULAR_SETTINGS``); these hooks
keep it to the open-data API (Wagtail's own admin API is DRF too) and put the rules that hold
for every endpoint, ids, filters, pages, limits, in one place a reader sees first.
"""

import copy

API_PREFIX = "/api/v1/"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

GUIDE = """

**Identifiers.** The `id` of a programme, evaluation, implementation report or material is a
UUID shared by all language versions of it (Wagtail's translation key): it stays the same
across languages and republishing, while page ids do not. Each item lists its language
`versions` with their addresses; `lang=de` shows the German version where there is one (else
the English one, else the oldest). Look an item up by its id: `/api/v1/programmes/{id}/`.
Vocabulary values are identified by their `slug`, countries and languages by their `code`.

**What is published.** Only live pages that anyone may read. Drafts, submissions awaiting
review, restricted pages and everything in working groups' private spaces never appear. The
one exception is `/api/v1/search/` (and its suggestions), which answers like the portal's
search page: a signed-in member of a working group, with the portal's session cookie, also
finds that group's discussions, documents and meetings.

**Filters.** List endpoints and CSV exports take the facets of the portal's search, with the
same names and values: vocabulary slugs (`target_group=children`), ISO 3166 country codes
(`country=DE`), language codes (`language=de`, `available_in=pl`), rating levels and years.
Repeat a filter for OR (`country=DE&country=AT`); different filters combine with AND. An
item matches when one of its published language versions matches all filters. `q` is text,
matched by the portal's search. An unknown parameter or value is a 400 with a message saying
what to send instead.

**Pages.** `page` and `page_size` (at most 100); lists are ordered by title, then id, search
results as `sort` says. A page past the end is a 404.

**CSV.** `/api/v1/programmes.csv` has one row per programme; `/api/v1/evaluations.csv` one
row per result, i.e. per evaluation and outcome. Multiple values share a cell, separated by
` | `. Text cells that start with `=`, `+`, `-` or `@` are prefixed with `'` so that no
spreadsheet runs them as formulas.

**Limits.** Anonymous clients may make a limited number of requests per minute (120 unless the
operator changed it); signed-in members ten times that. Over the limit, the answer is a 429
with `Retry-After` in seconds.

**Errors.** Every error is JSON: `{"detail": "..."}`.
"""


def open_data_endpoints_only(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(API_PREFIX)]


def add_guide(result, generator, request, public, **kwargs):
    result["info"]["description"] = result["info"].get("description", "") + GUIDE
    return result


RATE_LIMITED = {
    "description": "Too many requests: wait as long as `Retry-After` says (see the guide).",
    "headers": {
        "Retry-After": {
            "schema": {"type": "integer", "minimum": 0},
            "description": "Seconds to wait before the next request.",
        }
    },
    # Every view documents its errors with ErrorSerializer, so this component exists; the
    # schema tests validate the schema, so a dangling reference would fail them.
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def document_rate_limit(result, generator, request, public, **kwargs):
    """Every endpoint is rate-limited (``throttling.THROTTLES``): each operation lists the 429
    and its ``Retry-After``, whether or not its view remembered to."""
    for operations in result["paths"].values():
        for method, operation in operations.items():
            if method in HTTP_METHODS:
                operation["responses"]["429"] = copy.deepcopy(RATE_LIMITED)
    return result
