"""The API's errors: every one is JSON, ``{"detail": "what to change"}``, never a 500."""

from django.utils.translation import gettext_lazy as _

from rest_framework import serializers, status
from rest_framework.exceptions import APIException


class BadParameter(APIException):
    """A query parameter a client can fix; the message says how."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_detail = _("A query parameter is not valid.")
    default_code = "bad_parameter"


class SearchUnavailable(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("Text search is not available at the moment. Please try again in a minute.")
    default_code = "search_unavailable"


class ErrorSerializer(serializers.Serializer):
    """The body of every error response."""

    detail = serializers.CharField(help_text="What went wrong, and how to fix the request.")
