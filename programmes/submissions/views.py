"""Members contribute to the catalogue: evaluations, implementation reports, proposed
programmes, and "My submissions".

Thin views: who may act is decided in ``permissions``, what happens in ``services``. A
submission can only be opened by its owner (anyone else gets a 404), and changed only while it
is a draft or was returned with changes. Changes are made by POST, with Django's CSRF check.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_safe

from portal.moderation import moderation_status, requested_changes

from ..models import EvaluationPage, ImplementationReportPage, ProgrammePage
from . import forms, permissions, services

GET_OR_POST = require_http_methods(["GET", "HEAD", "POST"])
THEN = ("evaluation", "report")  # where proposing a programme may lead next


@dataclass(frozen=True)
class Kind:
    name: str  # as in the URL names: new_<name>, edit_<name>
    model: type
    form_class: type
    refusal: Any
    save: Any
    template: str


EVALUATION = Kind(
    "evaluation",
    EvaluationPage,
    forms.EvaluationForm,
    permissions.evaluation_refusal,
    services.save_evaluation,
    "programmes/submissions/evaluation_form.html",
)
REPORT = Kind(
    "report",
    ImplementationReportPage,
    forms.ReportForm,
    permissions.member_refusal,
    services.save_report,
    "programmes/submissions/report_form.html",
)
PROGRAMME = Kind(
    "programme",
    ProgrammePage,
    forms.ProgrammeForm,
    permissions.member_refusal,
    services.save_programme,
    "programmes/submissions/programme_form.html",
)


@login_required
@GET_OR_POST
def new_evaluation(request):
    return _form_page(request, EVALUATION)


@login_required
@GET_OR_POST
def edit_evaluation(request, page_id):
    return _form_page(request, EVALUATION, page_id)


@login_required
@GET_OR_POST
def new_report(request):
    return _form_page(request, REPORT)


@login_required
@GET_OR_POST
def edit_report(request, page_id):
    return _form_page(request, REPORT, page_id)


@login_required
@GET_OR_POST
def propose_programme(request):
    if services.catalogue() is None:
        raise Http404("There is no programme catalogue yet.")
    return _form_page(request, PROGRAMME)


@login_required
@GET_OR_POST
def edit_programme(request, page_id):
    return _form_page(request, PROGRAMME, page_id)


@login_required
@require_safe
def mine(request):
    """The member's submissions and where each is in its review."""
    user = request.user
    context = {
        "submissions": services.submissions_of(user),
        "can_submit_evaluation": permissions.can_submit_evaluation(user),
        "can_submit_report": permissions.can_submit_report(user),
    }
    return render(request, "programmes/submissions/mine.html", context)


def _form_page(request, kind, page_id=None):
    user = request.user
    if refusal := kind.refusal(user):
        context = {"kind": kind.name, "reason": str(refusal)}
        return render(request, "programmes/submissions/refused.html", context, status=403)
    page = None
    if page_id is not None:
        page = get_object_or_404(kind.model, pk=page_id, owner=user)
        if not permissions.can_edit(user, page):
            return _locked(request, page)
        page = page.get_latest_revision_as_object()
    if request.method == "POST":
        return _posted(request, kind, page)
    if page is None:
        programme = services.programme_for(user, request.GET.get("programme"))
        form = kind.form_class(user=user, initial={"programme": programme})
    else:
        form = kind.form_class.for_page(page, user)
    return _render(request, kind, form, page)


def _posted(request, kind, page):
    submit = request.POST.get("action") == "submit"
    form = kind.form_class(request.POST, user=request.user, draft=not submit)
    if "add_outcome" in request.POST:
        return _render(request, kind, form.typed(extra_rows=1), page)
    if not form.is_valid():
        return _render(request, kind, form, page)
    try:
        saved = kind.save(request.user, form.cleaned_data, page=page, submit=submit)
    except services.NotEditable:
        return _locked(request, page)
    except services.NoReviewWorkflow:
        message = gettext("Sending for review is not possible at the moment: save a draft instead.")
        form.add_error(None, message)
        return _render(request, kind, form, page)
    return _saved(request, kind, saved, submit)


def _saved(request, kind, page, submitted):
    if submitted:
        messages.success(
            request,
            gettext(
                "Thank you. “%(title)s” is sent for review: a moderator will publish it or ask "
                "you for changes, and we will e-mail you either way."
            )
            % {"title": page.draft_title},
        )
    else:
        messages.success(
            request,
            gettext(
                "Your draft “%(title)s” is saved. It is not public, and no moderator reviews "
                "it until you send it."
            )
            % {"title": page.draft_title},
        )
    then = request.GET.get("then")
    if kind is PROGRAMME and then in THEN:
        query = urlencode({"programme": page.pk})
        return redirect(f"{reverse(f'submissions:new_{then}')}?{query}")
    if submitted:
        return redirect("submissions:mine")
    return redirect(f"submissions:edit_{kind.name}", page_id=page.pk)


def _locked(request, page):
    """The owner opened a submission that is published or with a moderator."""
    context = {"submission": page, "status": moderation_status(page)}
    return render(request, "programmes/submissions/locked.html", context, status=403)


def _render(request, kind, form, page):
    context = {
        "form": form,
        "submission": page,
        "errors": error_summary(form),
        "then": request.GET.get("then") if kind is PROGRAMME else None,
        "status": moderation_status(page) if page is not None else None,
        "reason": requested_changes(page) if page is not None else "",
    }
    return render(request, kind.template, context)


def error_summary(form):
    """(anchor, text) for every error on a bound form, in page order, for the summary at the top
    of the page that links to each field."""
    if not form.is_bound:
        return []
    items = [("", str(error)) for error in form.non_field_errors()]
    items += _field_errors(form)
    results = getattr(form, "results", None)
    if results is not None:
        items += [("#outcomes", str(error)) for error in results.non_form_errors()]
        for number, row in enumerate(results.forms, 1):
            items += _field_errors(row, gettext("Outcome %(number)s") % {"number": number})
    return items


def _field_errors(form, prefix=""):
    items = []
    for field in form:
        if field.is_hidden or not field.errors:
            continue
        anchor = field.id_for_label or f"{field.auto_id}_0"  # radios and checkboxes: the first
        label = f"{prefix} – {field.label}" if prefix else field.label
        items += [(f"#{anchor}", f"{label}: {error}") for error in field.errors]
    return items
