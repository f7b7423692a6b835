"""Material's navigation rendered once per folder of pages, not once per page.

Material writes the whole site navigation (the tabs and the sidebar), its footer, styles and
script settings into every page: over half the time its templates take for a record page.
For a page that is not in the navigation and has no table of contents, as every record page,
that HTML depends on nothing of the page but where its links start from (the folder it sits
in), which parts its front matter hides and which section shows as current. So those blocks
are rendered for the first such page of a folder and reused, word for word, for its other
pages. Every other page (a section
page in the navigation, a page with headings) is rendered in full.

Only the blocks of Material's base.html are wrapped, in the compiled template; no template is
changed, so ProperDocs and Zensical read them as they are. The blocks take in the site's
partials (source.html, in the sidebar): tests/acceptance/test_theme_blocks.py builds a site
with and without this and requires every page to be the same, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import Environment
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page

# (Each was read for what it uses of the page: links, `page.meta.hide`, the table of contents,
# and previous and next pages, which only pages in the navigation have.)
BLOCKS = ("styles", "libs", "fonts", "tabs", "site_nav", "footer", "config", "scripts")
BASE_TEMPLATE = "base.html"
THEME_FILES = "assets/"  # the theme's own files (scripts, styles, logo) that the blocks link to

Block = Callable[..., Iterator[str]]


class SharedBlocks:
    """The rendered blocks of one build, by the folder and hidden parts they depend on."""

    def __init__(self, nav: Navigation) -> None:
        self._nav_pages = list(nav.pages)
        self._in_nav = {id(page) for page in self._nav_pages}
        self._targets = _addresses(nav.items)
        self._rendered: dict[tuple[str, str, str, str], str] = {}
        self.reused = 0

    def key(self, block: str, context: Any) -> tuple[str, str, str, str] | None:
        """What the block's HTML depends on for this page; None when it must be rendered."""
        page = context.get("page")
        if not isinstance(page, Page) or id(page) in self._in_nav or page.toc:
            return None
        url = page.url
        if not url.endswith("/") or url.startswith(THEME_FILES):
            return None
        # A link from a/b/page/ to anything outside a/b/page/ is the same from a/b/other/.
        if any(target.startswith(url) for target in self._targets):
            return None
        folder = url[: url.rstrip("/").rfind("/") + 1]
        current = " ".join(p.url for p in self._nav_pages if p.active)  # the section shown
        return (block, folder, repr(page.meta.get("hide")), current)

    def render(self, block: str, original: Block, context: Any) -> Iterator[str]:
        key = self.key(block, context)
        if key is None:
            yield from original(context)
            return
        html = self._rendered.get(key)
        if html is None:
            html = self._rendered[key] = "".join(original(context))
        else:
            self.reused += 1
        yield html


def share_blocks(env: Environment, shared: SharedBlocks) -> None:
    """Route the blocks of the theme's base.html through `shared`, for this build (a later
    call replaces it). Should Jinja load base.html afresh, its pages are rendered in full."""
    template = env.get_template(BASE_TEMPLATE)
    originals: dict[str, Block] = template.__dict__.setdefault("_pipeline_originals", {})
    for block in BLOCKS:
        if block in template.blocks:
            original = originals.setdefault(block, template.blocks[block])
            template.blocks[block] = _through(shared, block, original)


def _through(shared: SharedBlocks, block: str, original: Block) -> Block:
    def render(context: Any) -> Iterator[str]:
        return shared.render(block, original, context)

    return render


def _addresses(items: list[Page | Section | Link]) -> set[str]:
    """Every address the navigation links to (pages and links, in every section)."""
    found: set[str] = set()
    for item in items:
        if isinstance(item, Section):
            found |= _addresses(item.children)
        elif item.url is not None:
            found.add(item.url)
    return found
