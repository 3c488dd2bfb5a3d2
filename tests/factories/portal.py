"""Factories for the site shell: members, CMS editors, and their second factor."""

import time

from django.contrib.auth.models import Group

import factory
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from factory.django import DjangoModelFactory

from portal.models import User

PASSWORD = "a-long-test-password"


class UserFactory(DjangoModelFactory):
    """A member with a verified primary e-mail address, able to log in with PASSWORD."""

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    password = factory.django.Password(PASSWORD)
    first_name = "Alex"
    last_name = "Member"

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create:
            verified = True if extracted is None else extracted
            EmailAddress.objects.create(user=obj, email=obj.email, verified=verified, primary=True)

    @factory.post_generation
    def working_languages(obj, create, extracted, **kwargs):
        """Pass language objects: ``working_languages=[german, french]``."""
        if create and extracted:
            obj.working_languages.set(extracted)


class EditorFactory(UserFactory):
    """A CMS editor: staff, in Wagtail's Editors group (so with access to the CMS)."""

    email = factory.Sequence(lambda n: f"editor{n}@example.org")
    first_name = "Eddie"
    last_name = "Editor"
    is_staff = True

    @factory.post_generation
    def editors_group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name="Editors"))


def enable_totp(user):
    """Turn on an authenticator app for ``user`` the way allauth does; returns its secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret):
    """The code an authenticator app shows now. Waits out the last second of a period so the
    code is still valid when the server checks it."""
    period = mfa_settings.TOTP_PERIOD
    if period - time.time() % period < 1.5:
        time.sleep(1.5)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))
