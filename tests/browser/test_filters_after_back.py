"""Coming back to a list of results (the Back button), the filters show what the results were
made with: a box ticked but never applied does not come back ticked."""

from playwright.sync_api import expect


def test_a_filter_ticked_but_not_applied_is_not_ticked_after_going_back(open_page, demo_catalogue):
    page = open_page(1280)
    page.goto("/programmes/")
    filters = page.get_by_role("complementary", name="Filter programmes")
    germany = filters.get_by_role("group", name="Country").get_by_label("Germany")
    count = page.locator(".result__title").count()
    germany.check()  # ticked, never applied

    page.locator(".result__title a").first.click()
    page.wait_for_load_state()
    page.go_back()

    expect(page.get_by_role("heading", level=1)).to_have_text("Programmes")
    expect(germany).not_to_be_checked()
    assert page.locator(".result__title").count() == count
