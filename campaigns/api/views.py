"""Campaign and training materials as open data. Read-only; see ``portal.api``."""

from django.db.models import Prefetch

from drf_spectacular.utils import extend_schema, extend_schema_view

from portal.api.errors import ErrorSerializer
from portal.api.facets import LANG_PARAMETER, facet_parameters
from portal.api.pages import attach_versions
from portal.api.views import FamilyViewSet

from ..models import MaterialFile, MaterialPage, MaterialVideo
from .filters import MATERIALS
from .serializers import MaterialDetailSerializer, MaterialSerializer
from .versions import attach_campaigns, attach_lineage, attach_translations

ERRORS = {400: ErrorSerializer, 404: ErrorSerializer, 429: ErrorSerializer}


@extend_schema_view(
    list=extend_schema(
        summary="Materials",
        description="Published campaign and training materials, one per id (translations of a "
        "material share its id; an adaptation is a material of its own, linked both ways). "
        "`target_group` is a material's audience, `country` where it is from (an adaptation: "
        "the country it was made for), `language` the language of the version, `available_in` "
        "any language it can be had in, `adapted` the least number of countries it was "
        "adapted for.",
        parameters=facet_parameters(MATERIALS.names),
        responses={200: MaterialSerializer(many=True), **ERRORS},
    ),
    retrieve=extend_schema(
        summary="A material",
        parameters=[LANG_PARAMETER],
        responses={200: MaterialDetailSerializer, **ERRORS},
    ),
)
class MaterialViewSet(FamilyViewSet):
    model = MaterialPage
    queryset = MaterialPage.objects.none()
    filters = MATERIALS
    serializer_class = MaterialSerializer
    detail_serializer_class = MaterialDetailSerializer

    def with_related(self, pages):
        return pages.select_related(
            "language", "country_of_origin", "language_of_origin", "adapted_for"
        ).prefetch_related(
            "audiences",
            "topics",
            Prefetch("files", MaterialFile.objects.select_related("language", "document")),
            Prefetch("videos", MaterialVideo.objects.select_related("language")),
        )

    def prepare(self, pages):
        """Versions are by the language they are written in (an adaptation names its own)."""
        pages = attach_versions(
            pages,
            MaterialPage,
            self.request,
            language_of=lambda page: page.content_language_code,
            related=("language",),
        )
        attach_translations(pages)
        attach_lineage(pages, self.selection.lang)
        return attach_campaigns(pages, self.request)
