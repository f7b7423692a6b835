"""Write the Pagefind index of a built site from search documents (pages/search_documents.py).

Pagefind (PyPI `pagefind[bin]`) runs its Rust indexer as a helper process; the documents go to it
over a pipe, so nothing is read back from disk and only the documents are parsed, not every page.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from generator.pages.model import SearchDocument

INDEX_FOLDER = "pagefind"
# Sent to the indexer this many at a time: fewer round trips, bounded memory.
BATCH = 200
# Inside a page's article, what a search should not find or show in an excerpt.
EXCLUDED = (".md-content__button", ".headerlink", ".pl-pager", "nav", "form", "script")


# Pagefind's ready-made interfaces, which the site does not use (search.js uses pagefind.js).
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexFailed(Exception):
    """Pagefind could not index the site; the message says why."""


def write_index(documents: Sequence[SearchDocument], site: Path) -> Path:
    """Index `documents` into `site`/pagefind/ (URLs from the site's root) and return that
    folder."""
    out = site / INDEX_FOLDER
    try:
        asyncio.run(_write(documents, out))
    except (OSError, AssertionError, RuntimeError) as exc:
        raise SearchIndexFailed(f"Pagefind could not write the search index: {exc}") from None
    for name in UNUSED:
        (out / name).unlink(missing_ok=True)
    return out


async def _write(documents: Sequence[SearchDocument], out: Path) -> None:
    from pagefind.index import PagefindIndex  # the indexer starts only when a site is built

    # Written to output_path when the block ends without an error.
    config = {"force_language": "en", "exclude_selectors": list(EXCLUDED), "output_path": str(out)}
    async with PagefindIndex(config=config) as index:  # type: ignore[arg-type]
        for start in range(0, len(documents), BATCH):
            batch = documents[start : start + BATCH]
            await asyncio.gather(
                *(index.add_html_file(url=f"/{d.url}", content=d.html) for d in batch)
            )
