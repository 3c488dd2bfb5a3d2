"""Placeholder until implemented (temporary, replaced by its owner)."""

from django.http import Http404


def overview(request, **kwargs):
    raise Http404


def threads(request, **kwargs):
    raise Http404


def new_thread(request, **kwargs):
    raise Http404


def thread(request, **kwargs):
    raise Http404


def edit_post(request, **kwargs):
    raise Http404


def delete_post(request, **kwargs):
    raise Http404


def documents(request, **kwargs):
    raise Http404


def new_document(request, **kwargs):
    raise Http404


def document(request, **kwargs):
    raise Http404


def download(request, **kwargs):
    raise Http404


def meetings(request, **kwargs):
    raise Http404


def new_meeting(request, **kwargs):
    raise Http404


def meeting(request, **kwargs):
    raise Http404


def edit_meeting(request, **kwargs):
    raise Http404
