"""The site's page types and where the example site has one of each."""

from __future__ import annotations

from pathlib import Path

# One page of each type in the example site, by path from the site's root.
PAGE_TYPES: dict[str, str] = {
    "home": "",
    "catalogue": "projects/",
    "catalogue-filtered": "projects/?q=council&phase=beta&area=waste-and-recycling&sort=title",
    "project": "projects/report-a-missed-bin/",
    "reusable-services": "services/",
    "challenges": "challenges/",
    "maker-days": "makerdays/",
    "maker-day": "makerdays/local-democracy-maker-day/",
    "councils": "councils/",
    "council": "councils/west-berkshire/",
    "contribute": "contribute/",
    "field-reference": "contribute/fields/",
    "data-and-api": "api/",
    "review": "review/",
    "accessibility-statement": "accessibility/",
    "not-found": "404.html",
}

# Pictured at both widths by the tests, for a reviewer: test-artifacts/screenshots/.
SCREENSHOT_PAGES = ("home", "catalogue", "project")


def html_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as paths from its root ("" for the home page)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        pages.append(relative.removesuffix("index.html"))
    return pages
