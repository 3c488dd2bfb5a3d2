"""What every page the browser tests visit must pass: axe-core, no sideways scrolling, and no
request to another host."""

from pathlib import Path
from urllib.parse import urlsplit

PHONE = 390
NARROWEST = 320
AXE = Path(__file__).resolve().parents[2] / "build" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

RUN_AXE = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}}).then(
    results => results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary.replace(/\\s+/g, " ")),
    })))"""


class RequestGuard:
    """Records what a browser context asks another host than the live server for, and
    refuses it."""

    def __init__(self, origin):
        self.origin = origin
        self.foreign = []

    def is_foreign(self, url):
        parts = urlsplit(url)
        return parts.scheme in ("http", "https", "ws", "wss") and (
            f"{parts.scheme}://{parts.netloc}" != self.origin
        )

    def refuse(self, route):
        self.foreign.append(route.request.url)
        route.abort("blockedbyclient")

    def check(self):
        assert not self.foreign, "requests to another host:\n" + "\n".join(self.foreign)


# The guard of each open page, which the `open_page` fixture registers.
guards = {}


def check_page(page):
    """The page passes axe-core (WCAG 2.2 A and AA, best practices), is no wider than the
    viewport (at a phone's width, not at 320 px either), and asked no other host for anything."""
    violations = run_axe(page)
    assert not violations, f"axe-core found on {page.url}:\n" + "\n".join(violations)
    assert_fits(page)
    guards[page].check()


def run_axe(page):
    """axe-core's violations on the page, one readable line each (empty when there are none)."""
    if not AXE.exists():
        raise AssertionError(f"{AXE} is missing: `make install-test` fetches axe-core")
    page.add_script_tag(path=AXE)
    lines = []
    for violation in page.evaluate(RUN_AXE, AXE_TAGS):
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {node}" for node in violation["nodes"])
    return lines


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def assert_fits(page):
    """Nothing makes the page scroll sideways; at a phone's width, not at 320 px either."""
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    assert page_width(page) <= width, f"{page.url} is {page_width(page)} px wide at {width} px"
    if width <= PHONE:
        page.set_viewport_size({"width": NARROWEST, "height": height})
        try:
            wide = page_width(page)
            assert wide <= NARROWEST, f"{page.url} is {wide} px wide at {NARROWEST} px"
        finally:
            page.set_viewport_size({"width": width, "height": height})
