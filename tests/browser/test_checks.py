"""The checks every journey relies on catch what they are there for."""

import pytest

from tests.browser.checks import PHONE, assert_fits, check_page, guards, run_axe


def test_axe_core_reports_a_violation_readably(open_page):
    page = open_page(PHONE)
    page.set_content('<html lang="en"><title>Test</title><main><img src="data:,"></main></html>')
    violations = run_axe(page)
    assert violations[0].startswith("- image-alt (critical): Images must have alternative text")
    assert violations[1].startswith("    img: ")


def test_a_page_wider_than_a_phone_is_caught(open_page):
    page = open_page(PHONE)
    page.set_content('<div style="width: 500px">Wide</div>')
    with pytest.raises(AssertionError, match="is 508 px wide at 390 px"):
        assert_fits(page)


def test_a_page_that_fits_390_but_not_320_px_is_caught(open_page):
    page = open_page(PHONE)
    page.set_content('<div style="width: 350px">Nearly wide</div>')
    with pytest.raises(AssertionError, match="at 320 px"):
        assert_fits(page)
    assert page.viewport_size["width"] == PHONE


def test_a_request_to_another_host_is_refused_and_fails_the_page(open_page):
    page = open_page(PHONE)
    page.goto("/support/")
    guard = guards[page]
    assert guard.foreign == []  # the page's own stylesheet and icon come from the live server
    outcome = page.evaluate(
        "fetch('http://example.org/tracker.gif').then(() => 'sent', () => 'refused')"
    )
    assert outcome == "refused"
    assert guard.foreign == ["http://example.org/tracker.gif"]
    with pytest.raises(
        AssertionError, match="requests to another host:\nhttp://example.org/tracker.gif"
    ):
        check_page(page)
    guard.foreign.clear()  # this test's request was on purpose: the fixture's own check passes
