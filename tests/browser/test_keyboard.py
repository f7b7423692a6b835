"""The catalogue's filters, sort and search work with the keyboard alone, under the site's CSP;
focus is always visible; the result count is announced; filter state survives reload and back."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.browser.pages import PAGE_TYPES

# What the catalogue announces once a filter has been applied: "8 of 23 projects match".
MATCHING = re.compile(r"^[\d,]+ of [\d,]+ projects match")

pytestmark = pytest.mark.browser

COUNT = "#pl-count"
FILTERS = "#pl-filters-box"  # a <details> holding the filter form
MAX_TABS = 200

# Where the focused element is, with a margin for its focus ring, and whether it had focus
# before (so a walk with the Tab key knows when it has come round).
FOCUSED_BOX = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  window.__tabbed = window.__tabbed || new Set();
  const again = window.__tabbed.has(element);
  window.__tabbed.add(element);
  const box = element.getBoundingClientRect();
  const label = element.id || element.getAttribute("aria-label") ||
    (element.textContent || "").trim().slice(0, 40) || element.outerHTML.slice(0, 60);
  return { x: box.x - 8, y: box.y - 8, width: box.width + 16, height: box.height + 16,
           label: `${element.localName} ${label}`, again };
}"""


COMMONEST_PHASE = """() => {
  const counts = {};
  for (const card of document.querySelectorAll("#pl-cards > li:not([hidden])")) {
    counts[card.dataset.phase] = (counts[card.dataset.phase] || 0) + 1;
  }
  return Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}"""


def query(page) -> dict[str, list[str]]:
    # From the page itself: Playwright's page.url learns of pushState a moment later.
    return parse_qs(urlsplit(page.evaluate("location.href")).query)


def tab_to(page, selector: str) -> None:
    """Press Tab until the element matching `selector` has focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} cannot be reached with the Tab key")


def clip(box: dict, viewport: dict) -> dict:
    x, y = max(box["x"], 0), max(box["y"], 0)
    width = min(box["width"], viewport["width"] - x)
    height = min(box["height"], viewport["height"] - y)
    return {"x": x, "y": y, "width": max(width, 1), "height": max(height, 1)}


@pytest.fixture(params=["desktop", "phone"])
def catalogue(request, served_site, new_page):
    page = new_page(request.param)  # JavaScript on, CSP on: as a reader has it
    page.goto(served_site.page(PAGE_TYPES["catalogue"]))
    page.locator(FILTERS).wait_for(state="visible")
    return page


def open_filters(page) -> None:
    """On a phone the filters start folded away: open them as a keyboard user would."""
    if not page.evaluate(f"document.querySelector('{FILTERS}').open"):
        tab_to(page, f"{FILTERS} > summary")
        page.keyboard.press("Enter")
        assert page.evaluate(f"document.querySelector('{FILTERS}').open")


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("page_type", ["catalogue", "project"])
def test_focus_is_always_visible(served_site, new_page, page_type: str, viewport: str) -> None:
    """Tab through the whole page; each element looks different with focus than without."""
    page = new_page(viewport)
    page.goto(served_site.page(PAGE_TYPES[page_type]))
    page.evaluate(
        f"() => document.querySelectorAll('{FILTERS}').forEach((f) => (f.open = true))"
    )  # the catalogue's filters are folded on a phone
    invisible, seen = [], 0
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        box = page.evaluate(FOCUSED_BOX)
        if box is None or box["again"]:
            break  # round to the start: every element has had focus
        seen += 1
        area = clip(box, page.viewport_size)
        focused = page.screenshot(clip=area, animations="disabled")
        page.evaluate("() => { window.__focused = document.activeElement; __focused.blur(); }")
        unfocused = page.screenshot(clip=area, animations="disabled")
        page.evaluate("() => window.__focused.focus({ focusVisible: true })")
        if focused == unfocused:
            invisible.append(box["label"])
    assert seen > 15, f"only {seen} elements took focus"
    assert not invisible, f"no visible focus on: {invisible}"


def test_filters_sort_and_search_with_the_keyboard(catalogue) -> None:
    page = catalogue
    count = page.locator(COUNT)
    assert count.get_attribute("aria-live") == "polite" or count.get_attribute("role") == "status"
    everything = count.inner_text()

    open_filters(page)
    tab_to(page, "input[name=search]")
    page.keyboard.type("bin")
    # Wait for the answer, not just any change: "Loading all N projects…" comes first while
    # cards.json is fetched, and on a busy machine it can last long enough to be read.
    expect(count).to_have_text(MATCHING)
    searched = count.inner_text()
    assert query(page)["search"] == ["bin"]
    visible = page.locator("#pl-cards > li:not([hidden])")
    # Words are matched in cards.json (with their synonyms): the list shows only the matches.
    assert 0 < visible.count() < int(everything.split()[0].replace(",", ""))
    titles = visible.locator("h2").all_inner_texts()
    assert len(titles) == visible.count() and all(titles)  # what matched, not empty shells

    # The phase most of the matches are in, so there are cards enough to see the sort work.
    phase = page.evaluate(COMMONEST_PHASE)
    tab_to(page, f"input[name=phase][value={phase}]")
    page.keyboard.press("Space")
    assert query(page)["phase"] == [phase]
    assert page.locator("input[name=phase]:checked").count() == 1
    phases = [
        c.get_attribute("data-phase") for c in page.locator("#pl-cards > li:not([hidden])").all()
    ]
    assert phases and set(phases) == {phase}, phases  # some cards, all in the chosen phase
    filtered = count.inner_text()
    assert filtered != everything

    tab_to(page, "select[name=sort]")
    before = page.locator("#pl-cards > li:not([hidden]) h2").all_inner_texts()
    page.keyboard.type("Title")  # type-ahead picks the option, as on any select
    assert page.input_value("select[name=sort]") == "title"
    assert query(page)["sort"] == ["title"]
    after = page.locator("#pl-cards > li:not([hidden]) h2").all_inner_texts()
    assert len(after) > 1 and after != before, "the order did not change: nothing to tell"
    assert sorted(after) == sorted(before)
    assert after == sorted(after, key=str.lower)
    sorted_url, sorted_count = page.evaluate("location.href"), count.inner_text()

    # Reload: the same filters, the same results, and Material's own search stays shut.
    page.reload()
    page.locator("#pl-filters").wait_for(state="visible")  # open: the page has filters set
    assert not page.is_checked("#__search"), "the site-wide search opened over the catalogue"
    assert page.evaluate("location.href") == sorted_url
    assert page.input_value("input[name=search]") == "bin"
    assert page.is_checked(f"input[name=phase][value={phase}]")
    assert page.input_value("select[name=sort]") == "title"
    expect(count).to_have_text(sorted_count)  # once cards.json has loaded again
    assert page.locator("#pl-cards > li:not([hidden]) h2").all_inner_texts() == after

    # Back, twice: the sort goes, then the phase; the search stays as it was typed.
    page.go_back()
    page.go_back()
    expect(page.locator("input[name=phase]:checked")).to_have_count(0)  # once popstate has run
    expect(count).to_have_text(searched)
    assert query(page) == {"search": ["bin"]}

    # Clear filters with the keyboard.
    tab_to(page, "button[type=reset]")
    page.keyboard.press("Enter")
    expect(count).to_have_text(everything)
    assert query(page) == {}
    assert page.watch.take() == []


def test_phone_menu_opens_and_closes_with_the_keyboard(served_site, new_page) -> None:
    page = new_page("phone")
    page.goto(served_site.page(PAGE_TYPES["project"]))
    menu = page.locator('.md-header label[for="__drawer"]')
    tab_to(page, '.md-header label[for="__drawer"]')
    assert menu.get_attribute("role") == "button"
    assert menu.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    assert page.is_checked("#__drawer")
    assert menu.get_attribute("aria-expanded") == "true"
    drawer = "document.querySelector('.md-sidebar--primary').getBoundingClientRect()"
    page.wait_for_function(f"() => {drawer}.x >= 0")  # slid in
    tab_to(page, ".md-sidebar--primary a")  # into the menu's links, now on screen
    link = page.evaluate("document.activeElement.getBoundingClientRect().toJSON()")
    assert link["x"] >= 0 and link["right"] <= PHONE["width"] and link["width"] > 16, link
    page.keyboard.press("Escape")
    assert not page.is_checked("#__drawer")
    assert page.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    page.keyboard.press("Space")  # a button opens with Space too
    assert page.is_checked("#__drawer")
    assert page.watch.take() == []


def test_the_current_section_is_named_to_screen_readers(served_site, new_page) -> None:
    """The tab and the drawer entry of the section a page is in carry aria-current: "true" on
    a record page (its section), "page" on the section's own page."""
    page = new_page("desktop")
    page.goto(served_site.page(PAGE_TYPES["project"]))
    tab = page.locator(".md-tabs__link[aria-current]")
    expect(tab).to_have_count(1)
    expect(tab).to_have_text("Projects")
    expect(tab).to_have_attribute("aria-current", "true")
    entry = page.locator(".md-sidebar--primary .md-nav__link[aria-current]")
    expect(entry).to_have_count(1)
    expect(entry).to_have_text("Projects")
    page.goto(served_site.page("projects/"))
    expect(page.locator(".md-tabs__link[aria-current]")).to_have_attribute("aria-current", "page")
    assert page.watch.take() == []
