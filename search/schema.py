"""The one search-document schema, defined with elasticsearch-dsl.

``ContentDocument`` is what every searchable item becomes, and ``PortalSearch`` is the faceted
query over it. The Elasticsearch backend uses both directly; the embedded backend reads the
same facet names, sort orders and visibility rule from here, so the two cannot drift apart.
Nothing here touches the network: connections are made by ``search.backends.elastic``.
"""

from functools import lru_cache

from django.conf import settings

from elasticsearch.dsl import (
    A,
    Date,
    Document,
    FacetedSearch,
    Integer,
    Keyword,
    Q,
    TermsFacet,
    Text,
)

from .languages import LANGUAGES, engine_names

PUBLIC = "public"


def group_visibility(group_id):
    """The visibility value that lets members of one working group see a document."""
    return f"group:{group_id}"


# EU language -> Elasticsearch's stemmer token filter (see ``languages``).
LANGUAGE_STEMMERS = engine_names("elasticsearch")
TEXT_FIELDS = ("title", "summary", "body")
FOLDED_ANALYZER = "portal_folded"


def language_analyzer(language):
    return f"portal_{language}"


def language_field(field, language):
    """The field holding a document's ``field`` analysed in its own language: ``title_de``."""
    return f"{field}_{language}"


def analysis():
    """The index's analysis settings, as the embedded index cuts words (``search.text``).

    ``portal_folded``: whole words, lower-cased and folded (ł→l, ø→o, é→e …). One analyzer
    per EU language, ``portal_<code>``: the word and its folded form (``asciifolding`` with
    ``preserve_original``), both stemmed with the language's stemmer, then folded: the
    tokens ``fold(stem(w))`` and ``stem(fold(w))`` of the embedded index. A language with no
    stemmer (Maltese; Polish without the Stempel plugin) is folded only.
    """
    filters = {
        "portal_keep_and_fold": {"type": "asciifolding", "preserve_original": True},
        "portal_same_position_once": {"type": "unique", "only_on_same_position": True},
    }
    analyzers = {
        FOLDED_ANALYZER: {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding"],
        }
    }
    for language in LANGUAGES:
        chain = ["lowercase"]
        if language in LANGUAGE_STEMMERS:
            stemmer = f"portal_{language}_stemmer"
            filters[stemmer] = {"type": "stemmer", "language": LANGUAGE_STEMMERS[language]}
            chain += ["portal_keep_and_fold", stemmer]
        chain += ["asciifolding", "portal_same_position_once"]
        analyzers[language_analyzer(language)] = {
            "type": "custom",
            "tokenizer": "standard",
            "filter": chain,
        }
    return {"filter": filters, "analyzer": analyzers}


def _text():
    """Whole words of any language, folded; highlighted from the stored text."""
    return Text(analyzer=FOLDED_ANALYZER)


def _language_text(language):
    return lambda: Text(analyzer=language_analyzer(language))


def language_document(doc):
    """The document as Elasticsearch stores it: its text copied into the fields of its own
    language (``title_de`` …), so its words are stemmed in that language only.

    It always names its family: a document stored before documents carried one is a family
    of its own (its key), as in the embedded index. A collapse would otherwise put every
    document without a family into one result."""
    if not doc.get("family") and doc.get("key"):
        doc = {**doc, "family": doc["key"]}
    language = doc.get("language")
    if language not in LANGUAGES:
        return doc
    return {**doc, **{language_field(f, language): doc.get(f) or "" for f in TEXT_FIELDS}}


def query_fields(language=""):
    """The fields a query searches, with their weights: the whole words in every document,
    and the stems of the query's language (where known) or of every language."""
    languages = [language] if language in LANGUAGES else list(LANGUAGES)
    return [f"{name}^{TEXT_WEIGHTS[name]:g}" for name in TEXT_FIELDS] + [
        f"{language_field(name, code)}^{TEXT_WEIGHTS[name]:g}"
        for code in languages
        for name in TEXT_FIELDS
    ]


# Sort orders: name -> Elasticsearch sort. "key" breaks ties so both backends page identically.
SORTS = {
    "relevance": ["_score", {"date": {"order": "desc", "missing": "_last"}}, "key"],
    "newest": [{"date": {"order": "desc", "missing": "_last"}}, "key"],
    "evidence": ["-rating_rank", {"date": {"order": "desc", "missing": "_last"}}, "key"],
}
# Text fields and their weights, shared by both backends' ranking.
TEXT_WEIGHTS = {"title": 5.0, "summary": 2.0, "body": 1.0}


# The fields every document has whatever the facets; each facet adds a keyword field of its
# own (``content_document``). ``type`` and ``language`` are facets too.
BASE_FIELDS = {
    "key": Keyword,
    "family": Keyword,
    "title": _text,
    "summary": _text,
    "body": _text,
    **{
        language_field(name, code): _language_text(code)
        for code in LANGUAGES
        for name in TEXT_FIELDS
    },
    "url": lambda: Keyword(index=False),
    "date": Date,
    "rating_rank": Integer,
    "visibility": lambda: Keyword(multi=True),
}
INDEX_SETTINGS = {"number_of_shards": 1, "number_of_replicas": 0, "analysis": analysis()}


@lru_cache(maxsize=1)
def content_document():
    """The ``ContentDocument`` class: the base fields and one keyword field per declared facet.

    Built on first use, once every app has declared its facets."""
    from .facets import all_facets

    attrs = {name: make() for name, make in BASE_FIELDS.items()}
    for facet in all_facets():
        attrs[facet.name] = Keyword(multi=facet.multi)
    attrs["Index"] = type("Index", (), {"name": "content", "settings": INDEX_SETTINGS})
    return type("ContentDocument", (Document,), attrs)


def __getattr__(name):
    # ``from search.schema import ContentDocument`` works as if it were a class defined here.
    if name == "ContentDocument":
        return content_document()
    raise AttributeError(name)


def index_alias():
    """The alias searches read from; each rebuild points it at a new timestamped index."""
    return f"{settings.SEARCH_INDEX_PREFIX}-content"


# One result per translation family (see ``PortalSearch.one_per_family``).
SHOWN_VERSION = "shown"  # the inner hits holding the version of a family that is shown
# Families are counted with the cardinality aggregation, an estimate: it is exact enough (in
# practice exact) up to this many families, Elasticsearch's highest precision_threshold, and
# within a few per cent past it. The embedded backend counts exactly.
FAMILY_PRECISION = 40_000
# A version's rank in its family: its position in ``params.preferred``, else after them all.
_LANGUAGE_RANK = (
    "int rank = doc['language'].size() == 0 ? -1 : params.preferred.indexOf(doc['language'].value);"
    " return rank < 0 ? params.preferred.size() : rank;"
)


def family_count():
    return A("cardinality", field="family", precision_threshold=FAMILY_PRECISION)


def family_order(language):
    """The order of a family's versions, the one to show first: the version in ``language``,
    else in English, else the original (the oldest: the lowest id, "page:9" before
    "page:10"), as ``portal.translations`` chooses."""
    preferred = list(dict.fromkeys([language, settings.LANGUAGE_CODE]))
    return [
        {
            "_script": {
                "type": "number",
                "order": "asc",
                "script": {"source": _LANGUAGE_RANK, "params": {"preferred": preferred}},
            }
        },
        {
            "_script": {
                "type": "number",
                "order": "asc",
                "script": {"source": "doc['key'].value.length()"},
            }
        },
        {"key": {"order": "asc"}},
    ]


class PortalSearch(FacetedSearch):
    """Faceted search over ``ContentDocument``: one method per concern.

    Values of one facet combine with OR, different facets with AND, and each facet's counts
    apply every other facet's selection (elasticsearch-dsl's post_filter and filtered
    aggregations). Visibility is a query filter, so hidden documents never reach the counts.
    With ``family_language``, each translation family is one result (``one_per_family``).
    """

    using = "portal"

    def __init__(
        self,
        query=None,
        filters=None,
        sort="relevance",
        visibility=(PUBLIC,),
        q_language="",
        family_language=None,
    ):
        from .facets import FACETS

        self.fields = query_fields(q_language)
        self.doc_types = [content_document()]
        # One family per result: each value counts the families it has, not the documents.
        metric = family_count() if family_language else None
        self.facets = {
            name: TermsFacet(field=name, size=300, metric=metric, metric_sort=None)
            for name in FACETS
        }
        self.index = index_alias()
        self.visibility = list(visibility)
        self.family_language = family_language
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
        ).highlight("summary", "summary_*", "body", "body_*")

    def aggregate(self, search):
        super().aggregate(search)
        if self.family_language:
            # The total: the families among the hits (the post_filter does not limit aggs).
            selected = Q("match_all")
            for selection in self._filters.values():
                selected &= selection
            search.aggs.bucket("families", "filter", filter=selected).metric(
                "count", family_count()
            )

    def build_search(self):
        search = super().build_search()
        return self.one_per_family(search) if self.family_language else search

    def one_per_family(self, search):
        """Collapse the hits on ``family``. Collapsing keeps each family's first version in
        the sort order, so families come in the order of their best match; the version shown
        is the inner hit, the first of its matching versions in ``family_order`` (the inner
        hits apply the query and the post_filter too)."""
        shown = {"name": SHOWN_VERSION, "size": 1, "sort": family_order(self.family_language)}
        highlight = search.to_dict().get("highlight")
        if highlight:
            shown["highlight"] = highlight
        return search.collapse("family", inner_hits=shown)
