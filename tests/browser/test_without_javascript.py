"""Without JavaScript the catalogue still lists every project with working links, and every
page is readable: the filters are an extra, never a gate."""

from __future__ import annotations

import pytest

from tests.browser.pages import PAGE_TYPES, sample_pages
from tests.conftest import CATALOGUE

pytestmark = pytest.mark.browser

CARD_LINKS = "#pl-cards > li h2 a"

# What a reader without JavaScript misses on a page, or null when it reads fine. Only the
# catalogue's filters (useless without their script) and its "no matches" note may be hidden.
UNREADABLE = """() => {
  const scripted = "#pl-filters-box, #pl-filters, #pl-empty, .pl-search-form, .pl-search-active";
  // The theme's pages hold their content in an article; the report and embed documents,
  // outside the theme, in <main>.
  const content =
    document.querySelector("article.md-content__inner") || document.querySelector("body > main");
  if (!content) return "no main content";
  const heading = content.querySelector("h1");
  if (!heading || !heading.checkVisibility()) return "no visible heading";
  if (content.innerText.trim().length <= heading.innerText.trim().length + 20) {
    return `nothing but a heading: ${content.innerText.trim()}`;
  }
  const hidden = [...content.querySelectorAll("[hidden]")]
    .filter((element) => !element.closest(scripted))
    .map((element) => element.outerHTML.slice(0, 80));
  return hidden.length ? `hidden without JavaScript: ${hidden}` : null;
}"""


def test_catalogue_lists_every_project_with_working_links(served_site, shared_page) -> None:
    page = shared_page(javascript=False)
    page.goto(served_site.page(PAGE_TYPES["catalogue"]))
    projects = sorted(path.stem for path in (CATALOGUE / "projects").glob("*.yml"))
    links = page.locator(CARD_LINKS)
    assert links.count() == len(projects)
    targets = links.evaluate_all("(links) => links.map((a) => [a.innerText, a.href])")
    assert all(link.is_visible() for link in links.all()), "cards hidden without JavaScript"
    assert sorted(href.rstrip("/").rsplit("/", 1)[-1] for _, href in targets) == projects
    for title, href in targets:
        response = page.goto(href)
        assert response is not None and response.ok, href
        assert page.locator("h1").first.inner_text() == title, href
    assert page.watch.take() == []


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_every_page_is_readable(served_site, shared_page, viewport: str) -> None:
    page = shared_page(viewport, javascript=False)
    unreadable = {}
    for path in sample_pages(served_site.root):
        response = page.goto(served_site.page(path))
        assert response is not None and response.ok, path
        if problem := page.evaluate(UNREADABLE):
            unreadable[path or "/"] = problem
    assert not unreadable, unreadable
    assert page.watch.take() == []
