"""Members' contributions to the catalogue: evaluations, implementation reports and proposed
programmes, as real pages that go through the CMS's moderation.

A submission is a page that is not live, owned by the member, with a revision for every save.
A draft has no workflow; sending it for review starts the moderators' workflow (the one the
CMS assigns to the page tree), and sending it again after a moderator asked for changes
resumes that same workflow. A moderator publishes it from the CMS; ``notifications`` tells
the member.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch

from wagtail.log_actions import log
from wagtail.models import Locale, Page, WorkflowState

from portal.moderation import ModerationStatus, moderation_status, requested_changes
from portal.pagetree import unique_child_slug

from ..models import (
    EvaluationPage,
    EvaluationResult,
    ImplementationReportPage,
    ProgrammeIndexPage,
    ProgrammePage,
)
from . import permissions

EVALUATION_FIELDS = (
    "reference",
    "doi",
    "study_url",
    "publication_year",
    "design",
    "sample_size",
    "comparison_group",
    "follow_up_months",
    "independence",
    "countries",
    "summary",
)
REPORT_FIELDS = (
    "country",
    "place",
    "started",
    "ended",
    "setting",
    "adaptation_kinds",
    "adaptations",
    "barrier_kinds",
    "barriers",
    "fidelity",
    "cost",
    "observations",
)
PROGRAMME_FIELDS = (
    "summary",
    "organisation",
    "website",
    "contact",
    "target_groups",
    "prevention_levels",
    "settings",
    "countries",
    "status",
    "start_year",
)
# The URL names' word for each kind of submission: submissions:new_<kind>, edit_<kind>.
KINDS = {
    EvaluationPage: "evaluation",
    ImplementationReportPage: "report",
    ProgrammePage: "programme",
}


class NotEditable(PermissionDenied):
    """The page is published, with a moderator, or not the member's."""


class NoReviewWorkflow(Exception):
    """No moderation workflow is assigned to the catalogue, so nothing can be sent for review."""


def kind_of(page):
    return KINDS[type(page)]


# Where submissions go


def catalogue():
    """The programme catalogue in the active language, else in the default one."""
    pages = ProgrammeIndexPage.objects.all()
    for locale in (Locale.get_active(), Locale.get_default()):
        if found := pages.filter(locale=locale).first():
            return found
    return pages.first()


def programme_choices(user):
    """What a submission can be attached to: the catalogue's published programmes, and the
    member's own proposed programmes that are not published yet."""
    index = catalogue()
    published = (
        ProgrammePage.objects.child_of(index).live() if index else ProgrammePage.objects.none()
    )
    if getattr(user, "is_authenticated", False):
        published |= ProgrammePage.objects.filter(live=False, owner=user)
    return published.order_by("title")


def programme_for(user, raw_id):
    """The programme a link such as ``?programme=12`` asks for, if the member may choose it;
    another language version of a published programme means this catalogue's version."""
    try:
        pk = int(raw_id)
    except (TypeError, ValueError):
        return None
    choices = programme_choices(user)
    if found := choices.filter(pk=pk).first():
        return found
    other = ProgrammePage.objects.live().filter(pk=pk).first()
    return choices.filter(translation_key=other.translation_key).first() if other else None


# Saving and sending for review


def save_evaluation(user, cleaned, page=None, submit=False):
    """Create or change an evaluation from ``EvaluationForm.cleaned_data``."""
    values = {name: cleaned[name] for name in EVALUATION_FIELDS}
    values["results"] = [
        EvaluationResult(sort_order=order, **row) for order, row in enumerate(cleaned["results"])
    ]
    parent = cleaned["programme"]
    return _save(EvaluationPage, user, parent, cleaned["title"], values, page, submit)


def save_report(user, cleaned, page=None, submit=False):
    """Create or change an implementation report from ``ReportForm.cleaned_data``."""
    values = {name: cleaned[name] for name in REPORT_FIELDS}
    title = cleaned["title"] or report_title(cleaned)
    return _save(ImplementationReportPage, user, cleaned["programme"], title, values, page, submit)


def save_programme(user, cleaned, page=None, submit=False):
    """Create or change a proposed programme from ``ProgrammeForm.cleaned_data``."""
    values = {name: cleaned[name] for name in PROGRAMME_FIELDS}
    parent = page.get_parent() if page is not None else catalogue()
    return _save(ProgrammePage, user, parent, cleaned["title"], values, page, submit)


def report_title(cleaned):
    """'Berlin, Germany (2021)': where and when, for a report its author did not name."""
    where = ", ".join(part for part in (cleaned["place"], cleaned["country"].name) if part)
    return f"{where} ({cleaned['started'].year})" if cleaned.get("started") else where


@transaction.atomic
def _save(model, user, parent, title, values, page=None, submit=False):
    if page is None:
        page = _create(model, user, parent, title, values)
    else:
        page = _update(page, user, parent, title, values)
    page.save_revision(user=user, log_action=True)
    if submit:
        send_for_review(page, user)
    return page


def _create(model, user, parent, title, values):
    page = model(
        title=title, slug=unique_child_slug(parent, title, "submission"), owner=user, live=False
    )
    _apply(page, values)
    parent.add_child(instance=page)
    log(instance=page, action="wagtail.create", user=user)
    return page


def _update(page, user, parent, title, values):
    current = locked_for_edit(page, user)
    if current.get_parent().pk != parent.pk:
        current = _move(current, parent)
    page = current.get_latest_revision_as_object()
    page.slug = current.slug
    page.title = title
    _apply(page, values)
    page.save()
    return page


def _apply(page, values):
    for name, value in values.items():
        setattr(page, name, value)


def locked_for_edit(page, user):
    """``page`` read again under a row lock, if ``user`` may still change it. A second click on
    "Send for review" waits here, then finds the page already in review."""
    locked = type(page).objects.select_for_update().get(pk=page.pk)
    if not permissions.can_edit(user, locked):
        raise NotEditable
    return locked


def _move(page, parent):
    """Attach a submission to another programme, with an address that is free there."""
    slug = unique_child_slug(parent, page.slug, "submission")
    Page.objects.filter(pk=page.pk).update(slug=slug)
    Page.objects.get(pk=page.pk).move(parent, pos="last-child")
    return type(page).objects.get(pk=page.pk)


def send_for_review(page, user):
    """Start the moderators' workflow on ``page``, or resume it after changes were requested.

    Call it with the page locked (``_save`` does, in one transaction), so that two clicks
    cannot start two workflows."""
    state = page.current_workflow_state
    if state is None:
        workflow = page.get_workflow()
        if workflow is None:
            raise NoReviewWorkflow
        return workflow.start(page, user)
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    return state


# Where a member's submissions are


@dataclass(frozen=True)
class Submission:
    page: Page
    status: ModerationStatus
    reason: str
    programme: ProgrammePage | None

    @property
    def kind(self):
        return kind_of(self.page)

    @property
    def editable(self):
        return self.status in (ModerationStatus.DRAFT, ModerationStatus.CHANGES_REQUESTED)


def submissions_of(user):
    """The member's evaluations, reports and proposed programmes, newest first, in a fixed
    number of queries: {"evaluation": [Submission, ...], "report": [...], "programme": [...]}."""
    states = WorkflowState.objects.active().select_related("current_task_state")
    found = {}
    for model, kind in KINDS.items():
        found[kind] = list(
            model.objects.filter(owner=user)
            .prefetch_related(
                Prefetch(
                    "_specific_workflow_states", queryset=states, to_attr="_current_workflow_states"
                )
            )
            .order_by("-latest_revision_created_at", "-pk")
        )
    parents = _parents([*found["evaluation"], *found["report"]])
    return {
        kind: [
            Submission(page, moderation_status(page), requested_changes(page), parents.get(page.pk))
            for page in pages
        ]
        for kind, pages in found.items()
    }


def _parents(pages):
    """{page id: its programme}, in one query."""
    steplen = Page.steplen
    by_path = {
        programme.path: programme
        for programme in ProgrammePage.objects.filter(
            path__in={page.path[:-steplen] for page in pages}
        )
    }
    return {page.pk: by_path.get(page.path[:-steplen]) for page in pages}
