"""One group and a person in each role towards it."""

import pytest

from tests.factories.portal import UserFactory
from tests.factories.working_groups import (
    CoordinatorFactory,
    MembershipFactory,
    PendingMembershipFactory,
    WorkingGroupFactory,
)


@pytest.fixture
def group(db):
    return WorkingGroupFactory(name="Healthcare practitioners", slug="healthcare")


@pytest.fixture
def other_group(db):
    return WorkingGroupFactory(name="Education", slug="education-group")


@pytest.fixture
def coordinator(group):
    return CoordinatorFactory(
        group=group, user__first_name="Cora", user__last_name="Ordinator"
    ).user


@pytest.fixture
def member(group):
    return MembershipFactory(group=group, user__first_name="Mia", user__last_name="Member").user


@pytest.fixture
def applicant(group):
    return PendingMembershipFactory(
        group=group, user__first_name="Pat", user__last_name="Pending"
    ).user


@pytest.fixture
def outsider(other_group):
    """A verified member of another group."""
    return MembershipFactory(group=other_group).user


@pytest.fixture
def staff_editor(db):
    """A CMS editor: staff, in Wagtail's Editors group, in no working group."""
    from django.contrib.auth.models import Group

    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user
