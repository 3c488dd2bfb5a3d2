"""CSV exports of the catalogue, for researchers: the list endpoints' items and filters, every
match, streamed.

``programmes.csv`` has one row per programme. ``evaluations.csv`` is long: one row per result,
that is per evaluation and outcome it measured (an evaluation without results still gets one
row), so effect sizes can be analysed without unpacking cells. Vocabulary values are slugs.
"""

from drf_spectacular.utils import extend_schema

from portal.api.exports import CHUNK_SIZE, CSV_RESPONSES, ExportView, csv_response, joined
from portal.api.facets import facet_parameters
from portal.api.pages import chunks

from . import filters
from .serializers import TERM_FIELDS
from .views import EvaluationViewSet, ProgrammeViewSet


class CatalogueExportView(ExportView):
    viewset = None
    filename = None

    @property
    def facets(self):
        return self.viewset.filters.names

    @staticmethod
    def prepared(listing, pages):
        """Pages prepared by the list's viewset in chunks, so that a large export never holds
        everything in memory."""
        for chunk in chunks(pages.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
            yield from listing.prepare(chunk)

    def get(self, request):
        """What the list endpoint lists, every page of it. Filters (and a text search) are
        worked out before streaming starts: a bad filter is a 400, not a broken download."""
        listing = self.viewset(request=self.request, action="list", format_kwarg=None, kwargs={})
        pages = listing.with_related(listing.families(self.selection))
        return csv_response(self.filename, self.header, self.rows(self.prepared(listing, pages)))


def _slugs(manager):
    return joined(term.slug for term in manager.all())


def _codes(manager):
    return joined(item.code for item in manager.all())


PROGRAMME_HEADER = [
    "id",
    "title",
    "language",
    "url",
    "summary",
    "organisation",
    "website",
    "status",
    "start_year",
    "end_year",
    *TERM_FIELDS,
    "countries",
    "languages",
    "age_min",
    "age_max",
    "has_manual",
    "needs_training",
    "needs_supervision",
    "rating",
    "rating_explanation",
    "rubric_version",
    "versions",
    "source_url",
    "last_published_at",
]


class ProgrammeExportView(CatalogueExportView):
    viewset = ProgrammeViewSet
    filename = "programmes.csv"
    header = PROGRAMME_HEADER

    @staticmethod
    def rows(programmes):
        for p in programmes:
            yield [
                p.translation_key,
                p.title,
                p.locale.language_code,
                p.api_url,
                p.summary,
                p.organisation,
                p.website,
                p.status,
                p.start_year,
                p.end_year,
                *(_slugs(getattr(p, name)) for name in TERM_FIELDS),
                _codes(p.countries),
                _codes(p.languages),
                p.age_min,
                p.age_max,
                p.has_manual,
                p.needs_training,
                p.needs_supervision,
                p.api_rating.level,
                p.api_rating.explanation,
                p.api_rating.rubric_version,
                joined(version["language"] for version in p.api_versions),
                p.source_url,
                p.last_published_at.isoformat() if p.last_published_at else "",
            ]

    @extend_schema(
        summary="Programmes as CSV",
        tags=["programmes"],
        description="One row per programme, with the filters of `/api/v1/programmes/`. "
        "Multiple values share a cell, separated by ` | `.",
        parameters=facet_parameters(filters.PROGRAMMES.names),
        responses=CSV_RESPONSES,
    )
    def get(self, request):
        return super().get(request)


EVALUATION_HEADER = [
    "evaluation_id",
    "evaluation_title",
    "language",
    "url",
    "programme_id",
    "programme_title",
    "reference",
    "doi",
    "study_url",
    "publication_year",
    "design",
    "design_tier",
    "sample_size",
    "comparison_group",
    "follow_up_months",
    "independence",
    "countries",
    "outcome",
    "outcome_name",
    "direction",
    "significance",
    "effect_size",
    "effect_size_measure",
    "note",
]


class EvaluationExportView(CatalogueExportView):
    viewset = EvaluationViewSet
    filename = "evaluations.csv"
    header = EVALUATION_HEADER

    @staticmethod
    def rows(evaluations):
        for e in evaluations:
            programme = e.api_programme
            about = [
                e.translation_key,
                e.title,
                e.locale.language_code,
                e.api_url,
                programme.translation_key if programme else "",
                programme.title if programme else "",
                e.reference,
                e.doi,
                e.study_url,
                e.publication_year,
                e.design.slug,
                e.design.tier,
                e.sample_size,
                e.comparison_group,
                e.follow_up_months,
                e.independence,
                _codes(e.countries),
            ]
            results = list(e.results.all()) or [None]
            for r in results:
                yield about + (
                    [
                        r.outcome.slug,
                        r.outcome.name,
                        r.direction,
                        r.significance,
                        r.effect_size,
                        r.effect_size_measure,
                        r.note,
                    ]
                    if r
                    else [None] * 7
                )

    @extend_schema(
        summary="Evaluations as CSV",
        tags=["evaluations"],
        description="One row per result (evaluation × outcome), with the filters of "
        "`/api/v1/evaluations/`. An evaluation without results has one row with empty outcome "
        "columns.",
        parameters=facet_parameters(filters.EVALUATIONS.names),
        responses=CSV_RESPONSES,
    )
    def get(self, request):
        return super().get(request)
