"""The controlled vocabularies as open data: every value a field or a filter can take.

One endpoint per vocabulary (``/api/v1/vocabularies/<name>/``), named like the search facet
that takes its values where there is one, so ``target_group=children`` is checked against
``/api/v1/vocabularies/target_group/``. Terms are identified by ``slug``, countries and
languages by ``code``; names are in the language ``lang`` asks for, else in English. Another
app adds a list of its own (the catalogue's study designs and rating levels) with
``register``. The views here are plain DRF views: the API's shared
conventions (throttle, checked parameters) are mixed in where the API router mounts them, so
this app needs no other app of the portal.
"""

from dataclasses import dataclass

from django.urls import reverse

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from .models import (
    AdaptationKind,
    Barrier,
    Country,
    DeliveryMode,
    Language,
    LegalAnchor,
    Outcome,
    Practice,
    PreventionLevel,
    Setting,
    TargetGroup,
    Topic,
    VulnerableGroup,
)
from .serializers import NameField


class VocabularyTermSerializer(serializers.Serializer):
    slug = serializers.CharField(help_text="The stable value, used in filters.")
    name = NameField()
    description = serializers.CharField()


class VocabularyLegalAnchorSerializer(VocabularyTermSerializer):
    article = serializers.CharField(help_text="Article of Directive 2011/93/EU.")


class VocabularyCountrySerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 3166-1 alpha-2, the value filters take.")
    name = NameField()
    is_eu = serializers.BooleanField()


class VocabularyLanguageSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 639-1 code, the value filters take.")
    name = NameField()
    is_eu_official = serializers.BooleanField()


def vocabulary_serializer(name, term_serializer):
    """``{name, label, filters, terms}`` with terms of one shape, as a named component."""
    fields = {
        "name": serializers.CharField(),
        "label": serializers.CharField(),
        "filters": serializers.ListField(
            child=serializers.CharField(), help_text="The filters that take these values."
        ),
        "terms": term_serializer(many=True),
    }
    return type(name, (serializers.Serializer,), fields)


TermVocabulary = vocabulary_serializer("TermVocabulary", VocabularyTermSerializer)


@dataclass(frozen=True)
class Vocabulary:
    label: str
    terms: object  # a callable returning the terms
    serializer: type = TermVocabulary
    filters: tuple = ()


def _all(model):
    return model.objects.all


VOCABULARIES = {
    "target_group": Vocabulary("Target groups", _all(TargetGroup), filters=("target_group",)),
    "practice": Vocabulary("Practices", _all(Practice), filters=("practice",)),
    "prevention_level": Vocabulary(
        "Prevention levels", _all(PreventionLevel), filters=("prevention_level",)
    ),
    "legal_anchor": Vocabulary(
        "Legal anchors (Directive 2011/93/EU)",
        _all(LegalAnchor),
        vocabulary_serializer("LegalAnchorVocabulary", VocabularyLegalAnchorSerializer),
    ),
    "setting": Vocabulary("Settings", _all(Setting), filters=("setting",)),
    "delivery_mode": Vocabulary("Delivery modes", _all(DeliveryMode)),
    "topic": Vocabulary("Topics", _all(Topic), filters=("topic",)),
    "vulnerable_group": Vocabulary("Groups with specific vulnerabilities", _all(VulnerableGroup)),
    "outcome": Vocabulary("Outcomes", _all(Outcome), filters=("outcome",)),
    "barrier": Vocabulary("Implementation barriers", _all(Barrier)),
    "adaptation_kind": Vocabulary("Kinds of adaptation", _all(AdaptationKind)),
    "country": Vocabulary(
        "Countries",
        _all(Country),
        vocabulary_serializer("CountryVocabulary", VocabularyCountrySerializer),
        ("country",),
    ),
    "language": Vocabulary(
        "Languages",
        _all(Language),
        vocabulary_serializer("LanguageVocabulary", VocabularyLanguageSerializer),
        ("language", "available_in"),
    ),
}


def register(name, vocabulary, after=None):
    """Add another app's list, at the end or right ``after`` the named one (its views are
    made when the API router mounts them)."""
    items = [(key, value) for key, value in VOCABULARIES.items() if key != name]
    position = [key for key, _value in items].index(after) + 1 if after else len(items)
    items.insert(position, (name, vocabulary))
    VOCABULARIES.clear()
    VOCABULARIES.update(items)


class VocabularySummarySerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    filters = serializers.ListField(child=serializers.CharField())
    url = serializers.URLField()


class VocabularyIndexView(GenericAPIView):
    serializer_class = VocabularySummarySerializer
    pagination_class = None

    @extend_schema(
        summary="Vocabularies",
        description="Every controlled vocabulary, with the filters that take its values.",
        responses=VocabularySummarySerializer(many=True),
    )
    def get(self, request):
        return Response(
            [
                {
                    "name": name,
                    "label": vocabulary.label,
                    "filters": list(vocabulary.filters),
                    "url": request.build_absolute_uri(reverse(f"api:vocabulary-{name}")),
                }
                for name, vocabulary in VOCABULARIES.items()
            ]
        )


class VocabularyView(GenericAPIView):
    """One vocabulary; ``vocabulary`` (its name) is given to ``as_view``."""

    vocabulary = None
    pagination_class = None

    def get_serializer_class(self):
        return VOCABULARIES[self.vocabulary].serializer

    def get(self, request):
        vocabulary = VOCABULARIES[self.vocabulary]
        data = {
            "name": self.vocabulary,
            "label": vocabulary.label,
            "filters": list(vocabulary.filters),
            "terms": vocabulary.terms(),
        }
        return Response(self.get_serializer(data).data)


def index_view(mixins=()):
    """The index view, with the API's shared ``mixins`` first."""
    # Unpaginated whatever the mixins say: a vocabulary is one short list.
    return type(
        "VocabularyIndexView", (*mixins, VocabularyIndexView), {"pagination_class": None}
    ).as_view()


def vocabulary_views(mixins=()):
    """``(name, view)`` for every vocabulary, each a view class of its own so that the schema
    documents each with the shape of its terms; the API's shared ``mixins`` come first."""
    views = []
    for name, vocabulary in VOCABULARIES.items():
        view = type(f"{vocabulary.serializer.__name__}View_{name}", (*mixins, VocabularyView), {})
        documented = extend_schema_view(
            get=extend_schema(
                summary=vocabulary.label,
                description=f"The values of the `{name}` vocabulary.",
            )
        )(view)
        views.append((name, documented.as_view(vocabulary=name)))
    return views
