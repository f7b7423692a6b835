"""What a reader downloads for search: on a page view, and for a first search.

The built site is served on 127.0.0.1 and opened in Chromium (Playwright, the system
/usr/bin/chromium), as a reader would: the home page and a project page, then the search page,
where two words are typed and the first results shown. Every response is counted at its
transfer size: gzip for text (as GitHub Pages serves it), as-is for Pagefind's own files, which
are compressed already. The baseline is Material's search, which loads its whole index
(search/search_index.json) on the first page view.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.measure import gzip_size

CHROMIUM = Path("/usr/bin/chromium")
WORDS = "bin collection"
COMPRESSED = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")


def browser_available() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return CHROMIUM.exists()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _serve(site: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _transfer(url: str, body: bytes) -> int:
    return len(body) if url.endswith(COMPRESSED) else gzip_size(body)


def _is_search(url: str) -> bool:
    return "/pagefind/" in url or url.endswith(("/search.js", "search_index.json"))


def measure_search(site: Path, project_page: str) -> dict[str, Any]:
    """Search bytes on a page view (home and a project page) and for one first search."""
    from playwright.sync_api import sync_playwright

    with _serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        page = browser.new_page()
        loaded: list[tuple[str, int]] = []

        def counted(response: Any) -> None:
            with contextlib.suppress(Exception):  # redirects and aborted requests have no body
                loaded.append((response.url, _transfer(response.url, response.body())))

        page.on("response", counted)
        for path in ("", project_page):
            page.goto(base + path, wait_until="networkidle")
        page_view = sum(size for url, size in loaded if _is_search(url))
        loaded.clear()
        page.goto(base + "search/", wait_until="networkidle")
        page.fill("#pl-search-q", WORDS)
        page.press("#pl-search-q", "Enter")
        page.locator(".pl-search-results > li").first.wait_for(timeout=120_000)
        page.wait_for_load_state("networkidle")
        first_search = sum(size for url, size in loaded if _is_search(url))
        results = page.locator(".pl-search-results > li").count()
        browser.close()
    return {
        "page_view_bytes": page_view,
        "first_search_bytes": first_search,
        "results_shown": results,
        "words": WORDS,
    }
