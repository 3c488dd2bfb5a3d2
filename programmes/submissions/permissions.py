"""Who may contribute to the catalogue, and who may change a contribution, in one place.

Views, templates and tests ask here. Any signed-in, active member with a verified e-mail
address may report on running a programme or propose a programme; evaluations come from
researchers (the "I am a researcher" flag in the profile). Only the member who made a
submission may change it, and only while it is theirs to change: not published and not with
a moderator.
"""

from enum import StrEnum

from wagtail.models import WorkflowState

from portal.accounts.verification import has_verified_email


class Refusal(StrEnum):
    """Why a person may not contribute; the view explains each one and what to do about it."""

    ANONYMOUS = "anonymous"
    INACTIVE = "inactive"
    UNVERIFIED = "unverified"
    NOT_RESEARCHER = "not_researcher"


def member_refusal(user):
    """The first reason ``user`` may not contribute at all, or None when they may."""
    if not getattr(user, "is_authenticated", False):
        return Refusal.ANONYMOUS
    if not user.is_active:
        return Refusal.INACTIVE
    if not has_verified_email(user):
        return Refusal.UNVERIFIED
    return None


def evaluation_refusal(user):
    """The first reason ``user`` may not submit an evaluation, or None when they may."""
    refusal = member_refusal(user)
    if refusal is None and not user.is_researcher:
        return Refusal.NOT_RESEARCHER
    return refusal


def can_submit_evaluation(user):
    return evaluation_refusal(user) is None


def can_submit_report(user):
    return member_refusal(user) is None


def can_propose_programme(user):
    return member_refusal(user) is None


def in_review(page):
    """True while a moderator has the page (uses prefetched workflow states when present)."""
    state = page.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def can_edit(user, page):
    """Change a submission: its owner, while it is a draft or was returned with changes."""
    return (
        member_refusal(user) is None
        and page.owner_id == user.pk
        and not page.live
        and not in_review(page)
    )
