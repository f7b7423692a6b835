"""The MkDocs page of a generated page whose body is HTML already."""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class HtmlPage(Page):
    """A generated page whose body is HTML already: Markdown would pass it through unchanged,
    after setting up every extension of mkdocs.yml for it (a third of a page's build time)."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content, self.toc = "", get_toc([])  # the body comes in on_page_content

    def _set_canonical_url(self, base: str | None) -> None:
        """MkDocs' own, without `urljoin` for the plain addresses of generated pages (a second
        for 10,000 of them): joining `projects/x/` to a base ending in `/` is appending it."""
        if not base or not _PLAIN_PATH.fullmatch(self.url) or not _PLAIN_BASE.fullmatch(base):
            super()._set_canonical_url(base)
            return
        base = base if base.endswith("/") else base + "/"
        self.canonical_url = base + self.url
        self.abs_url = _path_of(base) + self.url


# Folder addresses of letters, digits, `-` and `_` (no dot segments, query or fragment), and an
# absolute base without a query or fragment: the cases where urljoin(base, url) is base + url.
_PLAIN_PATH = re.compile(r"(?:[A-Za-z0-9_-]+/)*")
_PLAIN_BASE = re.compile(r"https?://[A-Za-z0-9.:-]+(?:/[A-Za-z0-9_~-]+)*/?")


@functools.lru_cache(maxsize=8)
def _path_of(base: str) -> str:
    return urlsplit(base).path
