"""The database's own full-text engine, behind one small interface, holding the same tokens.

Words are turned into tokens in Python (``search.text``): the folded word, and its stems in
the document's language marked with that language. Both databases store exactly those tokens
and match queries against them, so they find the same documents for the same query:

* SQLite: an FTS5 table whose rowid is the document's id. Its ``ascii`` tokenizer leaves every
  non-ASCII letter as it is and keeps ``_`` inside a token, so it splits the stored text at
  the spaces between tokens and nowhere else.
* PostgreSQL: a table of ``tsvector`` values, written as literals (``'cs_rod':2A``), which
  PostgreSQL takes as they are, with a GIN index; queries are ``tsquery`` literals. No text
  search configuration, and so no server-side stemming, is involved.

Neither table refers to the documents' table: Django empties (flushes) only the tables of its
models, and a PostgreSQL table that refers to one of them would stop it from emptying it. The
rows go with their documents in ``search.indexing``; rows left behind by a flush are pruned
after it (``search.signals``).

Ranking: BM25 (SQLite) or ``ts_rank_cd`` (PostgreSQL), title above summary above body.
"""

from . import text

TABLE = "search_fulltext"

# PostgreSQL weights of the three fields (``schema.TEXT_WEIGHTS`` orders them the same way).
POSTGRES_WEIGHTS = {"title": "A", "summary": "B", "body": "D"}


def engine(connection):
    return _ENGINES[connection.vendor]


class SQLiteFullText:
    @staticmethod
    def create(cursor):
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
            "title, summary, body, tokenize = \"ascii tokenchars '_'\")"
        )

    @staticmethod
    def drop(cursor):
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")

    @staticmethod
    def delete(cursor, ids):
        cursor.executemany(f"DELETE FROM {TABLE} WHERE rowid = %s", [(i,) for i in ids])

    @staticmethod
    def clear(cursor):
        cursor.execute(f"DELETE FROM {TABLE}")

    @staticmethod
    def prune(cursor):
        cursor.execute(
            f"DELETE FROM {TABLE} WHERE rowid NOT IN (SELECT id FROM search_indexeddocument)"
        )

    @staticmethod
    def write(cursor, rows):
        """Rows of (id, language, title, summary, body), replacing what those ids had."""
        SQLiteFullText.delete(cursor, [row[0] for row in rows])
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
            [
                (
                    doc_id,
                    text.indexed_text(title, language),
                    text.indexed_text(summary, language),
                    text.indexed_text(body, language),
                )
                for doc_id, language, title, summary, body in rows
            ],
        )

    @staticmethod
    def matches(cursor, terms):
        """SQL selecting (id, score) of matching documents, higher score first, and params."""
        from .schema import TEXT_WEIGHTS

        weights = ", ".join(f"{weight:g}" for weight in TEXT_WEIGHTS.values())
        return (
            f"SELECT rowid AS id, -bm25({TABLE}, {weights}) AS score "
            f"FROM {TABLE} WHERE {TABLE} MATCH %s",
            [text.fts5_query(terms)],
        )


class PostgresFullText:
    @staticmethod
    def create(cursor):
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} "
            "(document_id bigint PRIMARY KEY, vector tsvector NOT NULL)"
        )
        cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_vector ON {TABLE} USING gin(vector)")

    @staticmethod
    def drop(cursor):
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")

    @staticmethod
    def delete(cursor, ids):
        cursor.execute(f"DELETE FROM {TABLE} WHERE document_id = ANY(%s)", [list(ids)])

    @staticmethod
    def clear(cursor):
        cursor.execute(f"DELETE FROM {TABLE}")

    @staticmethod
    def prune(cursor):
        cursor.execute(
            f"DELETE FROM {TABLE} t WHERE NOT EXISTS "
            "(SELECT 1 FROM search_indexeddocument d WHERE d.id = t.document_id)"
        )

    @staticmethod
    def write(cursor, rows):
        cursor.executemany(
            f"INSERT INTO {TABLE} (document_id, vector) VALUES (%s, %s::tsvector) "
            "ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector",
            [
                (
                    doc_id,
                    text.tsvector(
                        zip((title, summary, body), POSTGRES_WEIGHTS.values(), strict=True),
                        language,
                    ),
                )
                for doc_id, language, title, summary, body in rows
            ],
        )

    @staticmethod
    def matches(cursor, terms):
        return (
            f"SELECT document_id AS id, ts_rank_cd(vector, q.query) AS score "
            f"FROM {TABLE}, (SELECT %s::tsquery AS query) AS q WHERE vector @@ q.query",
            [text.tsquery(terms)],
        )


_ENGINES = {"sqlite": SQLiteFullText, "postgresql": PostgresFullText}
