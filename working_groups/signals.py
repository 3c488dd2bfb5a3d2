"""Invitations become memberships when the invited address is verified.

Someone invited before they had an account signs up with that address; confirming it (the
``email_confirmed`` signal of allauth) is the proof that the invitation reached them.
"""

from django.contrib import messages
from django.dispatch import receiver
from django.utils.translation import ngettext

from allauth.account.signals import email_confirmed

from .membership import accept_invitations_for


@receiver(email_confirmed, dispatch_uid="working_groups.accept_invitations")
def accept_invitations_on_confirmation(sender, request, email_address, **kwargs):
    joined = accept_invitations_for(email_address.user)
    if not joined or request is None:
        return
    names = ", ".join(group.name for group in joined)
    text = ngettext(
        "You have joined the working group %(groups)s.",
        "You have joined the working groups %(groups)s.",
        len(joined),
    ) % {"groups": names}
    messages.success(request, text, fail_silently=True)
