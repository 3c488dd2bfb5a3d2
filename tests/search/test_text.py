"""Words, not strings: a visitor finds content in any of a word's forms, in any EU language,
with or without accents, and sees where it matched. Runs on SQLite and on PostgreSQL."""

import pytest

from search import text
from tests.factories.search import search_document

pytestmark = pytest.mark.django_db


def titles(results):
    return [hit.title for hit in results.hits]


@pytest.fixture
def corpus(index):
    index(
        search_document("Therapy for men in prison", language="en"),
        search_document("Prävention an der Schule", language="de", body="Lehrkräfte und Eltern"),
        search_document("Café des parents", language="fr", summary="Un café pour les familles"),
        search_document("Abuse prevention in sport", language="en"),
        search_document("Helplines across Europe", language="en", summary="Anonymous and free"),
    )


@pytest.mark.parametrize("words", ["prisons", "prison", "PRISON"])
def test_english_words_are_found_in_any_of_their_forms(corpus, search, words):
    assert titles(search(q=words)) == ["Therapy for men in prison"]


def test_plural_query_finds_singular_text_and_back(index, search):
    index(search_document("One helpline", body="A prison visit"))
    assert titles(search(q="prisons visits")) == ["One helpline"]


@pytest.mark.parametrize("interface_language", ["en", "de", "fr"])
def test_german_inflections_are_found_whatever_the_interface_language(
    corpus, search, interface_language
):
    found = search(q="Schulen", interface_language=interface_language)
    assert titles(found) == ["Prävention an der Schule"]


def test_words_of_one_query_must_all_match(corpus, search):
    assert titles(search(q="prison therapy")) == ["Therapy for men in prison"]
    assert titles(search(q="prison school")) == []


@pytest.mark.parametrize(
    "words, title",
    [
        ("cafe", "Café des parents"),
        ("CAFÉ", "Café des parents"),
        ("Pravention", "Prävention an der Schule"),
        ("lehrkrafte", "Prävention an der Schule"),
    ],
)
def test_accents_do_not_matter(corpus, search, words, title):
    assert titles(search(q=words)) == [title]


def test_a_plain_query_finds_accented_text_and_an_accented_query_plain_text(index, search):
    index(search_document("Resume of the cafe network"))
    assert titles(search(q="résumé café")) == ["Resume of the cafe network"]


def test_stop_words_need_not_appear_in_the_text(corpus, search):
    # "of" and "the" are nowhere in the document.
    assert titles(search(q="prevention of abuse")) == ["Abuse prevention in sport"]
    assert titles(search(q="the helplines")) == ["Helplines across Europe"]


def test_stop_words_of_the_interface_language_are_dropped_too():
    assert text.query_terms("der Schutz", "de", interface_language="de") == [
        ["de_schutz", "schutz"]
    ]
    in_english = text.query_terms("der Schutz", interface_language="en")
    assert len(in_english) == 2 and "der" in in_english[0]


def test_stop_words_are_dropped_from_a_query():
    terms = text.query_terms("prevention of the abuse")
    assert len(terms) == 2
    assert not any("of" in variants or "the" in variants for variants in terms)


def test_a_query_of_only_stop_words_keeps_them():
    terms = text.query_terms("the of")
    assert len(terms) == 2 and "the" in terms[0] and "of" in terms[1]


def test_punctuation_alone_finds_nothing_and_does_not_fail(corpus, search):
    for punctuation in ['"', "*", "-", "()", "NEAR(", "'", ":", "&|!"]:
        assert search(q=punctuation).total == 0


def test_query_syntax_is_taken_as_words(corpus, search):
    """Operators of FTS5 or tsquery are words here, not syntax a visitor must know."""
    assert titles(search(q='prison" OR "school')) == []
    assert titles(search(q="prison*")) == ["Therapy for men in prison"]


def test_highlight_marks_every_form_of_the_query_words():
    terms = text.query_terms("prison")
    assert text.highlight("Therapy in prisons, and after prison", terms, "en") == (
        "Therapy in <mark>prisons</mark>, and after <mark>prison</mark>"
    )


def test_highlight_matches_by_the_document_language_and_ignores_accents():
    assert text.highlight("Hilfe für Schulen", text.query_terms("Schule"), "de") == (
        "Hilfe für <mark>Schulen</mark>"
    )
    assert text.highlight("Un café", text.query_terms("cafe"), "fr") == "Un <mark>café</mark>"


def test_highlight_does_not_mark_dropped_stop_words():
    snippet = text.highlight("Men in prison", text.query_terms("in prison"), "en")
    assert snippet == "Men in <mark>prison</mark>"


def test_highlight_escapes_html_in_the_text():
    snippet = text.highlight(
        "<script>alert('prison')</script> & <b>prisons</b>", text.query_terms("prison"), "en"
    )
    assert "<script>" not in snippet and "<b>" not in snippet
    assert snippet == (
        "&lt;script&gt;alert(&#x27;<mark>prison</mark>&#x27;)&lt;/script&gt; &amp; "
        "&lt;b&gt;<mark>prisons</mark>&lt;/b&gt;"
    )


def test_highlight_shows_an_excerpt_around_the_first_match():
    long_text = "filler " * 100 + "the prison word " + "tail " * 100
    snippet = text.highlight(long_text, text.query_terms("prison"), "en", length=240)
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "<mark>prison</mark>" in snippet
    assert len(snippet.replace("<mark>", "").replace("</mark>", "")) <= 240 + 4


def test_highlight_without_a_match_is_the_escaped_start_of_the_text():
    assert text.highlight("A & B " + "word " * 100, [], "en").startswith("A &amp; B word")
    assert text.highlight("", text.query_terms("prison"), "en") == ""


def test_search_results_carry_highlighted_snippets(index, search):
    index(
        search_document(
            "Group therapy", summary="For men in prisons", body="Weekly sessions <b>in prison</b>"
        )
    )
    (hit,) = search(q="prison").hits
    assert hit.snippet == (
        "For men in <mark>prisons</mark> Weekly sessions &lt;b&gt;in <mark>prison</mark>&lt;/b&gt;"
    )
