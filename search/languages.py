"""One table of the EU's 24 official languages as search knows them.

Each row says how words of a document in that language are cut to their stem: ``stemmer`` in
the embedded index (the same Python code on SQLite and on PostgreSQL, see ``search.text``) and
``elasticsearch``, the stemmer token filter of the language's analyzer in Elasticsearch
(``search.schema``). ``borrowed`` names the language whose stemmer is used where the language
has none of its own and a close one measurably works (``make bench``: ``bench/languages.py``).
``None``: nothing cuts words of that language; they are matched whole, accents folded.

Stemmers: Snowball's (``snowballstemmer``), and for Bulgarian and Latvian the light stemmers
of ``search.stemmers``, which are those Elasticsearch runs.
"""

from typing import NamedTuple


class SearchLanguage(NamedTuple):
    stemmer: str | None  # a Snowball algorithm, or "bulgarian"/"latvian" (search.stemmers)
    elasticsearch: str | None  # Elasticsearch's "stemmer" token filter language
    borrowed: str | None = None  # the language whose stemmer this is, if not its own


LANGUAGES = {
    "bg": SearchLanguage("bulgarian", "bulgarian"),
    "cs": SearchLanguage("czech", "czech"),
    "da": SearchLanguage("danish", "danish"),
    "de": SearchLanguage("german", "light_german"),
    "el": SearchLanguage("greek", "greek"),
    "en": SearchLanguage("english", "english"),
    "es": SearchLanguage("spanish", "light_spanish"),
    "et": SearchLanguage("estonian", "estonian"),
    "fi": SearchLanguage("finnish", "finnish"),
    "fr": SearchLanguage("french", "light_french"),
    "ga": SearchLanguage("irish", "irish"),
    "hr": SearchLanguage("serbian", "serbian", borrowed="sr"),
    "hu": SearchLanguage("hungarian", "hungarian"),
    "it": SearchLanguage("italian", "light_italian"),
    "lt": SearchLanguage("lithuanian", "lithuanian"),
    "lv": SearchLanguage("latvian", "latvian"),
    # No Maltese stemmer exists; Italian's cuts the Romance and English loans' -i/-a endings
    # (vittmi/vittma) but not -iet/-ijiet or broken plurals (tfal/tifel): docs/search.md.
    "mt": SearchLanguage("italian", "light_italian", borrowed="it"),
    "nl": SearchLanguage("dutch", "dutch"),
    # Elasticsearch's Polish stemmer needs the analysis-stempel plugin: without it, Polish
    # words are matched whole there (accents folded). See docs/search.md.
    "pl": SearchLanguage("polish", None),
    "pt": SearchLanguage("portuguese", "light_portuguese"),
    "ro": SearchLanguage("romanian", "romanian"),
    "sk": SearchLanguage("czech", "czech", borrowed="cs"),
    "sl": SearchLanguage("czech", "czech", borrowed="cs"),  # measured above Serbian's
    "sv": SearchLanguage("swedish", "swedish"),
}


def engine_names(engine):
    """``{language: name}`` for one engine (a field of ``SearchLanguage``), where it has one."""
    return {
        code: getattr(row, engine)
        for code, row in LANGUAGES.items()
        if getattr(row, engine) is not None
    }
