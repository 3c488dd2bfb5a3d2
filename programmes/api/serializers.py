"""How programmes, evaluations, ratings and reports read as open data.

Pages are given by their stable ``id`` (translation key, see ``portal.api.pages``), vocabulary
terms by ``slug`` and ``name``, countries and languages by ``code`` and ``name``. Views attach
what needs the request or other pages (``api_versions``, ``api_url``, ``api_programme``…).
"""

from wagtail.rich_text import expand_db_html

from rest_framework import serializers

from portal.api.serializers import PageReferenceSerializer, PageSerializer
from vocabularies.serializers import (
    CountrySerializer,
    LanguageSerializer,
    NameField,
    TermSerializer,
)

from ..choices import RatingLevel
from ..models import (
    EvaluationPage,
    EvaluationResult,
    ImplementationReportPage,
    OutcomeRating,
    ProgrammeLink,
    ProgrammePage,
    RatingChange,
    StudyDesign,
)


class StudyDesignSerializer(serializers.ModelSerializer):
    name = NameField()

    class Meta:
        model = StudyDesign
        fields = ["slug", "name", "tier"]


class RatingSummarySerializer(serializers.Serializer):
    level = serializers.ChoiceField(choices=RatingLevel.choices)
    label = serializers.CharField()
    has_harm = serializers.BooleanField(help_text="A sound evaluation found harm.")
    has_harm_signal = serializers.BooleanField(help_text="A weaker finding of possible harm.")


class OutcomeRatingSerializer(serializers.ModelSerializer):
    outcome = TermSerializer()
    label = serializers.CharField(source="api_label")
    explanation = serializers.CharField(source="api_explanation")
    reasons = serializers.ListField(child=serializers.CharField(), source="api_reasons")

    class Meta:
        model = OutcomeRating
        fields = ["outcome", "level", "label", "explanation", "reasons", "harm_signal"]


class RatingSerializer(RatingSummarySerializer):
    """The computed evidence rating: a headline and one rating per outcome, with reasons."""

    explanation = serializers.CharField()
    rubric_version = serializers.CharField()
    computed_at = serializers.DateTimeField(allow_null=True)
    outcomes = OutcomeRatingSerializer(many=True)


class RatingChangeSerializer(serializers.ModelSerializer):
    class OutcomeChangeSerializer(serializers.Serializer):
        outcome = serializers.CharField(help_text="Outcome slug.")
        name = serializers.CharField()
        old = serializers.ChoiceField(choices=RatingLevel.choices, allow_null=True)
        new = serializers.ChoiceField(choices=RatingLevel.choices, allow_null=True)

    old_level = serializers.ChoiceField(
        choices=RatingLevel.choices, allow_null=True, source="api_old_level"
    )
    outcomes = OutcomeChangeSerializer(many=True, source="api_outcomes")
    reason = serializers.CharField(source="api_reason")
    evaluation = serializers.UUIDField(
        source="api_evaluation",
        allow_null=True,
        help_text="Id of the evaluation whose publication changed the rating, while it is "
        "published.",
    )

    class Meta:
        model = RatingChange
        fields = [
            "changed_at",
            "old_level",
            "new_level",
            "outcomes",
            "reason",
            "evaluation",
            "rubric_version",
        ]


class LinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProgrammeLink
        fields = ["title", "url"]


TERM_FIELDS = (
    "target_groups",
    "practices",
    "prevention_levels",
    "legal_anchors",
    "settings",
    "delivery_modes",
    "topics",
    "vulnerable_groups",
)


class ProgrammeSerializer(PageSerializer):
    target_groups = TermSerializer(many=True)
    practices = TermSerializer(many=True)
    prevention_levels = TermSerializer(many=True)
    legal_anchors = TermSerializer(many=True)
    settings = TermSerializer(many=True)
    delivery_modes = TermSerializer(many=True)
    topics = TermSerializer(many=True)
    vulnerable_groups = TermSerializer(many=True)
    countries = CountrySerializer(many=True)
    languages = LanguageSerializer(many=True)
    links = LinkSerializer(many=True)
    rating = RatingSummarySerializer(source="api_rating")

    class Meta:
        model = ProgrammePage
        fields = [
            *PageSerializer.Meta.fields,
            "summary",
            "organisation",
            "contact",
            "website",
            "status",
            "start_year",
            "end_year",
            *TERM_FIELDS,
            "countries",
            "languages",
            "age_min",
            "age_max",
            "costs",
            "implementation_requirements",
            "has_manual",
            "needs_training",
            "needs_supervision",
            "links",
            "source_url",
            "rating",
        ]


class EvaluationReferenceSerializer(PageReferenceSerializer):
    publication_year = serializers.IntegerField(allow_null=True)
    design = StudyDesignSerializer()


class ProgrammeDetailSerializer(ProgrammeSerializer):
    description = serializers.SerializerMethodField(help_text="HTML.")
    rating = RatingSerializer(source="api_rating")
    evaluations = EvaluationReferenceSerializer(source="api_evaluations", many=True)
    implementation_reports = PageReferenceSerializer(source="api_reports", many=True)

    class Meta(ProgrammeSerializer.Meta):
        fields = [
            *ProgrammeSerializer.Meta.fields,
            "description",
            "evaluations",
            "implementation_reports",
        ]

    def get_description(self, page) -> str:
        return expand_db_html(page.description)


class EvaluationResultSerializer(serializers.ModelSerializer):
    outcome = TermSerializer()
    effect_size = serializers.DecimalField(
        max_digits=6, decimal_places=3, coerce_to_string=False, allow_null=True
    )

    class Meta:
        model = EvaluationResult
        fields = [
            "outcome",
            "direction",
            "significance",
            "effect_size",
            "effect_size_measure",
            "note",
        ]


class EvaluationSerializer(PageSerializer):
    programme = PageReferenceSerializer(source="api_programme")
    design = StudyDesignSerializer()
    countries = CountrySerializer(many=True)
    results = EvaluationResultSerializer(many=True, help_text="What it found, per outcome.")

    class Meta:
        model = EvaluationPage
        fields = [
            *PageSerializer.Meta.fields,
            "programme",
            "reference",
            "doi",
            "study_url",
            "publication_year",
            "design",
            "sample_size",
            "comparison_group",
            "follow_up_months",
            "independence",
            "countries",
            "summary",
            "results",
        ]


class ImplementationReportSerializer(PageSerializer):
    programme = PageReferenceSerializer(source="api_programme")
    country = CountrySerializer()
    setting = TermSerializer(allow_null=True)
    adaptation_kinds = TermSerializer(many=True)
    barrier_kinds = TermSerializer(many=True)

    class Meta:
        model = ImplementationReportPage
        fields = [
            *PageSerializer.Meta.fields,
            "programme",
            "country",
            "place",
            "started",
            "ended",
            "setting",
            "adaptation_kinds",
            "adaptations",
            "barrier_kinds",
            "barriers",
            "fidelity",
            "cost",
            "observations",
        ]
