"""Fixtures for the browser tests: the portal on a live server, Debian's Chromium driven by
Playwright, and pages at a phone's width and a desktop's that may only talk to the live server.

`make install-test` installs what they need (docs/testing.md): Chromium at /usr/bin/chromium
and axe-core under build/. The tests are transactional (the live server reads what they
commit); the vocabularies and pages the data migrations seed come back after each one through
``serialized_rollback``.
"""

import re
from pathlib import Path

from django.db import connections

import pytest
from playwright.sync_api import sync_playwright

from portal.demo import ensure_home_page, load_site, load_support_services
from programmes.demo.catalogue import ensure_catalogue
from programmes.demo.loader import load_programmes, read_programmes
from tests.browser.checks import PHONE, RequestGuard, guards

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
HEIGHTS = {PHONE: 844}
DESKTOP_HEIGHT = 800

# The demo programmes the journeys need: three for people who fear they might offend in
# Germany, one for them in Sweden, and one for children in many countries.
DEMO_PROGRAMMES = {
    "kein-taeter-werden",
    "troubled-desire",
    "psm-goettingen",
    "prevent-it",
    "europol-say-no",
}


@pytest.fixture(scope="package")
def browser(django_db_setup):
    """One Chromium for these tests.

    Playwright's synchronous API leaves an asyncio loop running in this thread, so Django takes
    the thread for an async context: it refuses queries, and it looks its connections up per
    async context, which would hand these tests fresh connections instead of the test
    database's (the one that carries what ``serialized_rollback`` restores). Tests and fixtures
    here query the database only between browser calls, never during them, so while the
    browser runs the guard is lifted and the thread keeps its connections."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make install-test` installs Debian's chromium")
    kept = {alias: connections[alias] for alias in connections}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        for alias, connection in kept.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-background-networking"],
        )
        yield browser
        browser.close()
        for alias in kept:
            del connections[alias]


@pytest.fixture
def live_site(django_db_serialized_rollback, transactional_db, live_server):
    """The live server's address, with the seeded data restored after the test."""
    return live_server.url


@pytest.fixture
def demo_site(live_site):
    """The demo's home page, its audience pages (in the main menu) and an empty catalogue:
    (home page, catalogue)."""
    home = ensure_home_page()
    catalogue = ensure_catalogue(home)
    load_site(home, catalogue)
    return home, catalogue


@pytest.fixture
def demo_catalogue(demo_site):
    """The demo site with a few demo programmes in the catalogue (rated from their published
    evaluations) and the demo support services: (home page, catalogue)."""
    _home, catalogue = demo_site
    load_programmes(catalogue, [p for p in read_programmes() if p["slug"] in DEMO_PROGRAMMES])
    load_support_services()
    return demo_site


@pytest.fixture
def open_page(browser, live_site, request):
    """``open_page(width, java_script_enabled=True)``: a page in a fresh browser context.

    At the end of the test, each page's last state is saved under build/screenshots/ and the
    test fails if any page asked another host for anything."""
    opened = []

    def _open(width, java_script_enabled=True):
        context = browser.new_context(
            viewport={"width": width, "height": HEIGHTS.get(width, DESKTOP_HEIGHT)},
            java_script_enabled=java_script_enabled,
            base_url=live_site,
        )
        guard = RequestGuard(live_site)
        context.route(guard.is_foreign, guard.refuse)
        page = context.new_page()
        opened.append((page, guard))
        guards[page] = guard
        return page

    yield _open
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    for number, (page, guard) in enumerate(opened):
        guards.pop(page, None)
        if not page.is_closed():
            suffix = f"-{number + 1}" if len(opened) > 1 else ""
            page.screenshot(path=SCREENSHOTS / f"{name}{suffix}.png", full_page=True)
            page.context.close()
        guard.check()


@pytest.fixture(params=[PHONE, 1280], ids=lambda width: f"{width}px")
def page(open_page, request):
    """A page at a phone's width (390 px) and, in a second run of the test, a desktop's."""
    return open_page(request.param)
