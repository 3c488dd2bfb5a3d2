"""One table of the EU's 24 official languages as the search engines know them.

Each row says which Elasticsearch analyzer, which Snowball stemmer (embedded index on SQLite)
and which PostgreSQL text search configuration handles documents in that language. ``None``
means the engine has nothing for the language: Elasticsearch then uses the field's standard
analyzer, SQLite matches words unstemmed, and PostgreSQL uses ``simple``.
"""

from typing import NamedTuple


class SearchLanguage(NamedTuple):
    elasticsearch: str | None
    snowball: str | None
    postgres: str | None


LANGUAGES = {
    "bg": SearchLanguage("bulgarian", None, None),
    "cs": SearchLanguage("czech", "czech", None),
    "da": SearchLanguage("danish", "danish", "danish"),
    "de": SearchLanguage("german", "german", "german"),
    "el": SearchLanguage("greek", "greek", "greek"),
    "en": SearchLanguage("english", "english", "english"),
    "es": SearchLanguage("spanish", "spanish", "spanish"),
    "et": SearchLanguage("estonian", "estonian", None),
    "fi": SearchLanguage("finnish", "finnish", "finnish"),
    "fr": SearchLanguage("french", "french", "french"),
    "ga": SearchLanguage("irish", "irish", "irish"),
    "hr": SearchLanguage(None, None, None),
    "hu": SearchLanguage("hungarian", "hungarian", "hungarian"),
    "it": SearchLanguage("italian", "italian", "italian"),
    "lt": SearchLanguage("lithuanian", "lithuanian", "lithuanian"),
    "lv": SearchLanguage("latvian", None, None),
    "mt": SearchLanguage(None, None, None),
    "nl": SearchLanguage("dutch", "dutch", "dutch"),
    "pl": SearchLanguage(None, "polish", None),  # Elasticsearch needs the Stempel plugin
    "pt": SearchLanguage("portuguese", "portuguese", "portuguese"),
    "ro": SearchLanguage("romanian", "romanian", "romanian"),
    "sk": SearchLanguage(None, None, None),
    "sl": SearchLanguage(None, None, None),
    "sv": SearchLanguage("swedish", "swedish", "swedish"),
}


def engine_names(engine):
    """``{language: name}`` for one engine (a field of ``SearchLanguage``), where it has one."""
    return {
        code: getattr(row, engine)
        for code, row in LANGUAGES.items()
        if getattr(row, engine) is not None
    }
