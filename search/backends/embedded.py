"""The embedded backend: search, filters, sorting and facet counts in SQL, in the portal's own
database. SQLite (FTS5) by default, PostgreSQL (tsvector) at scale; ``search.fulltext`` hides
the difference. Needs no server."""

from django.conf import settings
from django.db import connection

from .. import registry, text
from ..facets import FACETS
from ..fulltext import engine
from ..query import Hit
from ..schema import PUBLIC

DOCS = "search_indexeddocument"
VALUES = "search_facetvalue"

# Undated documents last. "DESC NULLS LAST" is SQLite's own order for DESC (spelled out for
# PostgreSQL), so SQLite walks the (is_public, date) index for "newest" instead of sorting every
# row: 200 ms -> 2 ms for a match-all page of 50,000 documents.
ORDER_BY = {
    "relevance": "m.score DESC, d.date DESC NULLS LAST, d.key",
    "newest": "d.date DESC NULLS LAST, d.key",
    "evidence": "d.rating_rank DESC, d.date DESC NULLS LAST, d.key",
}


# Below this many results, facet counts start from the results (measured on SQLite with 50,000
# documents: about half the time for a filtered text search; slower past ~10,000 results).
FACETS_FROM_RESULTS_UP_TO = 5000


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


class EmbeddedBackend:
    name = "embedded"

    def search(self, request):
        """(total, hits, raw facet counts) for a SearchRequest."""
        with connection.cursor() as cursor:
            match, terms = None, []
            if request.q:
                terms = text.query_terms(
                    request.q, request.q_language, interface_language=request.interface_language
                )
                if not terms:  # only punctuation: nothing can match
                    return 0, [], {}
                match = engine(connection).matches(cursor, terms)
            base = _Query(match, request.visibility, request.one_per_family)
            total = base.count(
                cursor,
                request.filters,
                request.family_language if request.one_per_family else None,
            )
            hits = base.hits(cursor, request) if total > request.offset else []
            counts = base.facet_counts(cursor, request, total)
        if request.q:
            for hit, body in hits:
                hit.snippet = text.highlight(body, terms, hit.language) or hit.snippet
        return total, [hit for hit, _body in hits], counts


class _Query:
    """SQL for one search: a text match (or none), the visibility rule and facet filters."""

    def __init__(self, match, visibility, one_per_family=False):
        self.match = match
        self.visibility = visibility
        # Count and list translation families, not documents (``family`` is the document's
        # own key where it has no translations).
        self.one_per_family = one_per_family

    def _from(self):
        if self.match is None:
            return f"{DOCS} d", []
        sql, params = self.match
        # The text match drives the join. Left to itself, SQLite's planner walks the visible
        # documents and runs the FTS5 query once per row (about 1 s instead of 20 ms over
        # 50,000 documents); its CROSS JOIN keeps the left table outermost.
        join = "CROSS JOIN" if connection.vendor == "sqlite" else "JOIN"
        return f"({sql}) m {join} {DOCS} d ON d.id = m.id", list(params)

    def _where(self, filters):
        # With a text match on SQLite, the id lists are tested on the match's id, so they
        # discard rows before the document's (wide) row is read: a filtered text search over
        # 50,000 documents reads ~300 rows instead of ~16,000. The unary + stops SQLite from
        # turning them into FTS5 rowid lookups, which would run the text query once per id.
        doc_id = "+m.id" if self.match is not None and connection.vendor == "sqlite" else "d.id"
        return self._conditions(filters, "d", doc_id)

    def _conditions(self, filters, alias, doc_id):
        """The visibility rule and the facet filters, for the document ``alias``."""
        clauses, params = [], []
        visible = []
        if PUBLIC in self.visibility:
            visible.append(f"{alias}.is_public = %s")
            params.append(True)
        groups = [v for v in self.visibility if v != PUBLIC]
        if groups:
            visible.append(
                f"{doc_id} IN (SELECT document_id FROM {VALUES} WHERE facet = %s "
                f"AND value IN ({_placeholders(groups)}))"
            )
            params += ["visibility", *groups]
        clauses.append("(" + (" OR ".join(visible) or "1 = 0") + ")")
        for facet, values in filters.items():
            clauses.append(
                f"{doc_id} IN (SELECT document_id FROM {VALUES} WHERE facet = %s "
                f"AND value IN ({_placeholders(values)}))"
            )
            params += [facet, *values]
        return " AND ".join(clauses), params

    def _family_rule(self, filters, language):
        """Of a family's versions that match, only the one to show: the version in
        ``language``, else English, else the first indexed (the original, which its
        translations follow). A document alone in its family needs no look at the others,
        so a search over documents that are mostly untranslated costs (almost) nothing."""
        rank = "CASE {0}.language WHEN %s THEN 0 WHEN %s THEN 1 ELSE 2 END"
        better = (
            f"({rank.format('s')} < {rank.format('d')} OR "
            f"({rank.format('s')} = {rank.format('d')} AND s.id < d.id))"
        )
        params = [language, settings.LANGUAGE_CODE] * 4
        conditions, condition_params = self._conditions(filters, "s", "s.id")
        matched = ""
        if self.match is not None:
            match_sql, match_params = self.match
            matched = f" AND s.id IN (SELECT id FROM ({match_sql}) ms)"
            condition_params = condition_params + list(match_params)
        return (
            f"(d.family_size = 1 OR NOT EXISTS (SELECT 1 FROM {DOCS} s WHERE "
            f"s.family = d.family AND s.id <> d.id AND {better} AND {conditions}{matched}))",
            params + condition_params,
        )

    def _select(self, columns, filters, family_language=None):
        """SQL and params; with ``family_language``, one document per family."""
        source, source_params = self._from()
        where, where_params = self._where(filters)
        if family_language is not None:
            rule, rule_params = self._family_rule(filters, family_language)
            where, where_params = f"{where} AND {rule}", where_params + rule_params
        return f"SELECT {columns} FROM {source} WHERE {where}", source_params + where_params

    def count(self, cursor, filters, family_language=None):
        # One per family: as many as the families with a matching document, which is cheaper
        # to count than to apply the family rule to every matching document.
        if family_language is not None:
            sql, params = self._select("COUNT(DISTINCT d.family)", filters)
        else:
            sql, params = self._select("COUNT(*)", filters)
        cursor.execute(sql, params)
        return cursor.fetchone()[0]

    def hits(self, cursor, request):
        order = ORDER_BY[
            "newest" if request.sort == "relevance" and not self.match else request.sort
        ]
        columns = "d.key, d.type, d.title, d.url, d.language, d.summary, d.body, d.date, d.source"
        family_language = request.family_language if self.one_per_family else None
        sql, params = self._select(columns, request.filters, family_language)
        cursor.execute(
            f"{sql} ORDER BY {order} LIMIT %s OFFSET %s",
            params + [request.per_page, request.offset],
        )
        results = []
        for key, type_, title, url, language, summary, body, _date, source in cursor.fetchall():
            source = source if isinstance(source, dict) else _json(source)
            hit = Hit(
                also_in=[code for code in source.get("available_in") or [] if code != language],
                key=key,
                type=type_,
                title=title,
                url=url,
                language=language,
                summary=summary,
                snippet=text.highlight(summary, [], language),
                rating=registry.shown_rating(source),
                date=source.get("date"),
            )
            results.append((hit, f"{summary} {body}" if summary else body))
        return results

    def facet_counts(self, cursor, request, total):
        """Counts per facet value. A facet's own selection is left out of its counts, so a
        visitor sees how many results each other value of that facet would add."""
        counts = {}
        selected = [facet for facet in FACETS if facet in request.filters]
        groups = [[facet] for facet in selected] + [
            [facet for facet in FACETS if facet not in request.filters]
        ]
        for facets in groups:
            if not facets:
                continue
            filters = request.without(facets[0]) if facets[0] in selected else request.filters
            sql, params = self._counts_sql(facets, filters, total)
            cursor.execute(sql, params)
            for facet, value, count in cursor.fetchall():
                counts.setdefault(facet, {})[value] = count
        return counts

    def _counts_sql(self, facets, filters, total):
        counted = "DISTINCT f.family" if self.one_per_family else "*"
        head = (
            f"SELECT f.facet, f.value, COUNT({counted}) FROM {VALUES} f "
            f"WHERE f.facet IN ({_placeholders(facets)}) AND "
        )
        tail = " GROUP BY f.facet, f.value"
        if self.match is None and not filters and self.visibility == (PUBLIC,):
            # Everything public: one pass over the (is_public, facet, value) index.
            return f"{head}f.is_public = %s{tail}", [*facets, True]
        subquery, params = self._select("d.id", filters)
        if total <= FACETS_FROM_RESULTS_UP_TO and connection.vendor == "sqlite":
            # Few results: read just their facet rows, through the (document, facet, value)
            # index, rather than every row of these facets.
            return (
                f"SELECT f.facet, f.value, COUNT({counted}) FROM ({subquery}) r "
                f"CROSS JOIN {VALUES} f "
                f"ON f.document_id = r.id WHERE f.facet IN ({_placeholders(facets)}){tail}",
                [*params, *facets],
            )
        return f"{head}f.document_id IN ({subquery}){tail}", [*facets, *params]


def _json(raw):
    import json

    return json.loads(raw) if raw else {}
