"""What residents and officers tripped over in the walk through the site (issue 29): each
council's own service address, the catalogue and search without and with JavaScript, feeds
opened in a browser."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import expect

from tests.conftest import CATALOGUE

pytestmark = pytest.mark.browser


def _phases() -> dict[str, str]:
    """Project id -> phase, from the fixture records."""
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))["phase"]
        for path in (CATALOGUE / "projects").glob("*.yml")
    }


def test_each_council_running_a_service_sends_residents_to_its_own_page(
    served_site, shared_page
) -> None:
    page = shared_page("phone")
    page.goto(served_site.page("projects/find-my-bin-day/"))
    section = page.locator("section.pl-where")
    expect(section.get_by_role("heading", name="Use it where you live")).to_be_visible()
    links = section.get_by_role("link").evaluate_all(
        "(links) => links.map((a) => [a.innerText, a.getAttribute('href')])"
    )
    # The lead council's address, then each partner's and adopter's own: nobody is sent to Leeds.
    assert links == [
        ["Find my bin day in Leeds", "https://www.leeds.gov.uk/bins"],
        ["Find my bin day in Cardiff", "https://www.cardiff.gov.uk/bin-days"],
        ["Find my bin day in Kirklees", "https://www.kirklees.gov.uk/bin-days"],
    ]
    # A project still in alpha says plainly that residents cannot use it yet.
    page.goto(served_site.page("projects/book-a-bulky-waste-collection/"))
    expect(page.locator("section.pl-where")).to_contain_text("Not yet")
    expect(page.locator("section.pl-where").get_by_role("link")).to_have_count(0)
    assert page.watch.take() == []


def test_catalogue_without_javascript_offers_plain_lists_that_work(
    served_site, shared_page
) -> None:
    page = shared_page("phone", javascript=False)
    page.goto(served_site.page("projects/"))
    # The filters need the script: without it they are not offered at all.
    expect(page.locator("#pl-filters-box")).to_be_hidden()
    # (Playwright turns script off after parsing, so a <noscript> stays text here: read it.)
    assert "Filtering and sorting need JavaScript" in page.locator("noscript").first.inner_html()
    expect(page.locator(".pl-key")).to_contain_text("Alpha: trying out prototypes")
    lists = page.get_by_role("navigation", name="Browse projects as plain lists")
    lists.get_by_role("link", name="Beta", exact=True).click()
    expect(page.locator("h1")).to_have_text("Beta projects")
    shown = page.locator(".pl-cards > li h2 a").evaluate_all(
        "(links) => links.map((a) => a.getAttribute('href').replace(/\\/$/, '').split('/').pop())"
    )
    assert sorted(shown) == sorted(p for p, phase in _phases().items() if phase == "beta")
    # By service area, too.
    page.get_by_role("navigation", name="Browse projects as plain lists").get_by_role(
        "link", name="Waste and recycling"
    ).click()
    expect(page.locator("h1")).to_have_text("Waste and recycling: projects")
    expect(page.locator(".pl-cards > li").first).to_be_visible()
    assert page.watch.take() == []


def test_search_shows_the_council_it_read_from_the_words_and_lets_it_go(
    served_site, shared_page
) -> None:
    page = shared_page("phone")
    page.goto(served_site.page("search/"))
    # On a phone the filters are folded away, so the results are in sight.
    expect(page.locator(".pl-search-filterbox select").first).to_be_hidden()
    page.locator("#pl-search-q").fill("Hackney projects")
    page.locator("#pl-search-q").press("Enter")
    status = page.locator(".pl-search-status")
    expect(status).to_contain_text("result")
    active = page.locator(".pl-search-active")
    expect(active).to_be_visible()
    expect(active).to_contain_text("Council: Hackney")
    filtered = status.inner_text()
    active.get_by_role("button", name="Remove filter Council: Hackney").click()
    expect(active).not_to_contain_text("Council: Hackney")
    expect(status).not_to_have_text(filtered)
    expect(status).to_contain_text("result")
    assert page.watch.take() == []


def test_search_results_put_records_first_grouped_by_kind(served_site, shared_page) -> None:
    page = shared_page()
    page.goto(served_site.page("search/?q=missed+bin"))
    expect(page.locator(".pl-search-status")).to_contain_text("result")
    groups = page.locator(".pl-search-results h2").all_inner_texts()
    kinds = [g.split(" (")[0] for g in groups]
    assert kinds[0] == "Projects", groups
    if "Guides" in kinds:
        assert kinds[-1] == "Guides", groups
    assert page.watch.take() == []


def test_a_feed_opened_in_a_browser_reads_as_a_page(served_site, shared_page) -> None:
    page = shared_page("phone")
    page.goto(served_site.page("feeds/project-find-my-bin-day.xml"))
    expect(page.locator("h1")).to_have_text("Find my bin day - Pipeline")
    expect(page.get_by_text("This is a feed.")).to_be_visible()
    expect(page.locator(".address")).to_have_text(
        "https://localgovdigital.github.io/pipeline/feeds/project-find-my-bin-day.xml"
    )
    first = page.locator("ol > li a").first
    expect(first).to_be_visible()
    assert "find-my-bin-day" in (first.get_attribute("href") or "")


def test_dashboard_tables_fold_under_their_charts_with_a_jump_list(
    served_site, shared_page
) -> None:
    page = shared_page("phone")
    page.goto(served_site.page("dashboard/"))
    folded = page.locator(".pl-dashboard__figure > details.pl-dashboard__table")
    assert folded.count() >= 5
    first = folded.first
    expect(first.locator("table")).to_be_hidden()
    first.locator("summary").click()
    expect(first.locator("table")).to_be_visible()
    # The jump list reaches every section from the top of the page.
    jumps = page.locator("article ul").first.get_by_role("link")
    sections = page.locator("article h2").evaluate_all("(hs) => hs.map((h) => h.id)")
    targets = jumps.evaluate_all("(links) => links.map((a) => a.hash.slice(1))")
    assert targets == sections
    jumps.filter(has_text="Pledges by kind").click()
    assert page.evaluate("location.hash") == "#pledges-by-kind"
    # Folded, the page is a few screens on a phone rather than dozens.
    first.locator("summary").click()
    assert page.evaluate("document.documentElement.scrollHeight") < 9000
    assert page.watch.take() == []


def test_no_link_shows_a_bare_address_as_its_text(served_site) -> None:
    bare = re.compile(r'<a [^>]*href="https?://[^"]+"[^>]*>\s*(?:https?://|www\.)[^<]*</a>')
    found = {
        str(path.relative_to(served_site.root)): bare.findall(path.read_text(encoding="utf-8"))
        for path in served_site.root.rglob("*.html")
    }
    assert {page: links for page, links in found.items() if links} == {}
