"""Deleting a member's account.

What each app keeps or lets go is its own declaration (``portal.personal_data``): what the
member wrote stays, shown as by a former member, and what is only about them goes with the
account. The view asks the apps first whether the account may go
(``personal_data.obstacles``); this module lets them erase what ``on_delete`` cannot (text
naming the member), deletes the account, and says so by e-mail.
"""

import logging
import smtplib

from django.contrib.auth import get_user_model, logout
from django.db import transaction

from portal import mail, personal_data

logger = logging.getLogger(__name__)


def delete_account(request):
    """Delete the signed-in member's account, sign them out and confirm by e-mail."""
    user = request.user
    email, name, language = user.email, user.get_full_name(), mail.language_of(user)
    with transaction.atomic():
        personal_data.erase(user)
        get_user_model().objects.get(pk=user.pk).delete()
    logout(request)
    _send_confirmation(email, name, language)


def _send_confirmation(email, name, language):
    """Best effort, in the language the member chose: the account is gone whether or not
    the mail server answers."""
    rendered = mail.render("portal/accounts/email/account_deleted", {"name": name}, language)
    try:
        mail.message(rendered, language, email).send()
    except (smtplib.SMTPException, OSError):
        logger.warning("Could not send the account-deletion confirmation", exc_info=True)
