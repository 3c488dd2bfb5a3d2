"""Factories for working groups and their private spaces."""

import datetime

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from tests.factories.portal import UserFactory
from vocabularies.models import Practice, TargetGroup
from working_groups.choices import Axis, MembershipStatus, Role
from working_groups.models import Meeting, Membership, Post, Thread, WorkingGroup


class WorkingGroupFactory(DjangoModelFactory):
    """A group by practice (healthcare unless ``practice`` says otherwise). For a group by
    programme, pass ``axis=Axis.PROGRAMME`` and optionally ``target_group``."""

    name = factory.Sequence(lambda n: f"Working group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    axis = Axis.PRACTICE
    description = "Sharing what works, and what does not."
    practice = factory.LazyAttribute(
        lambda o: Practice.objects.get(slug="healthcare") if o.axis == Axis.PRACTICE else None
    )
    target_group = factory.LazyAttribute(
        lambda o: (
            TargetGroup.objects.get(slug="fear-they-might-offend")
            if o.axis == Axis.PROGRAMME
            else None
        )
    )

    class Meta:
        model = WorkingGroup


class MembershipFactory(DjangoModelFactory):
    """An active member unless ``status``/``role`` say otherwise."""

    group = factory.SubFactory(WorkingGroupFactory)
    user = factory.SubFactory(UserFactory)
    status = MembershipStatus.ACTIVE
    role = Role.MEMBER

    class Meta:
        model = Membership


class CoordinatorFactory(MembershipFactory):
    role = Role.COORDINATOR


class PendingMembershipFactory(MembershipFactory):
    status = MembershipStatus.PENDING
    motivation = "I run a prevention service and would like to learn from others."


class ThreadFactory(DjangoModelFactory):
    group = factory.SubFactory(WorkingGroupFactory)
    title = factory.Sequence(lambda n: f"Discussion {n}")
    author = factory.SubFactory(UserFactory)

    class Meta:
        model = Thread
        skip_postgeneration_save = True

    @factory.post_generation
    def body(obj, create, extracted, **kwargs):
        """The opening post; pass ``body=`` to choose its text."""
        if create:
            Post.objects.create(thread=obj, author=obj.author, body=extracted or "Opening post.")


class PostFactory(DjangoModelFactory):
    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body = "A reply."

    class Meta:
        model = Post


class MeetingFactory(DjangoModelFactory):
    group = factory.SubFactory(WorkingGroupFactory)
    title = factory.Sequence(lambda n: f"Meeting {n}")
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + datetime.timedelta(days=7)).replace(microsecond=0)
    )
    time_zone = "Europe/Brussels"
    agenda = "1. Welcome\n2. Updates"

    class Meta:
        model = Meeting
