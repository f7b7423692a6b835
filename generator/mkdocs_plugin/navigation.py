"""Where a page sits in the site's navigation (mkdocs.yml's `nav`)."""

from __future__ import annotations

from typing import Any

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page


def section_of(page: Page, nav: Navigation) -> Page | None:
    """The page of the navigation whose folder holds `page` (the nearest one; not the home
    page), when `page` itself is not in the navigation."""
    if page.url is None or any(page is entry for entry in nav.pages):
        return None
    holding = [p for p in nav.pages if p.url and p.url.endswith("/") and page.url.startswith(p.url)]
    return max(holding, key=lambda p: len(p.url), default=None)


def nav_titles(nav: list[Any]) -> dict[str, str]:
    """Source path -> the title mkdocs.yml's nav gives it (a page made here keeps that title)."""
    titles: dict[str, str] = {}
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = str(title)
                elif isinstance(value, list):
                    titles.update(nav_titles(value))
    return titles
