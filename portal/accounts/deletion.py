"""Deleting a member's account.

What the member wrote in working groups stays, shown as by a former member (the authors are
``SET_NULL``), so no discussion loses its thread; everything that is only about them goes with
the account (memberships, e-mail addresses, two-factor methods, notifications owed).
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model, logout
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from working_groups.choices import MembershipStatus, Role
from working_groups.models import Membership
from working_groups.permissions import is_last_coordinator

logger = logging.getLogger(__name__)


def groups_blocking_deletion(user):
    """Groups ``user`` is the last coordinator of: each group must keep one, so the member
    promotes someone else first."""
    memberships = Membership.objects.filter(
        user=user, role=Role.COORDINATOR, status=MembershipStatus.ACTIVE
    ).select_related("group")
    return [m.group for m in memberships.order_by("group__name") if is_last_coordinator(m)]


def delete_account(request):
    """Delete the signed-in member's account, sign them out and confirm by e-mail."""
    user = request.user
    email, name = user.email, user.get_full_name()
    with transaction.atomic():
        get_user_model().objects.get(pk=user.pk).delete()
    logout(request)
    _send_confirmation(email, name)


def _send_confirmation(email, name):
    """Best effort: the account is gone whether or not the mail server answers."""
    context = {"name": name}
    subject = render_to_string("portal/accounts/email/account_deleted_subject.txt", context)
    body = render_to_string("portal/accounts/email/account_deleted_message.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [email])
    except (smtplib.SMTPException, OSError):
        logger.warning("Could not send the account-deletion confirmation", exc_info=True)
