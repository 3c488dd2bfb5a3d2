"""Deleting a member's account.

What each app keeps or lets go is its own declaration (``portal.personal_data``): what the
member wrote stays, shown as by a former member, and what is only about them goes with the
account. The view asks the apps first whether the account may go
(``personal_data.obstacles``); this module lets them erase what ``on_delete`` cannot (text
naming the member), deletes the account, and says so by e-mail.
"""

import logging
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model, logout
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from portal import personal_data

logger = logging.getLogger(__name__)


def delete_account(request):
    """Delete the signed-in member's account, sign them out and confirm by e-mail."""
    user = request.user
    email, name = user.email, user.get_full_name()
    with transaction.atomic():
        personal_data.erase(user)
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
