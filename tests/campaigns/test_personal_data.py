"""A member's data export holds the materials they adapted and the adaptations they announced,
each with where it is in its review, as "My adaptations" shows them."""

import datetime
import json

from django.contrib.auth.models import Group
from django.utils import timezone

from wagtail.models import WorkflowState

import pytest

from campaigns.adaptations import announce, start_adaptation
from campaigns.models import AdaptationAnnouncement
from campaigns.models.adaptations import GRACE
from portal.accounts.export import export_user_data
from tests.factories.campaigns import MaterialPageFactory, country, language
from tests.factories.portal import EditorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(campaign):
    return MaterialPageFactory(parent=campaign, title="Say No! video", language_of_origin="en")


@pytest.fixture
def member(db):
    return UserFactory(country=country("IE"), organisation="Webwise")


@pytest.fixture
def moderator(db):
    user = EditorFactory()
    user.groups.set([Group.objects.get(name="Moderators")])
    return user


def adapt(source, member, title, language_code="en"):
    """What the adaptation form hands to ``start_adaptation``: a draft sent for review."""
    cleaned = {
        "title": title,
        "language": language(language_code),
        "summary": "Lessons for Irish secondary schools.",
        "owner_organisation": "Webwise",
        "description": "Three lessons.",
        "changed_helplines": "Childline 1800 66 66 66 instead of Europol's list.",
    }
    return start_adaptation(source, member, cleaned)


def task_state(page):
    return WorkflowState.objects.get(object_id=str(page.pk)).current_task_state


def test_the_export_has_each_adaptation_with_its_status(member, source, moderator):
    adapt(source, member, "Be in Ctrl")
    returned = adapt(source, member, "Bí i gCeannas", "ga")
    task_state(returned).reject(user=moderator, comment="Add the 116 111 line.")
    published = adapt(source, member, "Say No! Ireland")
    task_state(published).approve(user=moderator)
    withdrawn = adapt(source, member, "Withdrawn draft")
    WorkflowState.objects.get(object_id=str(withdrawn.pk)).cancel(user=member)
    adapt(source, UserFactory(country=country("IE")), "Someone else's")

    data = export_user_data(member)

    by_title = {entry["title"]: entry for entry in data["adaptations"]}
    assert {title: entry["status"] for title, entry in by_title.items()} == {
        "Be in Ctrl": "in_review",
        "Bí i gCeannas": "changes_requested",
        "Say No! Ireland": "published",
        "Withdrawn draft": "draft",
    }
    assert by_title["Bí i gCeannas"]["changes_requested"] == "Add the 116 111 line."
    assert by_title["Bí i gCeannas"]["language"] == "Irish"
    in_review = by_title["Be in Ctrl"]
    assert (in_review["adapted_from"], in_review["for_country"]) == ("Say No! video", "Ireland")
    assert in_review["changed_helplines"].startswith("Childline")
    assert in_review["description"] == "Three lessons."
    assert in_review["url"] is None
    published.refresh_from_db()
    assert by_title["Say No! Ireland"]["url"] == published.full_url
    json.dumps(data)


def test_the_export_has_announcements_open_or_lapsed(member, source):
    today = timezone.localdate()
    ireland = country("IE")
    announce(source, member, ireland, language("ga"), today + datetime.timedelta(days=30), "")
    lapsed = announce(source, member, ireland, language("en"), today, "Webwise")
    AdaptationAnnouncement.objects.filter(pk=lapsed.pk).update(
        target_date=today - GRACE - datetime.timedelta(days=1)
    )
    adapt(source, member, "Bí i gCeannas", "ga")  # starting it links the open announcement

    announcements = export_user_data(member)["adaptation_announcements"]

    assert [(a["language"], a["open"], a["adaptation"], a["status"]) for a in announcements] == [
        ("Irish", True, "Bí i gCeannas", "in_review"),
        ("English", False, None, None),
    ]
    assert announcements[1]["organisation"] == "Webwise"
    assert announcements[0]["material"] == "Say No! video"
    assert export_user_data(UserFactory())["adaptation_announcements"] == []
