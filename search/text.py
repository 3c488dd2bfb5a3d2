"""Words, stems and highlighted snippets for the embedded index.

Documents are stemmed with the Snowball stemmer of their own language before they go into
SQLite's FTS5 table, so "prisons" is stored as "prison" and "Schulen" as "schul". A query does
not know its language, so each of its words is stemmed with every EU language's stemmer and the
variants are OR-ed: "Schulen" finds German documents about "Schule" whatever the visitor's
interface language. PostgreSQL does the same with its own text search configurations.
"""

import html
import importlib
import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from .languages import engine_names

WORD = re.compile(r"\w+", re.UNICODE)

# EU language code -> Snowball algorithm (see ``languages``). Others are matched unstemmed.
SNOWBALL = engine_names("snowball")

# Function words that PostgreSQL's and Elasticsearch's analyzers also drop, so that
# "prevention of abuse" does not require the word "of". Deliberately short: a longer list
# would swallow real search words such as "help" or "group".
STOP_WORDS = {
    "en": {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it",
           "of", "on", "or", "that", "the", "this", "to", "was", "with"},
    "de": {"der", "die", "das", "und", "in", "im", "mit", "von", "für", "zu", "den", "dem",
           "ein", "eine", "ist", "auf"},
    "fr": {"le", "la", "les", "de", "des", "du", "et", "en", "un", "une", "pour", "au", "aux",
           "dans", "est", "sur"},
}  # fmt: skip

MAX_QUERY_WORDS = 32


def words(text):
    """Lower-cased words of a text, in order."""
    return WORD.findall(text.lower()) if text else []


@lru_cache(maxsize=32)
def _stemmer(language):
    algorithm = SNOWBALL.get(language)
    if algorithm is None:
        return None
    if algorithm in snowballstemmer.algorithms():
        return snowballstemmer.stemmer(algorithm)
    # PyStemmer (the fast C build snowballstemmer prefers) lacks some newer algorithms, such as
    # Czech and Polish: use snowballstemmer's own pure-Python stemmer for those.
    module = importlib.import_module(f"snowballstemmer.{algorithm}_stemmer")
    return getattr(module, f"{algorithm.capitalize()}Stemmer")()


@lru_cache(maxsize=200_000)
def stem(word, language):
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def stemmed_text(text, language):
    """The text as the index stores it: each word replaced by its stem in ``language``."""
    return " ".join(stem(word, language) for word in words(text))


def fold(word):
    """Strip accents the way FTS5's ``remove_diacritics`` does, for comparing stems."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def query_terms(query, languages=None, interface_language="en"):
    """The query's words, each as the set of its stems across ``languages``.

    Stop words of English and the interface language are dropped, unless nothing else is left.
    """
    languages = languages or list(SNOWBALL)
    found = words(query)[:MAX_QUERY_WORDS]
    stop = STOP_WORDS["en"] | STOP_WORDS.get(interface_language, set())
    kept = [word for word in found if word not in stop] or found
    terms = []
    for word in dict.fromkeys(kept):
        variants = {word} | {stem(word, language) for language in languages}
        terms.append(sorted(variants))
    return terms


def fts5_query(terms):
    """An FTS5 MATCH expression: every word must match, in any of its stemmed forms."""
    groups = []
    for variants in terms:
        quoted = " OR ".join('"{}"'.format(v.replace('"', '""')) for v in variants)
        groups.append(f"({quoted})")
    return " AND ".join(groups)


def highlight(text, terms, language, length=240):
    """An HTML-escaped excerpt of ``text`` around the first match, matches in ``<mark>``.

    A word matches when its stem in the document's language is one of a query word's stems.
    """
    if not text:
        return ""
    wanted = {fold(variant) for variants in terms for variant in variants}
    spans = [
        m.span()
        for m in (WORD.finditer(text) if wanted else ())
        if fold(stem(m.group().lower(), language)) in wanted or fold(m.group().lower()) in wanted
    ]
    start = 0
    if spans and spans[0][0] > length // 3:
        start = text.rfind(" ", 0, spans[0][0] - length // 3) + 1
    end = min(len(text), start + length)
    if end < len(text):
        end = max(text.rfind(" ", start, end), start + length // 2)
    pieces, cursor = [], start
    for begin, finish in spans:
        if begin < start or finish > end:
            continue
        pieces.append(html.escape(text[cursor:begin]))
        pieces.append(f"<mark>{html.escape(text[begin:finish])}</mark>")
        cursor = finish
    pieces.append(html.escape(text[cursor:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(pieces).strip() + suffix
