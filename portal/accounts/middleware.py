"""Two-factor authentication for everyone who can reach the CMS.

Administrators and editors can publish to the whole network and read what members submit, so
a stolen password alone must not open the CMS. allauth asks for the second factor at login;
this middleware makes sure CMS users have one set up before they use the CMS at all.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled

# What allauth asks for at login. Recovery codes alone do not count: without an app or a key,
# allauth's login asks for no second factor.
SECOND_FACTORS = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]


def needs_two_factor_setup(request):
    """True for a signed-in CMS user without a second factor who asks for a CMS page."""
    if not request.path_info.startswith(reverse("wagtailadmin_home")):
        return False
    user = request.user
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return False
    return not is_mfa_enabled(user, SECOND_FACTORS)


class CMSTwoFactorMiddleware:
    """Sends CMS users without two-factor authentication to set it up. Must come after
    Django's AuthenticationMiddleware and MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if needs_two_factor_setup(request):
            messages.warning(request, _("Set up two-factor authentication before you use the CMS."))
            return redirect("mfa_activate_totp")
        return self.get_response(request)
