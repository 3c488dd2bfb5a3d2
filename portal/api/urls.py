"""The open-data API, mounted at /api/ outside the language prefixes: /api/v1/ and its schema.

Resources come from their domains (``programmes.api``, ``campaigns.api``, ``search.api``); this
file only wires them. See ``portal.api.schema`` for the guide every client reads first.
"""

from django.urls import include, path, re_path

from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from campaigns.api.views import MaterialViewSet
from programmes.api.exports import EvaluationExportView, ProgrammeExportView
from programmes.api.views import EvaluationViewSet, ImplementationReportViewSet, ProgrammeViewSet
from search.api import SearchView, SuggestView
from vocabularies.api import index_view, vocabulary_views

from .throttling import THROTTLES
from .views import ApiRootView, NotFoundView, OpenDataViewMixin

app_name = "api"

router = SimpleRouter(use_regex_path=False)
router.register("programmes", ProgrammeViewSet, basename="programme")
router.register("evaluations", EvaluationViewSet, basename="evaluation")
router.register(
    "implementation-reports", ImplementationReportViewSet, basename="implementation-report"
)
router.register("materials", MaterialViewSet, basename="material")

v1 = [
    path("", ApiRootView.as_view(), name="root"),
    path("programmes.csv", ProgrammeExportView.as_view(), name="programmes-csv"),
    path("evaluations.csv", EvaluationExportView.as_view(), name="evaluations-csv"),
    path("vocabularies/", index_view((OpenDataViewMixin,)), name="vocabulary-index"),
    *[
        path(f"vocabularies/{name}/", view, name=f"vocabulary-{name}")
        for name, view in vocabulary_views((OpenDataViewMixin,))
    ],
    path("search/", SearchView.as_view(), name="search"),
    path("search/suggest/", SuggestView.as_view(), name="search-suggest"),
    *router.urls,
]

urlpatterns = [
    # JSON first: the schema a client gets without asking is the one the API itself speaks.
    path(
        "schema/",
        SpectacularAPIView.as_view(
            renderer_classes=[OpenApiJsonRenderer, OpenApiYamlRenderer],
            throttle_classes=THROTTLES,
        ),
        name="schema",
    ),
    path("v1/", include(v1)),
    # Anything else that ends in a slash: a JSON 404 (without one, APPEND_SLASH redirects).
    re_path(r"^.*/$", NotFoundView.as_view(), name="not-found"),
]
