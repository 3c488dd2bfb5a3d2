"""The database's own full-text engine, behind one small interface.

SQLite: an FTS5 table whose rowid is the document's id. Text is stemmed in Python with the
Snowball stemmer of the document's language (``search.text``), and queries OR every
language's stem of each word.

PostgreSQL: a table of tsvectors built with the text search configuration of the document's
language (``german`` for German, ``simple`` where PostgreSQL has none), with a GIN index.
Queries OR ``websearch_to_tsquery`` under every configuration the server has.
"""

from . import text
from .languages import engine_names

TABLE = "search_fulltext"

# EU language code -> PostgreSQL text search configuration (see ``languages``).
POSTGRES_CONFIGS = engine_names("postgres")


def engine(connection):
    return _ENGINES[connection.vendor]


class SQLiteFullText:
    @staticmethod
    def create(cursor):
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
            "title, summary, body, tokenize = 'unicode61 remove_diacritics 2')"
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
    def write(cursor, rows):
        """Rows of (id, language, title, summary, body), replacing what those ids had."""
        SQLiteFullText.delete(cursor, [row[0] for row in rows])
        cursor.executemany(
            f"INSERT INTO {TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)",
            [
                (
                    doc_id,
                    text.stemmed_text(title, language),
                    text.stemmed_text(summary, language),
                    text.stemmed_text(body, language),
                )
                for doc_id, language, title, summary, body in rows
            ],
        )

    @staticmethod
    def matches(cursor, query, interface_language):
        """SQL selecting (id, score) of matching documents, higher score first, and params."""
        terms = text.query_terms(query, interface_language=interface_language)
        if not terms:
            return None
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
            f"CREATE TABLE IF NOT EXISTS {TABLE} (document_id bigint PRIMARY KEY "
            "REFERENCES search_indexeddocument(id) ON DELETE CASCADE DEFERRABLE INITIALLY "
            "DEFERRED, vector tsvector NOT NULL)"
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
    def write(cursor, rows):
        """Text is folded to unaccented letters first, as FTS5's ``remove_diacritics`` does
        on SQLite, so "cafe" finds "café" on both databases."""
        cursor.executemany(
            f"INSERT INTO {TABLE} (document_id, vector) VALUES (%s, "
            "setweight(to_tsvector(%s::regconfig, %s), 'A') || "
            "setweight(to_tsvector(%s::regconfig, %s), 'B') || "
            "setweight(to_tsvector(%s::regconfig, %s), 'D')) "
            "ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector",
            [
                (
                    doc_id,
                    config,
                    text.fold(title),
                    config,
                    text.fold(summary),
                    config,
                    text.fold(body),
                )  # fmt: skip
                for doc_id, language, title, summary, body in rows
                for config in [PostgresFullText.config(cursor, language)]
            ],
        )

    @staticmethod
    def config(cursor, language):
        name = POSTGRES_CONFIGS.get(language, "simple")
        return name if name in _available_configs(cursor) else "simple"

    @staticmethod
    def matches(cursor, query, interface_language):
        if not text.words(query):
            return None
        configs = sorted(set(POSTGRES_CONFIGS.values()) & _available_configs(cursor))
        tsquery = " || ".join(["websearch_to_tsquery(%s::regconfig, %s)"] * (len(configs) + 1))
        folded = text.fold(query)
        params = [p for config in ["simple", *configs] for p in (config, folded)]
        return (
            f"SELECT document_id AS id, ts_rank_cd(vector, q.query) AS score "
            f"FROM {TABLE}, (SELECT {tsquery} AS query) AS q WHERE vector @@ q.query",
            params,
        )


_CONFIGS = {}


def _available_configs(cursor):
    """Text search configurations this server has, read once per database."""
    name = cursor.db.settings_dict["NAME"]
    if name not in _CONFIGS:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        _CONFIGS[name] = frozenset(row[0] for row in cursor.fetchall())
    return _CONFIGS[name]


_ENGINES = {"sqlite": SQLiteFullText, "postgresql": PostgresFullText}
