"""The family tree of a material: Europol's "Say No!", Ireland's "Be in Ctrl" built on it, and
further adaptations of that; shown publicly from the root original down, live versions only,
in a fixed number of queries however long the chain."""

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

import pytest

from campaigns.adaptations import family_ids, family_size, lineage
from campaigns.models import MaterialPage
from tests.factories.campaigns import MaterialPageFactory
from tests.factories.portal import UserFactory
from tests.helpers import dom

pytestmark = pytest.mark.django_db


def adaptation(source, title, country, language, **kwargs):
    return MaterialPageFactory(
        parent=source.get_parent(),
        title=title,
        slug=f"{source.slug}-{country.lower()}",
        adapted_from=source,
        adapted_for=country,
        language=language,
        owner_organisation=f"{title} makers",
        **kwargs,
    )


def chain(campaign, length, prefix=""):
    """An original and ``length - 1`` adaptations, each made from the one before."""
    pages = [
        MaterialPageFactory(
            parent=campaign,
            title=f"{prefix}Say No!",
            slug=f"{prefix.strip().lower()}say-no",
            owner_organisation="Europol",
            country_of_origin="NL",
            language_of_origin="en",
        )
    ]
    for title, country, language in [
        ("Be in Ctrl", "IE", "en"),
        ("Be in Ctrl (Malti)", "MT", "mt"),
        ("Be in Ctrl (Ελληνικά)", "CY", "el"),
    ][: length - 1]:
        pages.append(adaptation(pages[-1], f"{prefix}{title}", country, language))
    return pages


@pytest.fixture
def family(campaign):
    say_no, be_in_ctrl, maltese, greek = chain(campaign, 4)
    german = adaptation(say_no, "Sag Nein!", "DE", "de")
    adaptation(be_in_ctrl, "Draft Polish version", "PL", "pl", live=False)
    return say_no, be_in_ctrl, maltese, greek, german


def shape(node):
    """(title, [children's shapes]) of a lineage tree."""
    return (node.material.title, [shape(child) for child in node.children])


EXPECTED = (
    "Say No!",
    [
        ("Be in Ctrl", [("Be in Ctrl (Malti)", [("Be in Ctrl (Ελληνικά)", [])])]),
        ("Sag Nein!", []),
    ],
)


def test_the_whole_family_from_any_member(family):
    for material in family:
        tree = lineage(material)
        assert shape(tree) == EXPECTED
        assert family_size(tree) == 5
        current = [n for n in walk(tree) if n.is_current]
        assert [n.material.pk for n in current] == [material.pk]


def walk(node):
    yield node
    for child in node.children:
        yield from walk(child)


def test_drafts_are_in_the_family_but_never_shown_publicly(family):
    titles = set(MaterialPage.objects.filter(pk__in=family_ids(family[1])).values_list("title"))
    assert ("Draft Polish version",) in titles
    assert "Draft Polish version" not in {n.material.title for n in walk(lineage(family[1]))}
    everything = lineage(family[1], public=False)
    assert "Draft Polish version" in {n.material.title for n in walk(everything)}


def test_an_unpublished_link_cuts_the_public_tree_there(family):
    say_no, be_in_ctrl, maltese, greek, german = family
    be_in_ctrl.unpublish()
    assert shape(lineage(maltese)) == ("Be in Ctrl (Malti)", [("Be in Ctrl (Ελληνικά)", [])])
    assert shape(lineage(say_no)) == ("Say No!", [("Sag Nein!", [])])


def test_a_cycle_made_in_the_cms_does_not_hang(campaign):
    say_no, be_in_ctrl = chain(campaign, 2)
    MaterialPage.objects.filter(pk=say_no.pk).update(adapted_from=be_in_ctrl)
    say_no.refresh_from_db()
    assert shape(lineage(say_no)) == ("Be in Ctrl", [("Say No!", [])])
    MaterialPage.objects.filter(pk=say_no.pk).update(adapted_from=say_no)
    say_no.refresh_from_db()
    assert shape(lineage(say_no)) == ("Say No!", [])


def test_the_lineage_takes_three_queries_for_a_chain_of_four(family, django_assert_num_queries):
    greek = family[3]
    with django_assert_num_queries(3):  # the family's ids, view restrictions, the pages
        tree = lineage(greek)
        assert [n.country.name for n in walk(tree)] == [
            "Netherlands",
            "Ireland",
            "Malta",
            "Cyprus",
            "Germany",
        ]
        assert [n.language_name for n in walk(tree)] == [
            "English",
            "English",
            "Maltese",
            "Greek",
            "German",
        ]


# The family tree page


def tree_items(response):
    """(depth, title) of every node in the family tree, in order."""
    tree = dom(response).find("ul", cls="lineage")
    found = []

    def visit(ul, depth):
        for li in (c for c in ul.children if getattr(c, "tag", None) == "li"):
            node = li.find(cls="lineage__title")
            found.append((depth, node.text))
            for sub in (c for c in li.children if getattr(c, "tag", None) == "ul"):
                visit(sub, depth + 1)

    visit(tree, 0)
    return found


def test_the_family_tree_page(client, family):
    say_no, be_in_ctrl, maltese, greek, german = family
    response = client.get(f"/materials/{maltese.pk}/lineage/")
    assert response.status_code == 200
    assert tree_items(response) == [
        (0, "Say No!"),
        (1, "Be in Ctrl"),
        (2, "Be in Ctrl (Malti)"),
        (3, "Be in Ctrl (Ελληνικά)"),
        (1, "Sag Nein!"),
    ]
    page = dom(response)
    current = page.find(cls="lineage__node--current")
    assert current.find(**{"aria-current": "page"}).text == "Be in Ctrl (Malti)"
    assert "Be in Ctrl (Malti)" in current.text and "this material" in current.text
    assert "🇲🇹 Malta · Maltese" in current.text
    lineage = page.find("ul", cls="lineage")
    assert "Original · 🇳🇱 Netherlands · English · Europol" in lineage.find("li").text
    hrefs = [a.attrs["href"] for a in page.find("ul", cls="lineage").find_all("a")]
    assert hrefs == [say_no.url, be_in_ctrl.url, greek.url, german.url]
    assert "Draft Polish version" not in response.content.decode()


def test_a_material_without_adaptations_is_a_tree_of_one(client, campaign):
    alone = MaterialPageFactory(parent=campaign, title="On its own")
    response = client.get(f"/materials/{alone.pk}/lineage/")
    assert tree_items(response) == [(0, "On its own")]


def test_drafts_have_no_family_tree_page(client, family):
    draft = MaterialPage.objects.get(title="Draft Polish version")
    assert client.get(f"/materials/{draft.pk}/lineage/").status_code == 404
    assert client.post(f"/materials/{family[0].pk}/lineage/").status_code == 405


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_tree_page_needs_no_more_queries_for_a_longer_chain(client, campaign):
    short, long = chain(campaign, 2, "A "), chain(campaign, 4, "B ")
    client.get(f"/materials/{short[0].pk}/lineage/")  # warm the site's caches
    assert queries(client, f"/materials/{long[-1].pk}/lineage/") == queries(
        client, f"/materials/{short[-1].pk}/lineage/"
    )


# Both directions on the material page


def render_panel(page, user=None):
    request = RequestFactory().get(page.url)
    request.user = user or AnonymousUser()
    with CaptureQueriesContext(connection) as captured:
        html = render_to_string(
            "campaigns/includes/adaptations.html", {"page": page, "request": request}
        )
    return html, len(captured)


def test_the_panel_needs_no_more_queries_for_more_adaptations(campaign):
    one = chain(campaign, 2, "A ")[0]
    many = chain(campaign, 2, "B ")[0]
    for code, language in [("DE", "de"), ("CY", "el"), ("AT", "de")]:
        adaptation(many, f"B {code}", code, language)
    member = UserFactory()
    render_panel(one, member)  # warm the site's caches
    html, count_many = render_panel(many, member)
    assert "Adapted in: 🇦🇹 Austria, 🇨🇾 Cyprus, 🇩🇪 Germany, 🇮🇪 Ireland" in dom_of(html).text
    assert count_many == render_panel(one, member)[1]


def test_the_panel_links_both_ways(family):
    say_no, be_in_ctrl, maltese, greek, german = family
    html, _ = render_panel(be_in_ctrl)
    panel = dom_of(html)
    assert "Adapted from" not in panel.text  # said once, in the note at the top of the page
    assert "Adapted in: 🇲🇹 Malta" in panel.text
    assert "Draft" not in panel.text and "Poland" not in panel.text
    hrefs = [a.attrs["href"] for a in panel.find_all("a")]
    assert maltese.url in hrefs and say_no.url not in hrefs  # the note links the source
    assert f"/materials/{be_in_ctrl.pk}/lineage/" in hrefs


def dom_of(html):
    return dom(HttpResponse(html))
