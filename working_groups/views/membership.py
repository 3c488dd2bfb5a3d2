"""Placeholder until implemented (temporary, replaced by its owner)."""

from django.http import Http404


def index(request, **kwargs):
    raise Http404


def invitation(request, **kwargs):
    raise Http404


def group_detail(request, **kwargs):
    raise Http404


def join(request, **kwargs):
    raise Http404


def leave(request, **kwargs):
    raise Http404


def members(request, **kwargs):
    raise Http404


def invite(request, **kwargs):
    raise Http404


def change_membership(request, **kwargs):
    raise Http404
