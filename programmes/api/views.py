"""The catalogue as open data: programmes with their rating and its history, evaluations with
their results per outcome, and implementation reports. Read-only; see ``portal.api``."""

from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Prefetch
from django.utils import translation

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.response import Response

from portal.api.errors import ErrorSerializer
from portal.api.facets import LANG, LANG_PARAMETER, PAGING, facet_parameters
from portal.api.pages import parents_by_path, published
from portal.api.pagination import PAGE_PARAMETERS
from portal.api.views import FamilyViewSet
from portal.translations import one_per_family

from .. import evidence, explanations
from ..choices import RatingLevel
from ..models import (
    EvaluationPage,
    EvaluationResult,
    ImplementationReportPage,
    OutcomeRating,
    ProgrammePage,
    RatingChange,
)
from . import filters
from .serializers import (
    TERM_FIELDS,
    EvaluationSerializer,
    ImplementationReportSerializer,
    ProgrammeDetailSerializer,
    ProgrammeSerializer,
    RatingChangeSerializer,
    RatingSerializer,
)

ERRORS = {400: ErrorSerializer, 404: ErrorSerializer, 429: ErrorSerializer}
ID_NOTE = (
    "`id` is the stable id shared by every language version (see the guide above); `lang` "
    "chooses the version shown."
)


@dataclass
class RatingView:
    """A programme's stored rating, or what the rubric says of a programme never rated, with
    its explanations worded in the active language (the view activates the one ``lang`` asks
    for, English by default)."""

    level: str
    label: str
    explanation: str
    rubric_version: str
    has_harm: bool = False
    has_harm_signal: bool = False
    computed_at: datetime | None = None
    outcomes: list = field(default_factory=list)

    @classmethod
    def of(cls, programme):
        try:
            stored = programme.rating
        except ObjectDoesNotExist:
            unrated = evidence.rate_programme(())
            return cls(
                level=unrated.level.value,
                label=str(RatingLevel(unrated.level.value).label),
                explanation=explanations.text(unrated.explanation),
                rubric_version=unrated.version,
            )
        names = explanations.Names()
        outcomes = list(stored.outcomes.all())
        for outcome in outcomes:
            outcome.api_explanation = explanations.outcome_text(
                outcome.level, outcome.explanation, names
            )
            outcome.api_reasons = explanations.reasons(outcome.reasons, names)
            outcome.api_label = str(outcome.get_level_display())
        return cls(
            level=stored.level,
            label=str(stored.get_level_display()),
            explanation=explanations.text(stored.explanation, names),
            rubric_version=stored.rubric_version,
            has_harm=stored.has_harm,
            has_harm_signal=stored.has_harm_signal,
            computed_at=stored.computed_at,
            outcomes=outcomes,
        )


def _attach_programmes(pages):
    """Give evaluations and reports ``api_programme``: the programme they hang under."""
    parents = parents_by_path(pages, ProgrammePage)
    for page in pages:
        page.api_programme = parents[page.pk]
    return pages


def _under(model, programme, lang):
    """Published pages of ``model`` under any language version of ``programme``."""
    family = published(ProgrammePage).filter(translation_key=programme.translation_key)
    pages = filters.with_programme(published(model)).filter(
        api_parent_path__in=family.values("path")
    )
    return one_per_family(pages, lang)


PROGRAMME_LIST = (
    "Published prevention programmes, one per id, with their headline evidence rating. "
    "Filters are the search facets that apply to programmes; `outcome` is an outcome the "
    "programme is rated on, `year` the year it started. " + ID_NOTE
)


@extend_schema_view(
    list=extend_schema(
        summary="Programmes",
        description=PROGRAMME_LIST,
        parameters=facet_parameters(filters.PROGRAMMES.names),
        responses={200: ProgrammeSerializer(many=True), **ERRORS},
    ),
    retrieve=extend_schema(
        summary="A programme",
        description="A programme with its full rating (per outcome, with reasons), its "
        "published evaluations and implementation reports. " + ID_NOTE,
        parameters=[LANG_PARAMETER],
        responses={200: ProgrammeDetailSerializer, **ERRORS},
    ),
)
class ProgrammeViewSet(FamilyViewSet):
    model = ProgrammePage
    queryset = ProgrammePage.objects.none()
    filters = filters.PROGRAMMES
    serializer_class = ProgrammeSerializer
    detail_serializer_class = ProgrammeDetailSerializer

    def allowed_parameters(self):
        if self.action == "rating_history":
            return (*PAGING, LANG)
        return super().allowed_parameters()

    def with_related(self, pages):
        return pages.select_related("rating").prefetch_related(
            *TERM_FIELDS,
            "countries",
            "languages",
            "links",
            Prefetch("rating__outcomes", OutcomeRating.objects.select_related("outcome")),
        )

    def prepare(self, pages):
        pages = super().prepare(pages)
        with translation.override(self.selection.lang):
            for page in pages:
                page.api_rating = RatingView.of(page)
        if self.action == "retrieve":
            for page in pages:
                page.api_evaluations = sorted(
                    _under(EvaluationPage, page, self.selection.lang).select_related("design"),
                    key=lambda e: (-(e.publication_year or 0), e.title),
                )
                page.api_reports = list(
                    _under(ImplementationReportPage, page, self.selection.lang).order_by(
                        "title", "translation_key"
                    )
                )
        return pages

    @extend_schema(
        summary="A programme's evidence rating",
        description="Computed from the programme's published evaluations by the portal's "
        "rubric, never typed in: a headline and one rating per outcome, each with a "
        "plain-language explanation, worded in the language `lang` names (default English). "
        "A rating describes the strength of causal evidence; it is not an endorsement.",
        parameters=[LANG_PARAMETER],
        responses={200: RatingSerializer, **ERRORS},
    )
    @action(detail=True, url_path="rating")
    def rating(self, request, id):
        return Response(RatingSerializer(self.get_object().api_rating).data)

    @extend_schema(
        summary="How a programme's rating changed",
        description="Every change of the headline or of an outcome's rating, newest first, "
        "with its reason, worded in the language `lang` names (default English). Shared by all "
        "language versions.",
        parameters=[*PAGE_PARAMETERS, LANG_PARAMETER],
        responses={
            200: OpenApiResponse(RatingChangeSerializer(many=True)),
            **ERRORS,
        },
    )
    @action(detail=True, url_path="rating/history")
    def rating_history(self, request, id):
        programme = self.get_object()
        changes = self.paginate_queryset(
            RatingChange.objects.filter(translation_key=programme.translation_key)
        )
        evaluations = dict(
            published(EvaluationPage)
            .filter(pk__in={change.evaluation_id for change in changes})
            .values_list("pk", "translation_key")
        )
        with translation.override(self.selection.lang):
            for change in changes:
                change.api_old_level = change.old_level or None
                change.api_evaluation = evaluations.get(change.evaluation_id)
                change.api_reason = " ".join(explanations.change_reason(change))
                change.api_outcomes = change.outcome_changes()
        return self.get_paginated_response(RatingChangeSerializer(changes, many=True).data)


@extend_schema_view(
    list=extend_schema(
        summary="Evaluations",
        description="Published evaluations of published programmes, one per id, with what "
        "each found per outcome. `outcome` is an outcome the evaluation measured, `year` its "
        "publication year; the other facets are those of its programme. " + ID_NOTE,
        parameters=facet_parameters(filters.EVALUATIONS.names),
        responses={200: EvaluationSerializer(many=True), **ERRORS},
    ),
    retrieve=extend_schema(
        summary="An evaluation",
        parameters=[LANG_PARAMETER],
        responses={200: EvaluationSerializer, **ERRORS},
    ),
)
class EvaluationViewSet(FamilyViewSet):
    model = EvaluationPage
    queryset = EvaluationPage.objects.none()
    filters = filters.EVALUATIONS
    serializer_class = EvaluationSerializer

    def published_pages(self):
        return filters.with_programme(super().published_pages())

    def with_related(self, pages):
        return pages.select_related("design").prefetch_related(
            "countries",
            Prefetch("results", EvaluationResult.objects.select_related("outcome")),
        )

    def prepare(self, pages):
        return _attach_programmes(super().prepare(pages))


@extend_schema_view(
    list=extend_schema(
        summary="Implementation reports",
        description="Published reports of practitioners who ran a programme: where, when, "
        "what they adapted, the barriers they met. `country`, `setting` and `year` are the "
        "report's own (the setting falls back to the programme's); the other facets are those "
        "of its programme. " + ID_NOTE,
        parameters=facet_parameters(filters.REPORTS.names),
        responses={200: ImplementationReportSerializer(many=True), **ERRORS},
    ),
    retrieve=extend_schema(
        summary="An implementation report",
        parameters=[LANG_PARAMETER],
        responses={200: ImplementationReportSerializer, **ERRORS},
    ),
)
class ImplementationReportViewSet(FamilyViewSet):
    model = ImplementationReportPage
    queryset = ImplementationReportPage.objects.none()
    filters = filters.REPORTS
    serializer_class = ImplementationReportSerializer

    def published_pages(self):
        return filters.with_programme(super().published_pages())

    def with_related(self, pages):
        return pages.select_related("country", "setting").prefetch_related(
            "adaptation_kinds", "barrier_kinds"
        )

    def prepare(self, pages):
        return _attach_programmes(super().prepare(pages))
