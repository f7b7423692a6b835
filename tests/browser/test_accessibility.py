"""axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on every page type, at a desktop and a phone
width: zero violations. Screenshots of the main pages go to test-artifacts/screenshots/."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser import tools
from tests.browser.conftest import VIEWPORTS
from tests.browser.pages import PAGE_TYPES, SCREENSHOT_PAGES
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = PROJECT_ROOT / "test-artifacts" / "screenshots"

RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: { type: "tag", values: tags },
    resultTypes: ["violations"],  // only violations in full: much faster on big pages
  });
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.join(" "),
      summary: node.failureSummary,
    })),
  }));
}"""


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['rule']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:10]:
            lines.append(f"    {node['target']}: {node['summary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_axe_violations(served_site, shared_page, page_type: str, viewport: str) -> None:
    if not tools.AXE.is_file():
        tools.missing(tools.NO_NODE_TOOLS)
    # Injecting axe is blocked by the site's CSP, rightly: bypass it here only.
    page = shared_page(viewport, bypass_csp=True)
    page.goto(served_site.page(PAGE_TYPES[page_type]), wait_until="load")
    page.add_script_tag(path=str(tools.AXE))
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)
    assert not violations, f"{page_type} at {viewport} width:\n{describe(violations)}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("words", ["bins", "zzxqv"])
def test_no_axe_violations_in_search_results(served_site, shared_page, viewport, words) -> None:
    """The search page with results (or none, and the suggestions), reached from the header's
    search form: Enter on the home page's form at desktop width, its button on a phone."""
    if not tools.AXE.is_file():
        tools.missing(tools.NO_NODE_TOOLS)
    page = shared_page(viewport, bypass_csp=True)
    page.goto(served_site.page(PAGE_TYPES["home"]), wait_until="load")
    header = page.locator("#pl-header-search-q")
    if header.is_visible():
        header.fill(words)
        header.press("Enter")
    else:
        page.get_by_role("button", name="Search", exact=True).first.click()
        page.locator("#pl-search-q").fill(words)
        page.locator("#pl-search-q").press("Enter")
    status = page.locator(".pl-search-status")
    status.filter(has_text="result").wait_for()  # Pagefind loads on the first search
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    page.add_script_tag(path=str(tools.AXE))
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)
    assert not violations, f"search for {words} at {viewport} width:\n{describe(violations)}"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_main_pages_fit_the_width_and_are_pictured(served_site, shared_page, viewport) -> None:
    """Each main page shows its heading and fits the screen's width, with nothing to scroll
    sideways (WCAG 1.4.10 Reflow at 390 px); its picture goes to test-artifacts/screenshots/
    for a reviewer, and is of the whole page at that width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = VIEWPORTS[viewport]["width"]
    page = shared_page(viewport)
    for page_type in SCREENSHOT_PAGES:
        response = page.goto(served_site.page(PAGE_TYPES[page_type]), wait_until="load")
        assert response is not None and response.ok
        if page_type.startswith("search"):  # picture the results, not "Searching..."
            page.locator(".pl-search-status").filter(has_text="result").wait_for()
        heading = page.locator("h1").first
        expect(heading).to_be_visible()
        assert heading.inner_text().strip(), page_type
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{page_type} is {wide} px wide at {viewport} ({width} px)"
        png = page.screenshot(path=str(SCREENSHOTS / f"{page_type}-{viewport}.png"), full_page=True)
        # PNG's header holds its size: the whole page, at the screen's width.
        shown = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        tall = page.evaluate("document.documentElement.scrollHeight")
        assert shown == (width, tall), f"{page_type} at {viewport}: pictured {shown}"
    assert page.watch.take() == []


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(
    "path",
    [
        "feeds/project-find-my-bin-day.xml",  # a feed, shown by its stylesheet
        "search/?q=Hackney+projects",  # a filter read from the words, with its Remove button
        "projects/find-my-bin-day/",  # every council's own service address
    ],
)
def test_no_axe_violations_in_what_the_walkthrough_added(
    served_site, shared_page, viewport: str, path: str
) -> None:
    if not tools.AXE.is_file():
        tools.missing(tools.NO_NODE_TOOLS)
    page = shared_page(viewport, bypass_csp=True)
    page.goto(served_site.page(path), wait_until="load")
    if path.startswith("search/"):
        page.locator(".pl-search-active li").first.wait_for()
    # Chromium adds its own notice that it is phasing XSLT out (with too little contrast): it is
    # the browser's, not the site's, so it is left out of the check.
    page.evaluate("document.querySelector('xslt-warning-banner')?.remove()")
    page.add_script_tag(path=str(tools.AXE))
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)
    assert not violations, f"{path} at {viewport} width:\n{describe(violations)}"
