"""CSV exports: streamed row by row, UTF-8 with a header row, safe to open in a spreadsheet.

A cell of text that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) would
run as a formula in Excel or LibreOffice, so it gets a leading ``'``. Numbers are written as
numbers: a negative effect size stays ``-0.25``. Lists of values in one cell are joined with
`` | ``.
"""

import csv
from decimal import Decimal

from django.http import StreamingHttpResponse

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.views import APIView

from .errors import ErrorSerializer
from .facets import LANG, TEXT
from .views import OpenDataViewMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = " | "
CHUNK_SIZE = 500


def safe_cell(value):
    """A value as a CSV cell that no spreadsheet runs as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def joined(values):
    return LIST_SEPARATOR.join(str(value) for value in values)


class _Echo:
    """A file-like object whose ``write`` hands the line back, for streaming csv.writer."""

    def write(self, value):
        return value


def csv_response(filename, header, rows):
    """A streamed CSV download of ``rows`` (an iterable of sequences) under ``header``."""
    writer = csv.writer(_Echo())

    def lines():
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow([safe_cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class JSONErrors(BaseContentNegotiation):
    """A CSV export answers in CSV whatever the client accepts; its errors, and OPTIONS,
    in JSON (the only renderer the API has)."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ExportView(OpenDataViewMixin, APIView):
    """A CSV export of a list endpoint: the same filters, every match, no pages."""

    content_negotiation_class = JSONErrors

    def allowed_parameters(self):
        return (*self.facets, TEXT, LANG)


CSV_RESPONSES = {
    (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The CSV file."),
    400: ErrorSerializer,
    429: ErrorSerializer,
}
