"""Write the Pagefind index of a built site from search documents (pages/search_documents.py).

The documents are written as small HTML files to a scratch folder, one per search result at its
site path, and Pagefind's indexer (the binary of PyPI `pagefind[bin]`) reads that folder in one
run. Only these documents are parsed, not every built page. (Pagefind's Python API sends one
document per message and waits a tenth of a second per answer: 1,400 documents took 150 s.)
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
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
# Memory-backed, where the system has it: on a disk, thousands of small files cost a
# millisecond each to create (2.5 s of a 1,000-project build's 8 s), in memory a few
# microseconds. Used only with room to spare, else the usual temporary folder.
MEMORY_FOLDER = Path("/dev/shm")
MEMORY_HEADROOM = 4  # times the documents' size that must be free there
SERVE_ROOM = 1 << 30  # bytes free there for `mkdocs serve`, whose documents are not known yet
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


class DocumentFolder:
    """The scratch folder Pagefind reads: one small HTML file per document at its site path.

    `mkdocs serve` keeps one between rebuilds and rewrites only the documents that changed;
    a build uses a fresh one. `room` is the bytes it needs: it is in memory if that fits."""

    def __init__(self, room: int = SERVE_ROOM) -> None:
        parent = MEMORY_FOLDER if _free_bytes(MEMORY_FOLDER) >= room else None
        self._temporary = tempfile.TemporaryDirectory(prefix="pipeline-search-", dir=parent)
        self.path = Path(self._temporary.name)
        self._written: dict[str, str] = {}  # url -> html on disk

    def update(self, documents: Sequence[SearchDocument]) -> None:
        wanted = {d.url: d.html for d in documents}
        for url in self._written.keys() - wanted.keys():
            (self.path / url / "index.html").unlink(missing_ok=True)
        made: set[Path] = set()
        for url, html in wanted.items():
            if self._written.get(url) == html:
                continue
            where = self.path / url
            if where not in made:
                where.mkdir(parents=True, exist_ok=True)
                made.add(where)
            (where / "index.html").write_text(html, encoding="utf-8")
        self._written = wanted

    def remove(self) -> None:
        self._temporary.cleanup()


class Indexing:
    """A Pagefind run under way, in a thread of its own: the documents are written and indexed
    while the build goes on writing pages (Pagefind's binary uses the other cores)."""

    def __init__(
        self,
        documents: Sequence[SearchDocument],
        site: Path,
        folder: DocumentFolder | None = None,
    ) -> None:
        self.out = site / INDEX_FOLDER
        room = MEMORY_HEADROOM * sum(len(d.html) + len(d.url) + 200 for d in documents)
        self._folder = folder or DocumentFolder(room)
        self._owns_folder = folder is None
        self._documents = list(documents)
        self._binary = pagefind_binary()
        self._process: subprocess.Popen[str] | None = None
        self._cancelled = threading.Event()
        self._failure: str | None = None
        self._thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._folder.update(self._documents)
            if self._cancelled.is_set():
                return
            command = [str(self._binary), "--site", str(self._folder.path)]
            command += ["--output-path", str(self.out), "--force-language", "en", "--silent"]
            for selector in EXCLUDED:
                command += ["--exclude-selectors", selector]
            self._process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            stdout, stderr = self._process.communicate(timeout=TIMEOUT_SECONDS)
            if self._process.returncode != 0 and not self._cancelled.is_set():
                said = (stderr or stdout).strip().splitlines()[-5:]
                self._failure = " ".join(said) or f"exit status {self._process.returncode}"
        except subprocess.TimeoutExpired:
            self._stop_process()
            self._failure = f"it took over {TIMEOUT_SECONDS} seconds"
        except OSError as exc:
            self._failure = str(exc)
        finally:
            if self._owns_folder:
                self._folder.remove()

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def finish(self) -> Path:
        """Wait for the index; raise SearchIndexFailed if Pagefind failed or took too long."""
        self._thread.join()
        if self._failure is not None:
            raise SearchIndexFailed(f"Pagefind could not index the site: {self._failure}")
        for name in UNUSED:
            (self.out / name).unlink(missing_ok=True)
        return self.out

    def cancel(self) -> None:
        """Stop (a newer rebuild of `mkdocs serve` writes a newer index)."""
        self._cancelled.set()
        self._stop_process()
        self._thread.join()

    def _stop_process(self) -> None:
        process = self._process
        if process is not None and process.poll() is None:
            process.kill()


def _free_bytes(folder: Path) -> int:
    """Bytes this process may write in `folder` (0 where it is missing or read-only)."""
    try:
        if not os.access(folder, os.W_OK | os.X_OK):
            return 0
        stats = os.statvfs(folder)
    except (OSError, AttributeError):  # (statvfs is POSIX only)
        return 0
    return stats.f_bavail * stats.f_frsize
