"""Factories for the site shell: members."""

import factory
from allauth.account.models import EmailAddress
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
