"""Where a member's contribution is in the CMS's moderation, as the member sees it.

Members' evaluations, implementation reports, proposed programmes and adapted materials are
all pages that go through Wagtail's "Moderators approval" workflow. This module is the one
place that reads a page's workflow state into the four statuses a member is shown, and that
tells a member (who gets our e-mails) from a CMS user (who gets Wagtail's).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import WorkflowState

CMS_ACCESS = "wagtailadmin.access_admin"


class ModerationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    PUBLISHED = "published", _("Published")


def moderation_status(page):
    """Published, in review, changes requested or draft (uses prefetched workflow states)."""
    if page.live:
        return ModerationStatus.PUBLISHED
    state = page.current_workflow_state
    if state is None:
        return ModerationStatus.DRAFT
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return ModerationStatus.CHANGES_REQUESTED
    return ModerationStatus.IN_REVIEW


def requested_changes(page):
    """The moderator's reason for sending ``page`` back, or ''."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return ""
    return state.current_task_state.comment if state.current_task_state else ""


def member_request(workflow_state):
    """(page, member) when a member without CMS access asked for this review, else
    (None, None): CMS users get Wagtail's own e-mails, members get ours."""
    member = workflow_state.requested_by
    if member is None or not member.email or member.has_perm(CMS_ACCESS):
        return None, None
    page = workflow_state.content_object
    return (page.specific if page is not None else None), member
