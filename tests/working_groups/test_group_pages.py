"""The public face of the working groups: the list on both axes and each group's page."""

import datetime

import pytest

from tests.factories.portal import UserFactory
from tests.factories.working_groups import (
    CoordinatorFactory,
    MembershipFactory,
    PendingMembershipFactory,
    WorkingGroupFactory,
)
from tests.helpers import dom, visible_text
from working_groups.choices import Axis, OutputKind
from working_groups.models import OutputIndexPage, OutputPage

pytestmark = pytest.mark.django_db

INDEX = "/working-groups/"


def group_url(group):
    return f"/working-groups/{group.slug}/"


def section(response, heading):
    """The <section> whose <h2> reads ``heading``."""
    for element in dom(response).find_all("section"):
        h2s = element.find_all("h2")
        if h2s and h2s[0].text == heading:
            return element
    raise AssertionError(f"no section {heading!r}")


def card_titles(element):
    return [h3.text for h3 in element.find_all("h3", cls="group-card__title")]


@pytest.fixture
def programme_group(db):
    return WorkingGroupFactory(name="Prevention before a first offence", axis=Axis.PROGRAMME)


@pytest.fixture
def outputs(home, group):
    index = home.add_child(instance=OutputIndexPage(title="Outputs", slug="outputs"))

    def output(title, date, live=True):
        return index.add_child(
            instance=OutputPage(
                title=title,
                slug=title.lower().replace(" ", "-"),
                group=group,
                kind=OutputKind.GUIDELINE,
                date=date,
                summary=f"Summary of {title}.",
                live=live,
            )
        )

    return [
        output("Older guideline", datetime.date(2024, 3, 1)),
        output("Newer report", datetime.date(2025, 6, 1)),
        output("Draft guideline", datetime.date(2025, 7, 1), live=False),
    ]


# The list of groups


def test_the_index_shows_groups_on_both_axes(client, group, programme_group):
    response = client.get(INDEX)
    assert response.status_code == 200
    by_practice = section(response, "By practice")
    by_programme = section(response, "By programme (target group)")
    assert card_titles(by_practice) == ["Healthcare practitioners"]
    assert card_titles(by_programme) == ["Prevention before a first offence"]
    assert "Healthcare" in by_practice.text  # the practice it covers
    assert programme_group.target_group.name in by_programme.text


def test_the_index_shows_purpose_and_active_member_count(client, group, coordinator, member):
    PendingMembershipFactory(group=group)
    MembershipFactory(group=group, user__is_active=False)
    card = dom(client.get(INDEX)).find("li", cls="group-card")
    assert "Sharing what works" in card.text
    assert "2 members" in card.text


def test_the_index_marks_the_visitors_own_groups(client, group, other_group, member):
    programme = WorkingGroupFactory(axis=Axis.PROGRAMME, name="Parents")
    PendingMembershipFactory(group=programme, user=member)
    client.force_login(member)
    cards = {
        card.find("h3").text: card.text
        for card in dom(client.get(INDEX)).find_all("li", cls="group-card")
    }
    assert "You are a member" in cards["Healthcare practitioners"]
    assert "Request pending" in cards["Parents"]
    assert "You are a member" not in cards["Education"]
    assert "Request pending" not in cards["Education"]


def test_anonymous_visitors_see_no_marks(client, group, member):
    text = visible_text(client.get(INDEX))
    assert "You are a member" not in text


def test_the_index_needs_the_same_queries_for_many_groups(
    client, member, django_assert_max_num_queries
):
    client.force_login(member)
    client.get(INDEX)  # warm up the session and the site caches
    with django_assert_max_num_queries(7) as few:
        client.get(INDEX)
    for _ in range(5):
        group = WorkingGroupFactory()
        CoordinatorFactory(group=group)
        MembershipFactory(group=group)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(INDEX)
    assert len(dom(response).find_all("li", cls="group-card")) == 6


# A group's page, for the public


def test_the_public_page_shows_purpose_coordinators_and_count(
    client, group, coordinator, member, applicant
):
    response = client.get(group_url(group))
    assert response.status_code == 200
    text = visible_text(response)
    assert "Sharing what works, and what does not." in text
    assert "Cora Ordinator" in text
    facts = dom(response).find("aside", cls="group__facts")
    assert facts.find("dd", cls="member-count").text == "2"
    assert "Healthcare" in dom(response).find("p", cls="group__axis").text


def test_the_public_never_sees_members_or_email_addresses(
    client, group, coordinator, member, applicant
):
    content = client.get(group_url(group)).content.decode()
    assert "Mia Member" not in content
    assert "Pat Pending" not in content
    assert "@example.org" not in content
    assert coordinator.email not in content


def test_a_coordinator_without_a_name_is_not_shown_by_address(client, group):
    nameless = CoordinatorFactory(group=group, user__first_name="", user__last_name="").user
    content = client.get(group_url(group)).content.decode()
    assert nameless.email not in content
    assert "Unnamed member" in content


def test_the_public_page_lists_published_outputs_newest_first(client, group, outputs):
    response = client.get(group_url(group))
    titles = [h3.text for h3 in dom(response).find_all("h3", cls="result__title")]
    assert titles == ["Newer report", "Older guideline"]
    hrefs = [a.attrs["href"] for a in dom(response).find_all("a") if a.text == "Newer report"]
    assert hrefs == [outputs[1].url]
    assert client.get(outputs[1].url).status_code == 200


def test_an_unknown_group_is_not_found(client, group):
    assert client.get("/working-groups/no-such-group/").status_code == 404


# What the page offers each visitor


def actions(response):
    return dom(response).find("section", cls="membership-box")


def test_anonymous_visitors_are_asked_to_sign_in(client, group):
    box = actions(client.get(group_url(group)))
    link = box.find("a", cls="button")
    assert link.text == "Sign in to ask to join"
    assert link.attrs["href"] == f"/accounts/login/?next={group_url(group)}"
    assert not box.find_all("form")


def test_an_eligible_member_sees_the_join_form(client, group, outsider):
    client.force_login(outsider)
    form = actions(client.get(group_url(group))).find("form")
    assert form.attrs["action"] == f"{group_url(group)}join/"
    assert form.find("textarea", name="motivation").attrs["maxlength"] == "1000"


def test_someone_without_a_verified_address_cannot_ask(client, group):
    client.force_login(UserFactory(verified=False))
    box = actions(client.get(group_url(group)))
    assert "Verify your e-mail address" in box.text
    assert not box.find_all("form")


def test_an_applicant_is_told_to_wait(client, group, applicant):
    client.force_login(applicant)
    box = actions(client.get(group_url(group)))
    assert "Your request is waiting for a coordinator" in box.text
    assert not box.find_all("form")


def test_a_member_sees_the_space_and_can_leave(client, group, coordinator, member):
    client.force_login(member)
    box = actions(client.get(group_url(group)))
    hrefs = [a.attrs["href"] for a in box.find_all("a")]
    assert f"{group_url(group)}space/" in hrefs
    leave = box.find("form")
    assert leave.attrs["action"] == f"{group_url(group)}leave/"
    assert leave.attrs["method"] == "post"
    assert "Are you sure?" in leave.text
    assert box.find_all("input", name="csrfmiddlewaretoken")


def test_a_coordinator_sees_the_members_page(client, group, coordinator, member):
    client.force_login(coordinator)
    box = actions(client.get(group_url(group)))
    links = {a.text: a.attrs["href"] for a in box.find_all("a")}
    assert links["Members and requests"] == f"{group_url(group)}members/"


def test_the_only_coordinator_is_told_why_they_cannot_leave(client, group, coordinator):
    client.force_login(coordinator)
    box = actions(client.get(group_url(group)))
    assert "only coordinator" in box.text
    assert not [f for f in box.find_all("form") if f.attrs.get("action", "").endswith("leave/")]


# The member list


def test_the_member_list_is_for_members(client, group, coordinator, member, outsider):
    url = f"{group_url(group)}members/"
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/?next=")
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    client.force_login(member)
    response = client.get(url)
    assert response.status_code == 200
    rows = dom(response).find("table", cls="member-table").find("tbody").find_all("tr")
    names = [(row.find("th").text, row.find_all("td")[0].text) for row in rows]
    assert names == [("Cora Ordinator", "Coordinator"), ("Mia Member", "Member")]


def test_members_see_no_requests_nor_management_buttons(client, group, member, applicant):
    client.force_login(member)
    response = client.get(f"{group_url(group)}members/")
    assert "Pat Pending" not in response.content.decode()
    assert not dom(response).find("main").find_all("button", type="submit")


def test_member_names_link_to_their_profiles(client, group, coordinator, member):
    client.force_login(member)
    links = {
        a.text: a.attrs["href"]
        for a in dom(client.get(f"{group_url(group)}members/")).find("table").find_all("a")
    }
    assert links["Mia Member"] == f"/members/{member.pk}/"


def test_coordinators_see_requests_with_motivation(client, group, coordinator, applicant):
    client.force_login(coordinator)
    response = client.get(f"{group_url(group)}members/")
    request_card = dom(response).find("li", cls="request")
    assert "Pat Pending" in request_card.text
    assert "I run a prevention service" in request_card.text
    buttons = [b.text for b in request_card.find_all("button")]
    assert buttons == ["Approve", "Decline"]
    links = [a.attrs["href"] for a in dom(response).find_all("a")]
    assert f"{group_url(group)}members/invite/" in links
