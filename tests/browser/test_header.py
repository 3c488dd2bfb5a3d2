"""The header on every width: on a phone, the menu and the tools fold into a disclosure that
works with and without JavaScript, and nothing in it overflows."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.checks import PHONE, assert_fits, check_page


@pytest.mark.parametrize("java_script_enabled", [True, False], ids=["js", "no-js"])
def test_sign_in_is_reached_through_the_phone_menu(open_page, demo_site, java_script_enabled):
    page = open_page(PHONE, java_script_enabled=java_script_enabled)
    page.goto("/")
    sign_in = page.get_by_role("link", name="Sign in")
    menu = page.locator("summary", has_text="Menu")
    expect(sign_in).to_be_hidden()
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()

    menu.click()
    expect(sign_in).to_be_visible()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link")).to_have_count(3)
    expect(page.get_by_role("searchbox", name="Search the portal")).to_be_visible()
    if java_script_enabled:
        check_page(page)  # the open menu too passes axe-core and fits at 390 and 320 px
    else:
        assert_fits(page)

    sign_in.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("sign in", re.IGNORECASE))
    if java_script_enabled:
        check_page(page)


def test_the_desktop_header_shows_everything_without_a_menu_button(open_page, demo_site):
    page = open_page(1280)
    page.goto("/")
    expect(page.locator("summary", has_text="Menu")).to_be_hidden()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link")).to_have_count(3)
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    expect(page.get_by_role("searchbox", name="Search the portal")).to_be_visible()

    # The header's links are in the keyboard's path although the disclosure is closed.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Sign in":
            break
    else:
        raise AssertionError("Tab never reached Sign in")
