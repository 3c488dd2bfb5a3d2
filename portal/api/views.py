"""What every open-data API view shares, the API's front door, and its JSON 404.

Every view is read-only (GET, HEAD and OPTIONS; anything else is a 405 before any other
check), refuses parameters it does not take with a 400, and is rate-limited (see
``throttling``). Resource views live with their domain: ``programmes.api`` and
``campaigns.api``.
"""

from functools import cached_property

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, viewsets
from rest_framework.exceptions import MethodNotAllowed, NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from ..translations import one_per_family
from . import facets as facet_params
from .pages import attach_versions, published
from .pagination import PagePagination
from .throttling import THROTTLES

READ_METHODS = ("GET", "HEAD", "OPTIONS")


class OpenDataViewMixin:
    """Read-only, rate-limited, with checked parameters. ``facets``: the search facets a list
    filters on."""

    throttle_classes = THROTTLES
    pagination_class = PagePagination
    facets = ()
    list_actions = ("list",)

    def allowed_parameters(self):
        if getattr(self, "action", None) in self.list_actions:
            return (*self.facets, facet_params.TEXT, facet_params.LANG, *facet_params.PAGING)
        return (facet_params.LANG,)

    def dispatch(self, request, *args, **kwargs):
        """Answer in the language ``lang`` asks for (the names of vocabulary values, messages),
        else in English, whatever the browser prefers: the API is outside the language prefixes
        of the site, and a client should get the same answer from any machine."""
        lang = request.GET.get(facet_params.LANG, "").strip().lower()
        if lang not in facet_params.content_languages():
            lang = settings.LANGUAGE_CODE
        with translation.override(lang):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        if request.method not in READ_METHODS:
            raise MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)
        facet_params.check_parameters(request.query_params, self.allowed_parameters())

    @cached_property
    def selection(self):
        return facet_params.parse(self.request.query_params, self.facets)


class FamilyViewSet(OpenDataViewMixin, viewsets.GenericViewSet):
    """A list and a detail of published pages, one item per page family (translation key).

    Subclasses name the ``model``, its ``filters`` (``FacetFilters``), the serializers, and
    may extend ``published_pages`` (which pages), ``with_related`` (prefetching, so a list
    costs a fixed number of queries) and ``prepare`` (what needs other pages or the request).
    """

    model = None
    filters = None
    detail_serializer_class = None
    lookup_field = "id"
    lookup_value_converter = "uuid"
    ordering = ("title", "translation_key")

    @property
    def facets(self):
        return self.filters.names

    def get_serializer_class(self):
        if self.action == "retrieve" and self.detail_serializer_class:
            return self.detail_serializer_class
        return self.serializer_class

    def published_pages(self):
        return published(self.model)

    def with_related(self, pages):
        return pages

    def prepare(self, pages):
        return attach_versions(pages, self.model, self.request)

    def families(self, selection):
        """One page per family matching the selection, in the version ``lang`` asks for."""
        pages = self.filters.apply(self.published_pages(), selection)
        return one_per_family(pages, selection.lang).order_by(*self.ordering)

    def get_object(self):
        selection = facet_params.Selection(lang=self.selection.lang)
        key = self.kwargs[self.lookup_field]
        page = self.with_related(self.families(selection)).filter(translation_key=key).first()
        if page is None:
            raise NotFound(_("Nothing published has this id."))
        return self.prepare([page])[0]

    def list(self, request, *args, **kwargs):
        pages = self.paginate_queryset(self.with_related(self.families(self.selection)))
        serializer = self.get_serializer(self.prepare(pages), many=True)
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request, *args, **kwargs):
        return Response(self.get_serializer(self.get_object()).data)


ENDPOINTS = (
    ("programmes", "api:programme-list", "Prevention programmes, with their evidence rating."),
    ("programmes_csv", "api:programmes-csv", "Programmes as CSV, one row per programme."),
    ("evaluations", "api:evaluation-list", "Published evaluations, with results per outcome."),
    ("evaluations_csv", "api:evaluations-csv", "Evaluations as CSV, one row per outcome result."),
    ("implementation_reports", "api:implementation-report-list", "Implementation reports."),
    (
        "materials",
        "api:material-list",
        "Campaign and training materials, with languages and adaptations.",
    ),
    ("vocabularies", "api:vocabulary-index", "The controlled vocabularies and their values."),
    ("search", "api:search", "The portal's search: everything it publishes, with facet counts."),
    ("search_suggestions", "api:search-suggest", "Titles matching a few words, for a search box."),
    ("schema", "api:schema", "This API's OpenAPI 3 schema."),
)


class EndpointSerializer(serializers.Serializer):
    url = serializers.URLField()
    description = serializers.CharField()


class ApiRootView(OpenDataViewMixin, APIView):
    """The API's front door: every endpoint, with what it holds."""

    @extend_schema(
        summary="Endpoints of the API",
        tags=["api"],
        responses=inline_serializer(
            "Endpoints", {name: EndpointSerializer() for name, _view, _text in ENDPOINTS}
        ),
    )
    def get(self, request):
        return Response(
            {
                name: {"url": request.build_absolute_uri(reverse(view)), "description": text}
                for name, view, text in ENDPOINTS
            }
        )


class NotFoundView(OpenDataViewMixin, APIView):
    """Any other address under the API: a JSON 404 that points to the front door."""

    schema = None

    def allowed_parameters(self):
        return tuple(self.request.query_params)

    def get(self, request, *args, **kwargs):
        raise NotFound(
            _("There is nothing at this address. The endpoints are listed at %(url)s.")
            % {"url": reverse("api:root")}
        )
