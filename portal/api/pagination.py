"""Pages of results: ``?page=2&page_size=50``, at most 100 a page, in a stable order.

A page number or size that is not a whole number in range is a 400 that says so (DRF would
quietly fall back to the default); a page past the end is a 404.
"""

import re

from django.utils.translation import gettext as _

from drf_spectacular.utils import OpenApiParameter
from rest_framework.pagination import PageNumberPagination

from .errors import BadParameter

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
PAGE_HELP = "Page number, from 1. A page past the end is a 404."
PAGE_SIZE_HELP = f"Results per page: {DEFAULT_PAGE_SIZE} unless given, at most {MAX_PAGE_SIZE}."


def whole_number(raw, name, minimum, maximum=None):
    """``raw`` as an int in [minimum, maximum], or a BadParameter naming ``name``."""
    if not re.fullmatch(r"[0-9]{1,9}", str(raw)):
        raise BadParameter(
            _("“%(name)s” must be a whole number, not “%(value)s”.") % {"name": name, "value": raw}
        )
    value = int(raw)
    if value < minimum or (maximum is not None and value > maximum):
        bounds = f"{minimum}–{maximum}" if maximum else f"{minimum} or more"
        raise BadParameter(_("“%(name)s” must be %(bounds)s.") % {"name": name, "bounds": bounds})
    return value


class PagePagination(PageNumberPagination):
    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    last_page_strings = ()

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw in (None, ""):
            return self.page_size
        return whole_number(raw, self.page_size_query_param, 1, self.max_page_size)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param)
        if raw in (None, ""):
            return 1
        return whole_number(raw, self.page_query_param, 1)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
                parameter["description"] = PAGE_HELP
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
                parameter["description"] = PAGE_SIZE_HELP
        return parameters


# For views that page a list but are not a "list" action (which drf-spectacular documents).
PAGE_PARAMETERS = [
    OpenApiParameter("page", {"type": "integer", "minimum": 1}, description=PAGE_HELP),
    OpenApiParameter(
        "page_size",
        {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
        description=PAGE_SIZE_HELP,
    ),
]
