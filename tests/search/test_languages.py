"""Every EU language alike: a word is found in its other forms in all 24 languages, typed with
or without its accents, only through the stems of its own language; each translation family is
one result. Runs on SQLite and on PostgreSQL (CI runs the suite on both), with the same
expected results: both databases hold the same tokens."""

import pytest

from search import query, stemmers, text
from search.languages import LANGUAGES
from tests.factories.search import search_document

pytestmark = pytest.mark.django_db

# language -> (a word in the document, another form of it typed as the query)
INFLECTIONS = {
    "bg": ("родителите", "родители"),
    "cs": ("rodinám", "rodina"),
    "da": ("skolerne", "skole"),
    "de": ("Schulen", "Schule"),
    "el": ("οικογένειες", "οικογένεια"),
    "en": ("prisons", "prison"),
    "es": ("escuelas", "escuela"),
    "et": ("vanemad", "vanem"),
    "fi": ("kouluissa", "koulu"),
    "fr": ("victimes", "victime"),
    "ga": ("bpáistí", "páistí"),
    "hr": ("žrtvama", "žrtva"),
    "hu": ("családban", "család"),
    "it": ("famiglie", "famiglia"),
    "lt": ("mokyklos", "mokykla"),
    "lv": ("bērniem", "bērni"),
    "mt": ("vittmi", "vittma"),
    "nl": ("slachtoffers", "slachtoffer"),
    "pl": ("rodziny", "rodzina"),
    "pt": ("crianças", "criança"),
    "ro": ("copiilor", "copii"),
    "sk": ("školy", "škola"),
    "sl": ("družine", "družina"),
    "sv": ("familjer", "familj"),
}


def titles(results):
    return sorted(hit.title for hit in results.hits)


def test_the_table_covers_the_24_languages():
    assert set(INFLECTIONS) == set(LANGUAGES)
    assert len(LANGUAGES) == 24


@pytest.mark.parametrize("language", sorted(INFLECTIONS))
def test_another_form_of_a_word_is_found_in_every_eu_language(index, search, language):
    in_document, typed = INFLECTIONS[language]
    index(search_document(f"{in_document} report", language=language))

    assert titles(search(q=typed, q_language=language)) == [f"{in_document} report"]
    assert titles(search(q=typed)) == [f"{in_document} report"]  # language unknown


@pytest.mark.parametrize(
    "in_document, typed, language",
    [
        ("Łódź", "lodz", "pl"),
        ("pomocą", "pomoca", "pl"),
        ("Øresund", "oresund", "da"),
        ("ħabs", "habs", "mt"),
        ("għajnuna", "ghajnuna", "mt"),
        ("cúnamh", "cunamh", "ga"),
        ("Straße", "strasse", "de"),
        ("đaci", "daci", "hr"),
        ("πρόληψη", "προληψη", "el"),
    ],
)
def test_letters_typed_without_their_accent_are_found(index, search, in_document, typed, language):
    index(search_document(in_document, language=language))

    assert titles(search(q=typed, q_language=language)) == [in_document]
    assert titles(search(q=typed)) == [in_document]


def test_folding_maps_letters_that_do_not_decompose():
    assert text.fold("ŁØĐĦßÆŒÞıς") == "lodhssaeoethiσ"
    assert text.fold("Éirí Ġużè") == "eiri guze"


def test_a_stemmer_that_needs_its_accents_still_works_for_a_query_typed_without():
    # Polish: "więzienia" and "wiezienie" meet through stem(fold(word)).
    tokens = set(text.word_tokens("więzienia", "pl"))
    assert tokens & set(text.query_terms("wiezienie", "pl")[0])


@pytest.mark.parametrize(
    "query_word, query_language, document_word, document_language",
    [("rodina", "cs", "rodyti", "lt"), ("habs", "mt", "haben", "de")],
)
def test_a_word_does_not_find_a_look_alike_of_another_language(
    index, search, query_word, query_language, document_word, document_language
):
    index(
        search_document(document_word, language=document_language),
        search_document(f"{query_word} (in its own language)", language=query_language),
    )
    found = search(q=query_word, q_language=query_language)
    assert titles(found) == [f"{query_word} (in its own language)"]


def test_rodina_does_not_find_rodyti_even_when_the_language_is_unknown(index, search):
    # Each stem is marked with its language: the Czech stem never meets the Lithuanian one.
    index(search_document("rodyti", language="lt"))
    assert titles(search(q="rodina")) == []


def test_the_exact_word_is_found_in_any_language(index, search):
    index(search_document("Stop it Now", language="nl"))
    assert titles(search(q="stop", q_language="de")) == ["Stop it Now"]


def test_the_language_filter_selecting_one_language_makes_it_the_query_s():
    request = query.parse({"q": "habs", "language": ["mt"]})
    assert request.q_language == "mt"
    assert query.parse({"q": "habs", "language": ["mt", "de"]}).q_language == ""
    assert query.parse({"q": "habs", "q_language": "MT", "language": ["de"]}).q_language == "mt"
    with pytest.raises(query.BadSearch, match="Unknown query language"):
        query.parse({"q": "habs", "q_language": "xx"})


def test_both_databases_store_the_same_tokens():
    """PostgreSQL's tsvector holds exactly the tokens FTS5 is given, with their weights."""
    title, body = "Rodiny a školy", "Łódź"
    literal = text.tsvector([(title, "A"), ("", "B"), (body, "D")], "cs")
    lexemes = {part.split(":")[0].strip("'") for part in literal.split(" ")}
    assert lexemes == set(text.indexed_tokens(f"{title} {body}", "cs"))
    assert "'cs_rod':2A" in literal and "'lodz':7D" in literal


def test_the_light_stemmers_of_bulgarian_and_latvian_cut_as_lucene_does():
    assert stemmers.bulgarian("жертвите") == stemmers.bulgarian("жертва") == "жертв"
    assert stemmers.bulgarian("ден") == "ден"  # too short to cut
    assert stemmers.latvian("skolām") == stemmers.latvian("skola") == "skol"
    assert stemmers.latvian("bērniem") == "bērn"


# --- one result per translation family -------------------------------------------------------


@pytest.fixture
def family(index):
    """One page in English and German, and an English page without translations."""
    index(
        search_document(
            "Safe online", key=1, family="page:f1", language="en", available_in=["de", "en"]
        ),
        search_document(
            "Sicher online", key=2, family="page:f1", language="de", available_in=["de", "en"]
        ),
        search_document("Online helpline", key=3, language="en"),
    )


def test_a_family_is_one_result_in_the_visitor_s_language(family, search):
    english = search(q="online")
    assert english.total == 2
    assert titles(english) == ["Online helpline", "Safe online"]
    assert [hit.also_in for hit in english.hits if hit.title == "Safe online"] == [["de"]]

    german = search(q="online", interface_language="de")
    assert titles(german) == ["Online helpline", "Sicher online"]
    # A family is counted once in the facets too, under each language it has.
    assert {o.value: o.count for o in german.facets["language"]} == {"en": 2, "de": 1}
    assert {o.value: o.count for o in german.facets["type"]} == {"programme": 2}


def test_a_family_is_shown_in_another_language_when_only_that_version_matches(family, search):
    assert titles(search(q="sicher")) == ["Sicher online"]


def test_available_in_my_language_shows_only_what_exists_in_it(family, search):
    found = search(available_in=["de"])
    assert found.total == 1
    assert [(hit.title, hit.language) for hit in found.hits] == [("Sicher online", "de")]
    assert {o.value: o.count for o in found.facets["available_in"]} == {"de": 1, "en": 2}
