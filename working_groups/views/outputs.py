"""Placeholder until implemented (temporary, replaced by its owner)."""

from django.http import Http404


def notification_preference(request, **kwargs):
    raise Http404


def publish_output(request, **kwargs):
    raise Http404
