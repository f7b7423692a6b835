"""What a resident on a phone and a keyboard user meet on every page: feedback after choosing a
filter, text for screen readers kept out of sight, and a skip link; at both widths, with zero
axe violations in each of those states."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser import tools
from tests.browser.conftest import VIEWPORTS
from tests.browser.pages import PAGE_TYPES
from tests.browser.test_accessibility import RUN_AXE, WCAG_TAGS, describe

pytestmark = pytest.mark.browser

SHOW = "#pl-show"
COUNT = "#pl-count"
FILTERS = "#pl-filters-box"
SKIP_PAGES = ("home", "catalogue", "project", "review", "maker-day", "field-reference", "not-found")


def no_axe_violations(page, where: str) -> None:
    if not tools.AXE.is_file():
        tools.missing(tools.NO_NODE_TOOLS)
    page.add_script_tag(path=str(tools.AXE))
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)
    assert not violations, f"{where}:\n{describe(violations)}"


def in_view(page, selector: str) -> bool:
    return page.evaluate(
        """(s) => { const r = document.querySelector(s).getBoundingClientRect();
                    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight; }""",
        selector,
    )


def test_a_phone_shows_how_many_projects_a_filter_leaves(served_site, new_page) -> None:
    page = new_page("phone", bypass_csp=True)  # CSP bypassed only so axe can be added
    page.goto(served_site.page(PAGE_TYPES["catalogue"]))
    page.locator(f"{FILTERS} > summary").click()
    page.locator("label[for=f-phase-live]").click()
    live = page.locator("#pl-cards > li[data-phase=live]:not([hidden])").count()
    assert live > 0
    show = page.locator(SHOW)
    expect(show).to_have_text(f"Show {live} project{'s' if live != 1 else ''}")
    assert in_view(page, SHOW), "the button is below the fold, where nobody sees it"
    assert not in_view(page, COUNT)  # why the button is needed: the count is out of sight
    no_axe_violations(page, "catalogue on a phone, a filter chosen")
    show.click()
    assert not page.evaluate(f"document.querySelector('{FILTERS}').open")
    expect(page.locator(COUNT)).to_be_focused()
    assert in_view(page, COUNT)
    expect(page.locator(COUNT)).to_contain_text(f"{live} of")


def test_wide_screens_see_the_results_and_no_extra_button(served_site, new_page) -> None:
    page = new_page("desktop")
    page.goto(served_site.page(PAGE_TYPES["catalogue"]))
    page.locator("label[for=f-phase-live]").click()
    expect(page.locator(COUNT)).to_contain_text(" of ")
    expect(page.locator(SHOW)).to_be_hidden()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_screen_reader_text_is_out_of_sight_but_read(served_site, shared_page, viewport) -> None:
    page = shared_page(viewport, bypass_csp=True)
    page.goto(served_site.page(PAGE_TYPES["project"]), wait_until="load")
    hidden = page.locator(".pl-visually-hidden")
    assert hidden.count() > 0
    for box in hidden.evaluate_all("(els) => els.map((e) => e.getBoundingClientRect().toJSON())"):
        assert box["width"] <= 1 and box["height"] <= 1, box
    service_manual = page.get_by_role("link", name=re.compile(r"\(GOV\.UK Service Manual\)"))
    expect(service_manual).to_have_count(1)
    no_axe_violations(page, f"project page at {viewport} width")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("page_type", SKIP_PAGES)
def test_every_page_starts_with_a_skip_link(served_site, shared_page, page_type, viewport) -> None:
    page = shared_page(viewport, bypass_csp=True)
    page.goto(served_site.page(PAGE_TYPES[page_type]), wait_until="load")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    expect(skip).to_have_text(re.compile(r"^\s*Skip to content\s*$"))
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
    assert in_view(page, ":focus"), "the skip link has focus but cannot be seen"
    no_axe_violations(page, f"{page_type} at {viewport} width, skip link focused")
    target = skip.get_attribute("href")
    assert target and target.startswith("#") and page.locator(target).count() == 1
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the next stop is inside the page's content, past the header
    assert page.evaluate(
        "() => !!document.activeElement.closest('.md-content, .md-footer, .md-sidebar')"
    ), page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
