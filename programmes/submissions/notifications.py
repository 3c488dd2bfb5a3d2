"""E-mail when a moderator decides on a submission.

Wagtail e-mails whoever asked for a review when a moderator approves it or requests changes,
with links into the CMS. Members cannot open the CMS, so Wagtail's workflow e-mails go only to
people who can; a member gets an e-mail of ours instead, with the moderator's reason and a link
to "My submissions". Wagtail's notifiers are replaced under their own ``dispatch_uid``, and made
safe with the mail server down: the action that sent the e-mail goes through either way.

Imported once, from ``ProgrammesConfig.ready()``.
"""

import logging
import smtplib

from django.db import transaction
from django.dispatch import receiver

from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from portal.mail import link, page_link, send_templated
from portal.moderation import CMS_ACCESS, member_request

from . import services

logger = logging.getLogger(__name__)


class CMSUsersOnly:
    """Mixed into Wagtail's notifiers: only people who can open the CMS get its e-mails, and a
    mail server that fails never breaks the moderator's or member's action."""

    def get_recipient_users(self, instance, **kwargs):
        users = super().get_recipient_users(instance, **kwargs)
        return {user for user in users if user.has_perm(CMS_ACCESS)}

    def send_notifications(self, template_set, context, recipients, **kwargs):
        try:
            return super().send_notifications(template_set, context, recipients, **kwargs)
        except (smtplib.SMTPException, OSError):
            logger.warning("Could not send a workflow e-mail.", exc_info=True)
            return False


class TaskSubmittedNotifier(CMSUsersOnly, GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmittedNotifier(CMSUsersOnly, WorkflowStateSubmissionEmailNotifier):
    pass


class WorkflowApprovedNotifier(CMSUsersOnly, WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectedNotifier(CMSUsersOnly, WorkflowStateRejectionEmailNotifier):
    pass


# (signal, sender, Wagtail's dispatch_uid in wagtail.admin.signal_handlers, our notifier)
WAGTAIL_NOTIFIERS = (
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmittedNotifier(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmittedNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApprovedNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejectedNotifier(),
    ),
)


def replace_wagtail_notifiers():
    """Put ours in place of Wagtail's. Works whichever app is ready first: a signal never
    connects a second receiver under a ``dispatch_uid`` it already has."""
    for signal, sender, dispatch_uid, notifier in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)


replace_wagtail_notifiers()


# Members' own e-mail


def _member_submission(workflow_state):
    """(page, member) when a member asked to review one of their submissions."""
    page, member = member_request(workflow_state)
    if not isinstance(page, tuple(services.KINDS)):
        return None, None
    return page, member


@receiver(workflow_approved, sender=WorkflowState, dispatch_uid="submissions-member-published")
def tell_member_published(sender, instance, **kwargs):
    page, member = _member_submission(instance)
    if page is not None:
        transaction.on_commit(lambda: send_member_email("published", page.pk, member))


@receiver(
    workflow_rejected, sender=WorkflowState, dispatch_uid="submissions-member-changes-requested"
)
def tell_member_changes_requested(sender, instance, **kwargs):
    page, member = _member_submission(instance)
    if page is not None:
        reason = instance.current_task_state.comment if instance.current_task_state else ""
        transaction.on_commit(
            lambda: send_member_email("changes_requested", page.pk, member, reason)
        )


def send_member_email(event, page_id, member, reason=""):
    """E-mail ``member`` that their submission was published or needs changes, in the
    member's own language. Returns False when the mail server refused it."""
    page = Page.objects.get(pk=page_id).specific
    kind = services.kind_of(page)
    context = {
        "member": member,
        "page": page,
        "title": page.draft_title,
        "kind": page._meta.verbose_name,
        "reason": reason,
        "page_url": page_link(page) if page.live else "",
        "edit_url": link(f"submissions:edit_{kind}", page.pk),
        "mine_url": link("submissions:mine"),
    }
    return send_templated(f"programmes/submissions/email/{event}", context, [member])
