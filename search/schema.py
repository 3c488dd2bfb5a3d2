"""The one search-document schema, defined with elasticsearch-dsl.

``ContentDocument`` is what every searchable item becomes, and ``PortalSearch`` is the faceted
query over it. The Elasticsearch backend uses both directly; the embedded backend reads the
same facet names, sort orders and visibility rule from here, so the two cannot drift apart.
Nothing here touches the network: connections are made by ``search.backends.elastic``.
"""

from django.conf import settings

from elasticsearch.dsl import (
    Date,
    Document,
    FacetedSearch,
    Integer,
    Keyword,
    Q,
    TermsFacet,
    Text,
)

PUBLIC = "public"


def group_visibility(group_id):
    """The visibility value that lets members of one working group see a document."""
    return f"group:{group_id}"


# EU language -> Elasticsearch's built-in language analyzer. Croatian, Maltese, Polish (which
# needs a plugin), Slovak and Slovenian have none and use the standard analyzer of the field.
LANGUAGE_ANALYZERS = {
    "bg": "bulgarian",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hu": "hungarian",
    "it": "italian",
    "lt": "lithuanian",
    "lv": "latvian",
    "nl": "dutch",
    "pt": "portuguese",
    "ro": "romanian",
    "sv": "swedish",
}


def _text():
    """A text field with one sub-field per language analyzer: ``title.german`` and so on."""
    return Text(fields={name: Text(analyzer=name) for name in LANGUAGE_ANALYZERS.values()})


# Facets, in the order the search page shows them. Each is a multi-valued keyword field.
FACETS = (
    "type",
    "target_group",
    "practice",
    "prevention_level",
    "setting",
    "topic",
    "outcome",
    "country",
    "language",
    "available_in",
    "adapted",
    "rating",
    "year",
)

# The "adapted" facet of materials holds "n" for each "adapted in n+ countries" that is true:
# ["1", "2", "3"] for three countries, so selecting "3" keeps those adapted in three or more.
# Past five, the number makes no difference.
MAX_ADAPTED = 5


def adapted_values(countries):
    return [str(n) for n in range(1, min(countries, MAX_ADAPTED) + 1)]


# Sort orders: name -> Elasticsearch sort. "key" breaks ties so both backends page identically.
SORTS = {
    "relevance": ["_score", {"date": {"order": "desc", "missing": "_last"}}, "key"],
    "newest": [{"date": {"order": "desc", "missing": "_last"}}, "key"],
    "evidence": ["-rating_rank", {"date": {"order": "desc", "missing": "_last"}}, "key"],
}
# Text fields and their weights, shared by both backends' ranking.
TEXT_WEIGHTS = {"title": 5.0, "summary": 2.0, "body": 1.0}


class ContentDocument(Document):
    key = Keyword()
    type = Keyword()
    title = _text()
    summary = _text()
    body = _text()
    language = Keyword()
    url = Keyword(index=False)
    date = Date()
    year = Keyword()
    rating = Keyword()
    rating_rank = Integer()
    target_group = Keyword(multi=True)
    practice = Keyword(multi=True)
    prevention_level = Keyword(multi=True)
    setting = Keyword(multi=True)
    topic = Keyword(multi=True)
    outcome = Keyword(multi=True)  # outcomes a programme is rated on / an evaluation measured
    country = Keyword(multi=True)
    available_in = Keyword(multi=True)
    adapted = Keyword(multi=True)  # see adapted_values
    visibility = Keyword(multi=True)

    class Index:
        name = "content"
        settings = {"number_of_shards": 1, "number_of_replicas": 0}


def index_alias():
    """The alias searches read from; each rebuild points it at a new timestamped index."""
    return f"{settings.SEARCH_INDEX_PREFIX}-content"


class PortalSearch(FacetedSearch):
    """Faceted search over ``ContentDocument``: one method per concern.

    Values of one facet combine with OR, different facets with AND, and each facet's counts
    apply every other facet's selection (elasticsearch-dsl's post_filter and filtered
    aggregations). Visibility is a query filter, so hidden documents never reach the counts.
    """

    doc_types = [ContentDocument]
    fields = [f"{name}^{weight:g}" for name, weight in TEXT_WEIGHTS.items()] + [
        f"{name}.*^{weight:g}" for name, weight in TEXT_WEIGHTS.items()
    ]
    facets = {name: TermsFacet(field=name, size=300) for name in FACETS}
    using = "portal"

    def __init__(self, query=None, filters=None, sort="relevance", visibility=(PUBLIC,)):
        self.index = index_alias()
        self.visibility = list(visibility)
        super().__init__(query or None, filters or {}, SORTS[sort])

    def search(self):
        return (
            super()
            .search()
            .filter("terms", visibility=self.visibility)
            .extra(track_total_hits=True)
        )

    def query(self, search, query):
        # cross_fields with "and": every word must appear, in any field, in any analysis.
        return search.query(
            Q("multi_match", query=query, fields=self.fields, type="cross_fields", operator="and")
        )

    def highlight(self, search):
        return search.highlight_options(
            encoder="html",
            pre_tags=["<mark>"],
            post_tags=["</mark>"],
            fragment_size=240,
            number_of_fragments=1,
            max_analyzed_offset=100_000,  # very long bodies are highlighted in their start only
        ).highlight("summary", "summary.*", "body", "body.*")
