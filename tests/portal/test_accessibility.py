"""Accessibility basics every page shares, checked in the rendered HTML."""

import pytest

from tests.factories.programmes import (
    EvaluationPageFactory,
    ImplementationReportPageFactory,
    ProgrammePageFactory,
)
from tests.helpers import dom

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(demo_site):
    """One URL of every kind of page the site renders."""
    home, catalogue = demo_site
    programme = ProgrammePageFactory(parent=catalogue, target_groups=["children"], countries=["DE"])
    evaluation = EvaluationPageFactory(parent=programme)
    report = ImplementationReportPageFactory(parent=programme)
    return {
        "home": home.url,
        "catalogue": catalogue.url,
        "filtered catalogue": catalogue.url + "?target_group=children&country=XX",
        "programme": programme.url,
        "evaluation": evaluation.get_url(),
        "implementation report": report.get_url(),
        "standard page": "/for-researchers/",
    }


def external(url):
    return (url or "").startswith(("http://", "https://", "//"))


def check_shell(page, name):
    html = page.find("html")
    assert html.attrs.get("lang"), f"{name}: <html> has no lang"
    main = page.find_all("main", id="main")
    assert len(main) == 1, f"{name}: expected one <main id=main>"
    first_link = page.find("body").find("a")
    assert first_link.attrs["href"] == "#main", f"{name}: the first link is not a skip link"
    assert first_link.text, f"{name}: the skip link has no text"
    for link in page.find_all("link"):
        if link.attrs.get("rel") in ("canonical", "alternate"):
            continue  # addresses of this page's versions, not assets to load
        assert not external(link.attrs.get("href")), f"{name}: external {link.attrs}"
    for script in page.find_all("script"):
        assert not external(script.attrs.get("src")), f"{name}: external {script.attrs}"


def test_every_page_has_lang_skip_link_main_and_only_local_assets(client, urls):
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        check_shell(dom(response), name)


def test_the_404_page_has_the_same_basics(client, home):
    response = client.get("/does-not-exist/")
    assert response.status_code == 404
    check_shell(dom(response), "404")


def test_every_filter_checkbox_has_a_label(client, urls):
    form = dom(client.get(urls["catalogue"])).find("aside", cls="filters").find("form")
    boxes = form.find_all("input", type="checkbox")
    assert len(boxes) > 20  # all facets rendered: target groups, practices, levels, ratings...
    labels = {label.attrs.get("for"): label.text for label in form.find_all("label")}
    for box in boxes:
        assert box.attrs.get("id"), box.attrs
        assert labels.get(box.attrs["id"]), f"no label for {box.attrs}"


def test_every_filter_group_is_a_fieldset_with_a_legend(client, urls):
    form = dom(client.get(urls["catalogue"])).find("aside", cls="filters").find("form")
    fieldsets = form.find_all("fieldset")
    assert [fs.find("legend").text for fs in fieldsets] == [
        "Target group",
        "Practice",
        "Prevention level",
        "Country",
        "Evidence rating",
    ]


def test_the_filter_form_works_without_javascript(client, urls):
    form = dom(client.get(urls["catalogue"])).find("aside", cls="filters").find("form")
    assert form.attrs["action"] == urls["catalogue"]
    assert form.find("button", type="submit").text == "Show programmes"


def test_the_html_lang_follows_the_language_of_the_page(client, urls):
    assert dom(client.get(urls["programme"])).find("html").attrs["lang"] == "en"
