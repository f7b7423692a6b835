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


class Indexing:
    """A Pagefind run under way: it indexes while the build goes on writing pages."""

    def __init__(self, documents: Sequence[SearchDocument], site: Path) -> None:
        self.out = site / INDEX_FOLDER
        self._scratch = tempfile.TemporaryDirectory(prefix="pipeline-search-")
        _write_documents(documents, Path(self._scratch.name))
        command = [str(pagefind_binary()), "--site", self._scratch.name]
        command += ["--output-path", str(self.out), "--force-language", "en", "--silent"]
        for selector in EXCLUDED:
            command += ["--exclude-selectors", selector]
        try:
            self._process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
        except OSError as exc:
            self._scratch.cleanup()
            raise SearchIndexFailed(f"Pagefind could not index the site: {exc}") from None

    def finish(self, timeout: float = TIMEOUT_SECONDS) -> Path:
        """Wait for the index; raise SearchIndexFailed if Pagefind failed or took too long."""
        try:
            stdout, stderr = self._process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.cancel()
            raise SearchIndexFailed("Pagefind could not index the site in time.") from None
        finally:
            self._scratch.cleanup()
        if self._process.returncode != 0:
            said = (stderr or stdout).strip().splitlines()[-5:]
            raise SearchIndexFailed("Pagefind could not index the site: " + " ".join(said))
        for name in UNUSED:
            (self.out / name).unlink(missing_ok=True)
        return self.out

    @property
    def done(self) -> bool:
        return self._process.poll() is not None

    def cancel(self) -> None:
        """Stop Pagefind (a newer rebuild of `mkdocs serve` replaces this index)."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.communicate()
        self._scratch.cleanup()


def write_index(documents: Sequence[SearchDocument], site: Path) -> Path:
    """Index `documents` into `site`/pagefind/ (URLs from the site's root); return that folder."""
    return Indexing(documents, site).finish()


def _write_documents(documents: Sequence[SearchDocument], folder: Path) -> None:
    made: set[Path] = set()
    for document in documents:
        where = folder / document.url
        if where not in made:
            where.mkdir(parents=True, exist_ok=True)
            made.add(where)
        (where / "index.html").write_text(document.html, encoding="utf-8")
