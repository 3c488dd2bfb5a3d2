"""Words, tokens and highlighted snippets for the embedded index.

The embedded index holds the same tokens on SQLite (FTS5) and on PostgreSQL (tsvector): they
are made here, in Python, and the databases only store and look them up. Each word of a
document in language D becomes

* its folded form, as it is (``kinder``): the exact word, which a query in any language finds;
* its stem in D, marked with D (``de_kind``), twice where they differ: the stem of the word
  folded (``stem(fold(w))``) and the folded stem (``fold(stem(w))``), so stemmers whose rules
  look at accented endings still work when a visitor types without accents.

A query word w finds a document in language D through D's stem of w only: ``de_kind`` never
meets ``lt_...``, so the Czech "rodina" does not find the Lithuanian "rodyti" through some
stemmer that happens to cut both to "rod". When the query's language is known, the query
word is stemmed in that language only (plus its exact form); otherwise in every language, each
stem marked with its language, so "Schulen" finds German documents whatever the interface.

Folding (``fold``) removes accents and maps letters that do not decompose (ł, ø, đ, ħ, ß, æ, œ,
þ, ı), so a visitor who types "lodz", "ohrid" or "habs" finds "łódź", "Øresund" or "ħabs".
"""

import html
import importlib
import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from . import stemmers
from .languages import LANGUAGES, engine_names

# Letters, digits: "_" separates words, so no word can look like a language-marked token.
WORD = re.compile(r"[^\W_]+", re.UNICODE)

# EU language code -> stemmer (see ``languages``). Other languages are matched as words only.
STEMMERS = engine_names("stemmer")
OWN_STEMMERS = {"bulgarian": stemmers.bulgarian, "latvian": stemmers.latvian}

# Letters that Unicode does not decompose into a base letter and an accent.
FOLDED_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th",
     "ı": "i", "ð": "d", "ŀ": "l", "ς": "σ"}
)  # fmt: skip

# Function words that Elasticsearch's analyzers also drop, so that "prevention of abuse" does
# not require the word "of". Deliberately short: a longer list would swallow real search words
# such as "help" or "group".
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


def fold(word):
    """The word without accents, and with letters that do not decompose spelt plainly."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(FOLDED_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(FOLDED_LETTERS)


@lru_cache(maxsize=32)
def _stemmer(language):
    """A function word -> stem for one EU language, or ``None``."""
    algorithm = STEMMERS.get(language)
    if algorithm is None:
        return None
    if algorithm in OWN_STEMMERS:
        return OWN_STEMMERS[algorithm]
    if algorithm in snowballstemmer.algorithms():
        return snowballstemmer.stemmer(algorithm).stemWord
    # PyStemmer (the fast C build snowballstemmer prefers) lacks some newer algorithms, such as
    # Czech and Polish: use snowballstemmer's own pure-Python stemmer for those.
    module = importlib.import_module(f"snowballstemmer.{algorithm}_stemmer")
    return getattr(module, f"{algorithm.capitalize()}Stemmer")().stemWord


def stemmed_languages():
    """The languages whose words are cut to a stem (the others are matched whole)."""
    return [language for language in LANGUAGES if language in STEMMERS]


@lru_cache(maxsize=200_000)
def stem(word, language):
    stemmer = _stemmer(language)
    return stemmer(word) if stemmer else word


@lru_cache(maxsize=200_000)
def word_tokens(word, language):
    """The tokens one (lower-cased) word of a document in ``language`` is indexed as: its
    folded form, and its stems in that language marked with the language."""
    folded = fold(word)
    if language not in STEMMERS:
        return (folded,)
    stems = dict.fromkeys((fold(stem(word, language)), stem(folded, language)))
    return (folded, *(f"{language}_{s}" for s in stems if s))


def indexed_tokens(text, language):
    """The tokens of a text, in order, as both databases store them."""
    return [token for word in words(text) for token in word_tokens(word, language)]


def indexed_text(text, language):
    return " ".join(indexed_tokens(text, language))


def query_languages(language=None):
    """The languages a query's words are stemmed in: its own where known, else all."""
    if language:
        return [language] if language in STEMMERS else []
    return stemmed_languages()


def query_terms(query, language=None, interface_language="en"):
    """The query's words, each as the sorted tokens any of which it matches.

    ``language``: the query's language, where known (``search.query``): its words then match
    only through that language's stems, or as the exact word. Stop words of English, the
    interface language and the query's language are dropped, unless nothing else is left.
    """
    found = words(query)[:MAX_QUERY_WORDS]
    stop = (
        STOP_WORDS["en"]
        | STOP_WORDS.get(interface_language, set())
        | STOP_WORDS.get(language or "", set())
    )
    kept = [word for word in found if word not in stop] or found
    languages = query_languages(language)
    terms = []
    for word in dict.fromkeys(kept):
        tokens = {fold(word)}
        for code in languages:
            tokens.update(word_tokens(word, code)[1:])
        terms.append(sorted(tokens))
    return terms


def fts5_query(terms):
    """An FTS5 MATCH expression: every word must match, through any of its tokens."""
    groups = []
    for tokens in terms:
        quoted = " OR ".join('"{}"'.format(t.replace('"', '""')) for t in tokens)
        groups.append(f"({quoted})")
    return " AND ".join(groups)


def tsquery(terms):
    """The same expression as a PostgreSQL ``tsquery`` literal (tokens are taken as they are,
    not parsed again, so they are the very tokens FTS5 sees)."""
    return " & ".join(
        "(" + " | ".join(_quote_lexeme(token) for token in tokens) + ")" for tokens in terms
    )


def _quote_lexeme(token):
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


# PostgreSQL keeps at most 256 positions per lexeme, each at most 16,383.
MAX_POSITIONS, MAX_POSITION = 256, 16383


def tsvector(fields, language):
    """A PostgreSQL ``tsvector`` literal of (text, weight) fields: the same tokens as
    ``indexed_tokens``, positions counted across the fields, each with its field's weight."""
    positions = {}
    position = 0
    for field_text, weight in fields:
        for token in indexed_tokens(field_text, language):
            position = min(position + 1, MAX_POSITION)
            found = positions.setdefault(token, [])
            if len(found) < MAX_POSITIONS:
                found.append(f"{position}{weight}")
    return " ".join(f"{_quote_lexeme(token)}:{','.join(p)}" for token, p in positions.items())


def highlight(text, terms, language, length=240):
    """An HTML-escaped excerpt of ``text`` around the first match, matches in ``<mark>``.

    A word matches when one of its tokens in the document's language is one of the query's.
    """
    if not text:
        return ""
    wanted = {token for tokens in terms for token in tokens}
    spans = [
        m.span()
        for m in (WORD.finditer(text) if wanted else ())
        if wanted.intersection(word_tokens(m.group().lower(), language))
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
