"""Fixtures for members' submissions: a programme in the catalogue, a researcher, and a
moderator who can use the CMS. What browsers post is in ``data``."""

from django.contrib.auth.models import Group

import pytest

from tests.factories.portal import EditorFactory, UserFactory, enable_totp
from tests.factories.programmes import ProgrammePageFactory


@pytest.fixture
def programme(catalogue):
    return ProgrammePageFactory(parent=catalogue, title="Stop it Now")


@pytest.fixture
def researcher(db):
    return UserFactory(first_name="Rita", is_researcher=True)


@pytest.fixture
def moderator(db):
    """Staff in Wagtail's Moderators group, with two-factor set up so the CMS lets them in."""
    user = EditorFactory(first_name="Mo")
    user.groups.set([Group.objects.get(name="Moderators")])
    enable_totp(user)
    return user
