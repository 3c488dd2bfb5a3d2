"""The seams: apps register their sources and facets, and everything else is derived."""

from django.conf import settings

import pytest

from search import facets, query, registry
from search.documents import document
from search.languages import LANGUAGES
from search.schema import BASE_FIELDS, LANGUAGE_STEMMERS, content_document
from search.text import STEMMERS


def test_each_app_registers_its_own_sources():
    owners = {source.type: source.model.__module__.split(".")[0] for source in registry.sources()}
    assert owners == {
        "page": "portal",
        "support_service": "portal",
        "programme": "programmes",
        "evaluation": "programmes",
        "implementation_report": "programmes",
        "campaign": "campaigns",
        "material": "campaigns",
        "working_group": "working_groups",
        "output": "working_groups",
        "discussion": "working_groups",
        "group_document": "working_groups",
        "meeting": "working_groups",
    }


def test_a_type_is_registered_once():
    source = registry.source_for_type("programme")
    with pytest.raises(ValueError, match="registered twice"):
        registry.register(registry.Source, "programme", "Other", lambda obj: None)
    assert registry.source_for_type("programme") is source


def test_type_labels_come_from_the_registrations():
    assert facets.label("type", "material") == "Campaign material"
    assert facets.label("type", "meeting") == "Meeting"


def test_the_mapping_has_the_base_fields_and_one_keyword_field_per_facet():
    properties = content_document()._index.to_dict()["mappings"]["properties"]
    assert set(properties) == set(BASE_FIELDS) | set(facets.FACETS)
    for name in facets.FACETS:
        assert properties[name]["type"] == "keyword", name


def test_every_facet_has_a_default_in_every_document():
    doc = document(1, "page", "Title", "en", "/x/")
    given = {"type": "page", "language": "en", "available_in": ["en"]}
    for facet in facets.all_facets():
        expected = given.get(facet.name, [] if facet.multi else None)
        assert doc[facet.name] == expected, facet.name


@pytest.fixture
def colour_facet():
    declared = facets.register(
        facets.Facet(
            "colour",
            "Colour",
            position=55,
            choices=("red", "blue"),
            strict=True,
            invalid=lambda value: f"No colour {value}.",
        )  # fmt: skip
    )
    content_document.cache_clear()
    yield declared
    del facets._facets["colour"]
    content_document.cache_clear()


def test_a_new_facet_is_searchable_and_mapped_from_its_declaration_alone(colour_facet):
    assert list(facets.FACETS).index("colour") == list(facets.FACETS).index("topic") + 1
    assert "colour" in content_document()._index.to_dict()["mappings"]["properties"]
    assert document(1, "page", "T", "en", "/")["colour"] == []
    assert query.parse({"colour": ["red"]}).filters == {"colour": ("red",)}
    with pytest.raises(query.BadSearch, match="No colour green."):
        query.parse({"colour": ["green"]})


def test_declaring_a_facet_twice_differently_is_refused():
    with pytest.raises(ValueError, match="declared twice"):
        facets.register(facets.Facet("rating", "Something else", position=1))


def test_one_table_of_languages_feeds_every_engine():
    assert set(LANGUAGES) == {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    assert {c: row.stemmer for c, row in LANGUAGES.items() if row.stemmer} == STEMMERS
    assert {
        c: row.elasticsearch for c, row in LANGUAGES.items() if row.elasticsearch
    } == LANGUAGE_STEMMERS
