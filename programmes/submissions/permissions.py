"""Who may contribute to the catalogue, and who may change a contribution, in one place.

Views, templates and tests ask here. Any signed-in, active member with a verified e-mail
address may report on running a programme or propose a programme; evaluations come from
researchers (the "I am a researcher" flag in the profile); those checks and the reasons they
give are ``portal.eligibility``'s, shared with the other apps. Only the member who made a
submission may change it, and only while it is theirs to change: not published and not with
a moderator.
"""

from wagtail.models import WorkflowState

from portal.eligibility import member_refusal, researcher_refusal


def evaluation_refusal(user):
    """The first reason ``user`` may not submit an evaluation, or None when they may."""
    return researcher_refusal(user)


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
