"""What the account itself holds about a member: the account, its e-mail addresses, the
profile and the two-factor methods. Loaded by ``PortalConfig.ready()``.

Two-factor secrets and recovery codes are never exported: a file that leaks would otherwise
hand over the second factor too.
"""

from django.contrib.auth import get_user_model

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from portal.personal_data import name_of, register, when

User = get_user_model()


@register("account", models=[User])
def account(user):
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": when(user.date_joined),
        "last_login": when(user.last_login),
        "is_staff": user.is_staff,
    }


@register("email_addresses", models=[EmailAddress])
def email_addresses(user):
    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("email")
    ]


@register("profile", models=[User])
def profile(user):
    return {
        "organisation": user.organisation,
        "country": name_of(user.country),
        "practice": name_of(user.practice),
        "is_researcher": user.is_researcher,
        "working_languages": [language.name for language in user.working_languages.all()],
        "preferred_language": user.preferred_language,
    }


@register("two_factor_methods", models=[Authenticator])
def two_factor_methods(user):
    """Which methods are on, and when they were used; never their secrets."""
    return [
        {
            "type": authenticator.type,
            "added_at": when(authenticator.created_at),
            "last_used_at": when(authenticator.last_used_at),
        }
        for authenticator in Authenticator.objects.filter(user=user).order_by("created_at")
    ]
