"""Meetings: planned in a local time zone, stored in UTC, shown as planned."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from tests.factories.working_groups import MeetingFactory, MembershipFactory
from tests.helpers import dom
from working_groups import space
from working_groups.choices import ActivityKind
from working_groups.models import Activity, Meeting

UTC = datetime.UTC


def at(year, month, day, hour, minute=0):
    return datetime.date(year, month, day), datetime.time(hour, minute)


def utc(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("local", "zone", "expected_utc"),
    [
        (at(2026, 1, 15, 10), "Europe/Brussels", utc(2026, 1, 15, 9)),
        (at(2026, 7, 1, 10), "Europe/Brussels", utc(2026, 7, 1, 8)),
        (at(2026, 7, 1, 10), "Europe/Lisbon", utc(2026, 7, 1, 9)),
        (at(2026, 7, 1, 10), "Europe/Helsinki", utc(2026, 7, 1, 7)),
        (at(2026, 7, 1, 10), "UTC", utc(2026, 7, 1, 10)),
        # The day clocks go forward (29 March 2026): before and after the jump.
        (at(2026, 3, 29, 1, 30), "Europe/Brussels", utc(2026, 3, 29, 0, 30)),
        (at(2026, 3, 29, 3, 30), "Europe/Brussels", utc(2026, 3, 29, 1, 30)),
        # When clocks go back (25 October 2026), 02:30 happens twice: the first one is meant.
        (at(2026, 10, 25, 2, 30), "Europe/Brussels", utc(2026, 10, 25, 0, 30)),
    ],
)
def test_local_time_is_converted_to_utc_across_daylight_saving(local, zone, expected_utc):
    converted = space.local_to_utc(*local, zone)
    assert converted == expected_utc
    assert converted.utcoffset() == datetime.timedelta(0)


def test_a_time_skipped_by_the_clocks_does_not_exist():
    with pytest.raises(space.NonexistentLocalTime):
        space.local_to_utc(*at(2026, 3, 29, 2, 30), "Europe/Brussels")


def meeting_form(**overrides):
    return {
        "title": "Spring meeting",
        "date": "2026-07-01",
        "time": "10:00",
        "time_zone": "Europe/Helsinki",
        "duration_minutes": "90",
        "location": "https://video.example.org/room/42",
        "agenda": "1. Welcome\n2. **Evaluation** plans",
        **overrides,
    }


def test_member_plans_a_meeting_in_a_chosen_time_zone(client, group, member):
    client.force_login(member)

    response = client.post(
        reverse("working_groups:new_meeting", kwargs={"slug": group.slug}), meeting_form()
    )

    meeting = Meeting.objects.get(group=group)
    assert response.url == meeting.get_absolute_url()
    assert meeting.starts_at == utc(2026, 7, 1, 7)
    assert meeting.time_zone == "Europe/Helsinki"
    assert meeting.created_by == member
    activity = Activity.objects.get(kind=ActivityKind.MEETING)
    assert "2026-07-01 10:00 (Europe/Helsinki)" in activity.summary


def test_meeting_page_shows_the_time_in_the_meetings_zone(client, group, member):
    meeting = MeetingFactory(
        group=group,
        created_by=member,
        starts_at=utc(2026, 7, 1, 7),
        time_zone="Europe/Helsinki",
        location="Room 3, Rue de la Loi 170",
        agenda="1. Welcome\n2. **Evaluation** plans",
        minutes="",
    )
    client.force_login(member)

    page = dom(client.get(meeting.get_absolute_url()))

    when = page.find("dd", cls="meeting__when")
    assert "Wednesday 1 July 2026, 10:00" in when.text, "Helsinki time, not the site's Brussels"
    assert "(Europe/Helsinki, UTC+0300)" in when.text
    assert when.find("time").attrs["datetime"] == "2026-07-01T07:00:00+00:00"
    assert page.find("dd", cls="meeting__location").text == "Room 3, Rue de la Loi 170"
    assert page.find("div", cls="meeting__agenda").find("strong").text == "Evaluation"
    assert "No minutes yet." in page.find("section", **{"aria-labelledby": "minutes-heading"}).text


def test_winter_meeting_shows_the_winter_offset(client, group, member):
    meeting = MeetingFactory(
        group=group,
        starts_at=utc(2026, 1, 15, 9),
        time_zone="Europe/Brussels",
    )
    client.force_login(member)

    when = dom(client.get(meeting.get_absolute_url())).find("dd", cls="meeting__when").text

    assert "Thursday 15 January 2026, 10:00" in when
    assert "(Europe/Brussels, UTC+0100)" in when


def test_nonexistent_local_time_is_refused_with_a_clear_error(client, group, member):
    client.force_login(member)

    response = client.post(
        reverse("working_groups:new_meeting", kwargs={"slug": group.slug}),
        meeting_form(date="2026-03-29", time="02:30", time_zone="Europe/Brussels"),
    )

    assert response.status_code == 200
    error = dom(response).find(id="id_time_error").text
    assert "02:30 does not exist on 2026-03-29 in Europe/Brussels" in error
    assert not Meeting.objects.exists()


def test_video_link_location_becomes_a_link_but_scripts_do_not(client, group, member):
    meeting = MeetingFactory(group=group, location="https://video.example.org/room/42")
    hostile = MeetingFactory(group=group, location="javascript:alert(1) <script>x</script>")
    client.force_login(member)

    link = dom(client.get(meeting.get_absolute_url())).find("dd", cls="meeting__location")
    assert link.find("a").attrs["href"] == "https://video.example.org/room/42"
    shown = dom(client.get(hostile.get_absolute_url())).find("dd", cls="meeting__location")
    assert not shown.find_all("a") and not shown.find_all("script")


# Agenda and minutes


@pytest.fixture
def planned(group, member):
    return space.plan_meeting(
        group,
        member,
        title="Autumn meeting",
        starts_at=utc(2026, 10, 1, 8),
        time_zone="Europe/Brussels",
        agenda="1. Welcome",
    )


def edit_url(meeting):
    return reverse(
        "working_groups:edit_meeting", kwargs={"slug": meeting.group.slug, "meeting_id": meeting.pk}
    )


def test_edit_form_starts_from_the_local_time(client, planned, member):
    client.force_login(member)
    page = dom(client.get(edit_url(planned)))
    assert page.find("input", id="id_date").attrs["value"] == "2026-10-01"
    assert page.find("input", id="id_time").attrs["value"] == "10:00"


@pytest.mark.parametrize("editor", ["member", "coordinator"])
def test_planner_and_coordinators_write_the_minutes(client, request, planned, editor):
    client.force_login(request.getfixturevalue(editor))

    response = client.post(
        edit_url(planned),
        meeting_form(
            title="Autumn meeting",
            date="2026-10-01",
            time="10:00",
            time_zone="Europe/Brussels",
            agenda="1. Welcome",
            minutes="- Agreed to draft **guidelines**",
        ),
    )

    assert response.url == planned.get_absolute_url()
    planned.refresh_from_db()
    assert planned.minutes == "- Agreed to draft **guidelines**"
    assert planned.starts_at == utc(2026, 10, 1, 8)
    page = dom(client.get(planned.get_absolute_url()))
    assert page.find("div", cls="meeting__minutes").find("strong").text == "guidelines"
    assert Activity.objects.filter(summary__contains="added the minutes").exists()


def test_other_members_cannot_edit_a_meeting(client, group, planned):
    other = MembershipFactory(group=group).user
    client.force_login(other)

    assert client.get(edit_url(planned)).status_code == 403
    response = client.post(edit_url(planned), meeting_form(minutes="Rewritten"))
    assert response.status_code == 403
    planned.refresh_from_db()
    assert planned.minutes == ""
    page = dom(client.get(planned.get_absolute_url()))
    assert not [a for a in page.find_all("a") if a.attrs.get("href") == edit_url(planned)]


@pytest.mark.parametrize("person", ["applicant", "outsider", "staff_editor"])
def test_non_members_cannot_see_or_edit_meetings(client, request, planned, person):
    client.force_login(request.getfixturevalue(person))
    assert client.get(planned.get_absolute_url()).status_code == 403
    assert client.get(edit_url(planned)).status_code == 403


def test_another_groups_meeting_is_not_found(client, group, other_group, member):
    theirs = MeetingFactory(group=other_group)
    client.force_login(member)
    url = reverse("working_groups:meeting", kwargs={"slug": group.slug, "meeting_id": theirs.pk})
    assert client.get(url).status_code == 404


def test_moving_a_meeting_is_announced_and_unchanged_saves_are_not(group, member, planned):
    before = Activity.objects.count()
    space.update_meeting(planned, member, title="Autumn meeting", agenda="1. Welcome")
    assert Activity.objects.count() == before

    space.update_meeting(planned, member, starts_at=utc(2026, 10, 2, 8))
    assert Activity.objects.first().text == (
        "Mia Member moved the meeting “Autumn meeting” to 2026-10-02 10:00 (Europe/Brussels)"
    )


def test_meetings_are_split_into_upcoming_and_past(client, group, member):
    now = timezone.now()
    MeetingFactory(group=group, title="Next week", starts_at=now + datetime.timedelta(days=7))
    MeetingFactory(group=group, title="Under way", starts_at=now - datetime.timedelta(minutes=30))
    MeetingFactory(group=group, title="Last month", starts_at=now - datetime.timedelta(days=30))
    client.force_login(member)

    page = dom(client.get(reverse("working_groups:meetings", kwargs={"slug": group.slug})))

    def titles(heading):
        section = page.find("section", **{"aria-labelledby": heading})
        return [h3.text for h3 in section.find_all("h3")]

    assert titles("upcoming-heading") == ["Under way", "Next week"]
    assert titles("past-heading") == ["Last month"]
