"""The site's page types and where the example site has one of each."""

from __future__ import annotations

from pathlib import Path

# One page of each type in the example site, by path from the site's root.
PAGE_TYPES: dict[str, str] = {
    "home": "",
    "catalogue": "projects/",
    "browse-phase": "browse/phase/beta/",
    "catalogue-filtered": "projects/?search=council&phase=beta&area=waste-and-recycling&sort=title",
    "project": "projects/report-a-missed-bin/",
    # A service adopted by two councils, one with the date and what it replaced; budget unknown.
    "adopted-service": "projects/find-a-public-toilet/",
    # Built by three councils sharing the cost, adopted only by a partner building it.
    "shared-project": "projects/housing-repairs-reporting/",
    "savings-method": "about/savings/",
    "reusable-services": "services/",
    "challenges": "challenges/",
    "maker-days": "makerdays/",
    "maker-day": "makerdays/local-democracy-maker-day/",
    "councils": "councils/",
    "council": "councils/west-berkshire/",
    # The council's report, laid out for print, and its list for an <iframe> on its website.
    "council-report": "councils/leeds/report/",
    "council-embed": "councils/leeds/embed/",
    "news": "news/",
    "news-week": "news/2026-11-09/",
    # Older weeks as sections of their month's page; the month's later weeks have their own.
    "news-month": "news/2025-11/",
    "contribute": "contribute/",
    "field-reference": "contribute/fields/",
    "data-and-api": "api/",
    "command-reference": "cli/",
    "launch-guide": "launch/",
    "review": "review/",
    "dashboard": "dashboard/",
    "approvals": "contribute/approvals/",
    "accessibility-statement": "accessibility/",
    "search": "search/",
    "search-results": "search/?q=bins",
    "search-no-results": "search/?q=zzxqv&kind=Project",
    "not-found": "404.html",
}

# Pictured at both widths by the tests, for a reviewer: test-artifacts/screenshots/.
SCREENSHOT_PAGES = (
    "home",
    "catalogue",
    "project",
    "adopted-service",
    "council",
    "council-report",
    "council-embed",
    "dashboard",
    "search-results",
)


RECORD_FOLDERS = ("projects", "councils", "makerdays")
# Folders of many pages made from a few templates, sampled like the record pages: the news has
# a page per recent week, a page per older month and a small page at each older week's address.
SAMPLED_FOLDERS = (*RECORD_FOLDERS, "news")


def html_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as paths from its root ("" for the home page)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages


def sample_pages(site: Path, per_folder: int = 4) -> list[str]:
    """Every page that is not a record's or a week's, the page types, and a few of each folder
    of `SAMPLED_FOLDERS`: they share a few templates, and the suite should not slow down as
    records and weeks are added."""
    kept, counts = [], dict.fromkeys(SAMPLED_FOLDERS, 0)
    for page in shown_pages(site):
        folder, _, rest = page.partition("/")
        if folder in counts and rest and page not in PAGE_TYPES.values():
            counts[folder] += 1
            if counts[folder] > per_folder:
                continue
        kept.append(page)
    return kept


def shown_pages(site: Path) -> list[str]:
    """`html_pages` less the small pages left at old addresses (generator.site.redirects): a
    browser moves on from them at once to the page they name, which is checked itself. Their
    HTML is checked as files (test_content_security_policy)."""
    return [page for page in html_pages(site) if not _moves_on(site / page)]


def _moves_on(page: Path) -> bool:
    html = page / "index.html" if page.is_dir() else page
    return '<meta http-equiv="refresh"' in html.read_text(encoding="utf-8")[:2000]
