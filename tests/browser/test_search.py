"""Search finds what people mean, the same way in the site search (Pagefind, /search/) and in
the catalogue's own text filter: word forms, service areas, partner councils and the
council-service synonyms of generator/data/synonyms.yml. The examples are issue 13's."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BIN_DAY, MISSED_BIN = "Find my bin day", "Report a missed bin"


def site_search(served_site, page, words: str) -> list[str]:
    """Titles of the results, best first, for `words` typed into the search page."""
    page.goto(served_site.page("search/"))
    page.locator("#pl-search-q").fill(words)
    page.locator("#pl-search-q").press("Enter")
    page.locator(".pl-search-status").filter(has_text="result").wait_for()
    more = page.get_by_role("button", name="Show more results")
    while more.is_visible():
        shown = page.locator(".pl-search-results li").count()
        more.click()
        expect(page.locator(".pl-search-results li")).not_to_have_count(shown)
    return page.locator(".pl-search-results h3").all_inner_texts()


def catalogue_search(served_site, page, words: str) -> list[str]:
    """Titles of the projects the catalogue's text filter shows for `words`."""
    page.goto(served_site.page("projects/"))
    count = page.locator("#pl-count")
    everything = count.inner_text()
    page.locator("#pl-filters input[name=search]").fill(words)
    expect(count).not_to_have_text(everything)
    expect(count).not_to_have_text("Loading", timeout=10_000)
    return page.locator("#pl-cards > li:not([hidden]) h2").all_inner_texts()


@pytest.mark.parametrize("search", [site_search, catalogue_search])
def test_word_forms_and_synonyms_count(served_site, shared_page, search) -> None:
    page = shared_page()
    # The records say "bin": "bins" finds them, and so does "rubbish" (a synonym).
    for words in ("bins", "rubbish"):
        titles = search(served_site, page, words)
        assert BIN_DAY in titles and MISSED_BIN in titles, (words, titles)
    # Both are in the Waste and recycling area, though neither says "waste".
    titles = search(served_site, page, "waste")
    assert BIN_DAY in titles and MISSED_BIN in titles, titles
    assert page.watch.take() == []


def test_a_council_finds_every_project_it_is_part_of(served_site, shared_page) -> None:
    page = shared_page()
    in_catalogue = catalogue_search(served_site, page, "Hackney")
    page.goto(served_site.page("projects/?council=hackney"))
    by_filter = page.locator("#pl-cards > li:not([hidden]) h2").all_inner_texts()
    assert len(by_filter) == 3
    assert sorted(in_catalogue) == sorted(by_filter)
    site = site_search(served_site, page, "Hackney projects")
    assert sorted(site) == sorted(by_filter)
    assert page.watch.take() == []


def test_the_project_ranks_above_the_command_reference(served_site, shared_page) -> None:
    page = shared_page()
    titles = site_search(served_site, page, "missed bin")
    assert titles[0] == MISSED_BIN, titles
    if "Command reference" in titles:
        assert titles.index("Command reference") > titles.index(MISSED_BIN)


def test_guides_and_list_pages_are_found(served_site, shared_page) -> None:
    page = shared_page()
    assert "Reusable services" in site_search(served_site, page, "reusable services")
    assert "Command reference" in site_search(served_site, page, "pipeline validate")


def test_no_results_suggests_what_to_try(served_site, shared_page) -> None:
    page = shared_page()
    assert site_search(served_site, page, "zzxqv") == []
    expect(page.locator(".pl-search-status")).to_have_text("No results for “zzxqv”.")
    help = page.locator(".pl-search-help")
    expect(help).to_be_visible()
    expect(help.get_by_role("link", name="all projects")).to_be_visible()


def test_results_are_links_reached_by_keyboard(served_site, shared_page) -> None:
    page = shared_page()
    titles = site_search(served_site, page, "bins")
    assert titles, "the search found nothing to reach"
    first = page.locator(".pl-search-results li a").first
    first_href = first.evaluate("(a) => a.href")
    page.locator("#pl-search-q").focus()
    for _ in range(12):  # through the filters to the first result
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.pl-search-results') !== null"):
            break
    # The first result's own link has focus: not a filter, not some other link on the page.
    assert page.evaluate("document.activeElement.closest('.pl-search-results') !== null")
    assert page.evaluate("document.activeElement.tagName") == "A"
    assert page.evaluate("document.activeElement.href") == first_href
    page.keyboard.press("Enter")
    page.wait_for_url(first_href)
    assert page.locator("h1").first.inner_text() == titles[0]
    assert page.watch.take() == []
