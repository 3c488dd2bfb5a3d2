"""A working group's private content is found by its active members, and by nobody else.

Checked through the real HTTP stack, in everything a search shows: the page, both JSON
addresses, /api/search/ and the open-data API's /api/v1/search/ (results, totals and facet
counts), and the title suggestions of both.
"""

import pytest

from search.schema import group_visibility
from tests.factories.portal import UserFactory
from tests.factories.search import day, search_document
from tests.factories.working_groups import WorkingGroupFactory
from tests.helpers import dom
from working_groups.choices import Axis
from working_groups.models import Membership

pytestmark = pytest.mark.django_db

PUBLIC_TITLE = "Lighthouse prison programme"
A_TITLE = "Lighthouse pilot of group A"
B_TITLE = "Lighthouse pilot of group B"
# Who should see what, beyond the public document.
SEES = {
    "anonymous": set(),
    "outsider": set(),
    "applicant_of_a": set(),
    "deactivated_member_of_a": set(),
    "member_of_a": {A_TITLE},
    "coordinator_of_a": {A_TITLE},
    "member_of_b": {B_TITLE},
    "member_of_both": {A_TITLE, B_TITLE},
}


@pytest.fixture
def groups(db):
    return (
        WorkingGroupFactory(name="Group A", slug="group-a", axis=Axis.PRACTICE),
        WorkingGroupFactory(name="Group B", slug="group-b", axis=Axis.PROGRAMME),
    )


@pytest.fixture
def private_content(index, groups):
    group_a, group_b = groups
    index(
        search_document(PUBLIC_TITLE, country=["DE"], target_group=["children"], date=day(1)),
        search_document(
            A_TITLE,
            summary="Minutes of the closed pilot.",
            country=["DE", "MT"],  # Malta: only the private document has it
            topic=["grooming"],
            target_group=["children"],
            date=day(2),
            visibility=[group_visibility(group_a.pk)],
        ),
        search_document(
            B_TITLE,
            country=["CY"],
            date=day(3),
            visibility=[group_visibility(group_b.pk)],
        ),
    )


def _member(*memberships):
    user = UserFactory()
    for group, status, role in memberships:
        Membership.objects.create(group=group, user=user, status=status, role=role)
    return user


@pytest.fixture(params=list(SEES))
def visitor(request, client, groups):
    """(name, logged-in client) for each kind of visitor."""
    group_a, group_b = groups
    active, pending = Membership.Status.ACTIVE, Membership.Status.PENDING
    member, coordinator = Membership.Role.MEMBER, Membership.Role.COORDINATOR
    users = {
        "outsider": lambda: _member(),
        "applicant_of_a": lambda: _member((group_a, pending, member)),
        "member_of_a": lambda: _member((group_a, active, member)),
        "coordinator_of_a": lambda: _member((group_a, active, coordinator)),
        "member_of_b": lambda: _member((group_b, active, member)),
        "member_of_both": lambda: _member((group_a, active, member), (group_b, active, member)),
    }
    if request.param == "deactivated_member_of_a":
        user = _member((group_a, active, member))
        user.is_active = False  # a deactivated account keeps its membership rows
        user.save()
        client.force_login(user)
    elif request.param != "anonymous":
        client.force_login(users[request.param]())
    return request.param, client


@pytest.fixture(params=["/api/search/", "/api/v1/search/"])
def search_url(request):
    return request.param


def api(client, url="/api/search/", **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.json()


def test_api_results_and_totals(private_content, visitor, search_url):
    name, client = visitor
    expected = {PUBLIC_TITLE} | SEES[name]
    found = api(client, search_url, q="lighthouse")
    assert {result["title"] for result in found["results"]} == expected
    assert found["total"] == len(expected)
    assert api(client, search_url)["total"] == len(expected)


def test_api_facet_counts(private_content, visitor, search_url):
    name, client = visitor
    facets = api(client, search_url)["facets"]
    countries = {option["value"]: option["count"] for option in facets["country"]}
    topics = {option["value"]: option["count"] for option in facets["topic"]}
    children = {o["value"]: o["count"] for o in facets["target_group"]}["children"]
    if A_TITLE in SEES[name]:
        assert countries["MT"] == 1 and countries["DE"] == 2
        assert topics == {"grooming": 1}
        assert children == 2
    else:
        assert "MT" not in countries and countries["DE"] == 1
        assert topics == {}
        assert children == 1
    assert ("CY" in countries) == (B_TITLE in SEES[name])


def test_filtering_on_a_private_value(private_content, visitor, search_url):
    name, client = visitor
    found = api(client, search_url, country="MT")
    assert found["total"] == (1 if A_TITLE in SEES[name] else 0)
    assert [r["title"] for r in found["results"]] == ([A_TITLE] if A_TITLE in SEES[name] else [])


def test_search_page(private_content, visitor):
    name, client = visitor
    response = client.get("/search/", {"q": "lighthouse"})
    assert response.status_code == 200
    page = dom(response)
    shown = {h3.text for h3 in page.find_all("h3", cls="result__title")}
    assert shown == {PUBLIC_TITLE} | SEES[name]
    html = response.content.decode()
    for title in {A_TITLE, B_TITLE} - SEES[name]:
        assert title not in html
    if A_TITLE not in SEES[name]:
        assert "Malta" not in page.find("aside", cls="filters").text
        assert "Minutes of the closed pilot" not in html


@pytest.mark.parametrize("url", ["/api/search/suggest/", "/api/v1/search/suggest/"])
def test_suggestions(private_content, visitor, url):
    name, client = visitor
    response = client.get(url, {"q": "lighthouse"})
    assert response.status_code == 200
    titles = {suggestion["title"] for suggestion in response.json()["suggestions"]}
    assert titles == {PUBLIC_TITLE} | SEES[name]


def test_answers_depend_on_the_visitor_so_shared_caches_must_not_keep_them(client):
    for url in (
        "/search/",
        "/api/search/",
        "/api/search/suggest/?q=x",
        "/api/v1/search/",
        "/api/v1/search/suggest/?q=x",
        "/api/v1/search/?colour=red",  # errors too
    ):
        assert "Cookie" in client.get(url)["Vary"], url


def test_a_membership_takes_effect_at_once(private_content, client, groups):
    user = _member((groups[0], Membership.Status.PENDING, Membership.Role.MEMBER))
    client.force_login(user)
    assert api(client, q="pilot")["total"] == 0
    Membership.objects.filter(user=user).update(status=Membership.Status.ACTIVE)
    assert [r["title"] for r in api(client, q="pilot")["results"]] == [A_TITLE]
    Membership.objects.filter(user=user).delete()
    assert api(client, q="pilot")["total"] == 0
