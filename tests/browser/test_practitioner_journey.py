"""A practitioner finds programmes for people who fear they might offend in one country, opens
one, reads why it is rated as it is, goes back with the filters kept, and finds help for their
country."""

from playwright.sync_api import expect

from tests.browser.checks import check_page

FEAR = "People who fear they might offend"
GERMAN_PROGRAMMES = [
    "Prevention Project Dunkelfeld (Kein Täter werden)",
    "Prevention of Sexual Abuse (PsM) outpatient therapy, Lower Saxony",
    "Troubled Desire",
]


def result_titles(page):
    return sorted(page.locator(".result__title").all_inner_texts())


def test_practitioner_finds_programmes_and_help(page, demo_catalogue):
    page.goto("/")
    check_page(page)
    page.get_by_role("link", name="Browse programmes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Programmes")
    check_page(page)

    filters = page.get_by_role("complementary", name="Filter programmes")
    filters.get_by_role("group", name="Target group").get_by_label(FEAR).check()
    filters.get_by_role("group", name="Country").get_by_label("Germany").check()
    filters.get_by_role("button", name="Show programmes").click()
    expect(page.get_by_role("heading", name="3 programmes")).to_be_visible()
    assert result_titles(page) == sorted(GERMAN_PROGRAMMES)
    check_page(page)

    page.get_by_role("link", name="Prevention Project Dunkelfeld (Kein Täter werden)").click()
    evidence = page.get_by_role("region", name="Evidence rating")
    expect(evidence.locator(".evidence__headline")).to_have_text("Promising")
    expect(evidence.locator(".evidence__explanation")).to_contain_text(
        "Promising for Dynamic risk factors."
    )
    why = evidence.get_by_role("table", name="Rating for each outcome, and why")
    expect(why.get_by_role("row").filter(has_text="Dynamic risk factors")).to_contain_text(
        "Treatment evaluation at the Dunkelfeld sites Hannover and Regensburg "
        "(Before-and-after without comparison group, 35 participants)"
    )
    evidence.get_by_text("Rating history (1 change)").click()
    change = evidence.locator(".rating-change")
    expect(change).to_contain_text("→ Promising")
    expect(change.get_by_role("link", name="Read the evaluation")).to_be_visible()
    check_page(page)

    page.go_back()
    expect(page.get_by_role("heading", name="3 programmes")).to_be_visible()
    assert result_titles(page) == sorted(GERMAN_PROGRAMMES)
    expect(filters.get_by_role("group", name="Target group").get_by_label(FEAR)).to_be_checked()
    expect(filters.get_by_role("group", name="Country").get_by_label("Germany")).to_be_checked()

    page.get_by_role("complementary", name="Help").get_by_role(
        "link", name="Find help in your country"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find help")
    germany = page.get_by_role("heading", name="Germany", level=2).locator(
        "xpath=following-sibling::ul[1]"
    )
    expect(germany.get_by_role("heading", level=3)).to_have_text(["Kein Täter werden"])
    expect(germany.get_by_role("link", name="https://www.kein-taeter-werden.de/")).to_be_visible()
    check_page(page)
