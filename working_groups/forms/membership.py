"""Asking to join a group, and inviting someone to one."""

from django import forms
from django.utils.translation import gettext_lazy as _

MOTIVATION_MAX_LENGTH = 1000


class JoinForm(forms.Form):
    motivation = forms.CharField(
        label=_("Why would you like to join? (optional)"),
        help_text=_(
            "A sentence or two for the coordinators: your work and what you hope to share. "
            "At most 1000 characters."
        ),
        max_length=MOTIVATION_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_(
            "We send this address a link to join. Someone without an account joins when they "
            "sign up and confirm this address."
        ),
        error_messages={"invalid": _("Enter a valid e-mail address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
