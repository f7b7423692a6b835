"""Write the Pagefind index of a built site from search documents (pages/search_documents.py).

The documents are written as small HTML files to a scratch folder, one per search result at its
site path, and Pagefind's indexer (the binary of PyPI `pagefind[bin]`) reads that folder in one
run. Only these documents are parsed, not every built page. (Pagefind's Python API sends one
document per message and waits a tenth of a second per answer: 1,400 documents took 150 s.)
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from generator.pages.model import SearchDocument

INDEX_FOLDER = "pagefind"
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
# Far above what 10,000 projects take; a stuck indexer must not hang a build for ever.
TIMEOUT_SECONDS = 1800


class SearchIndexFailed(Exception):
    """Pagefind could not index the site; the message says why."""


def pagefind_binary() -> Path:
    from pagefind.service import get_executable  # imported only when a site is built

    binary = get_executable()
    if binary is None:
        raise SearchIndexFailed("Pagefind is not installed: pip install 'pagefind[bin]'.")
    return binary


def write_index(documents: Sequence[SearchDocument], site: Path) -> Path:
    """Index `documents` into `site`/pagefind/ (URLs from the site's root); return that folder."""
    out = site / INDEX_FOLDER
    with tempfile.TemporaryDirectory(prefix="pipeline-search-") as scratch:
        _write_documents(documents, Path(scratch))
        command = [str(pagefind_binary()), "--site", scratch, "--output-path", str(out)]
        command += ["--force-language", "en", "--silent"]
        for selector in EXCLUDED:
            command += ["--exclude-selectors", selector]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SearchIndexFailed(f"Pagefind could not index the site: {exc}") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()[-5:]
        raise SearchIndexFailed("Pagefind could not index the site: " + " ".join(said))
    for name in UNUSED:
        (out / name).unlink(missing_ok=True)
    return out


def _write_documents(documents: Sequence[SearchDocument], folder: Path) -> None:
    made: set[Path] = set()
    for document in documents:
        where = folder / document.url
        if where not in made:
            where.mkdir(parents=True, exist_ok=True)
            made.add(where)
        (where / "index.html").write_text(document.html, encoding="utf-8")
