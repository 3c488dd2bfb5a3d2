"""E-mail the member who adapted a material when a moderator publishes the adaptation or asks
for changes. Wagtail's own workflow e-mails go only to people who can open the CMS (see
``programmes.submissions.notifications``), so members hear from us instead, with the
moderator's reason and a link to "My adaptations". Imported from ``CampaignsConfig.ready()``.
"""

from django.db import transaction
from django.dispatch import receiver

from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from portal.mail import link, page_link, send_templated
from portal.moderation import member_request

from .models import MaterialPage


def _adaptation_and_member(workflow_state):
    """(adaptation, member) when the member who made an adaptation asked for its review."""
    page, member = member_request(workflow_state)
    if not isinstance(page, MaterialPage) or page.adapted_by_id != member.pk:
        return None, None
    return page, member


@receiver(workflow_approved, sender=WorkflowState, dispatch_uid="campaigns-adaptation-published")
def tell_adapter_published(sender, instance, **kwargs):
    page, member = _adaptation_and_member(instance)
    if page is not None:
        transaction.on_commit(lambda: send_adapter_email("published", page.pk, member))


@receiver(
    workflow_rejected, sender=WorkflowState, dispatch_uid="campaigns-adaptation-changes-requested"
)
def tell_adapter_changes_requested(sender, instance, **kwargs):
    page, member = _adaptation_and_member(instance)
    if page is not None:
        task_state = instance.current_task_state
        reason = task_state.comment if task_state else ""
        transaction.on_commit(
            lambda: send_adapter_email("changes_requested", page.pk, member, reason)
        )


def send_adapter_email(event, page_id, member, reason=""):
    """In the member's own language. Returns False when the mail server refused it; the
    moderator's action stands anyway."""
    page = MaterialPage.objects.get(pk=page_id)
    context = {
        "member": member,
        "title": page.draft_title,
        "reason": reason,
        "page_url": page_link(page) if page.live else "",
        "mine_url": link("campaigns:my_adaptations"),
    }
    return send_templated(f"campaigns/email/adaptation_{event}", context, [member])
