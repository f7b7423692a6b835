"""Fixtures for the browser tests: one Chromium per session, the example site built once and
served on 127.0.0.1, and pages that record what went wrong on them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser import tools
from tests.browser.built_site import build_site
from tests.browser.serving import HEADER_ONLY, Served, declared_policy, serve
from tests.conftest import catalogue_root

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    # Say it once, plainly, at the end of `make test` as well as in pytest's skip list.
    if not tools.chromium_available() and not tools.browser_required():
        terminalreporter.write_line(f"NOTE: {tools.NO_CHROMIUM}.", yellow=True, bold=True)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    """The system Chromium, driven by Playwright (never Playwright's own browser download)."""
    if not tools.chromium_available():
        tools.missing(tools.NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(tools.CHROMIUM), args=tools.CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site (its records are the examples), built once per session."""
    return build_site(catalogue_root(), tmp_path_factory.mktemp("example") / "site")


def serving_policy(site: Path) -> str:
    """The policy the site declares, plus what only a header can say."""
    declared = declared_policy((site / "index.html").read_text(encoding="utf-8"))
    return f"{declared}; {HEADER_ONLY}" if declared else ""


def site_path(root: Path) -> str:
    """The path of the site on its host, from `site_url` in mkdocs.yml ("/pipeline/")."""
    match = re.search(r"^site_url:\s*(\S+)", (root / "mkdocs.yml").read_text(), re.MULTILINE)
    path = urlsplit(match.group(1)).path if match else "/"
    return path if path.endswith("/") else path + "/"


@pytest.fixture(scope="session")
def served_site(example_site: Path) -> Iterator[Served]:
    with serve(example_site, serving_policy(example_site), site_path(catalogue_root())) as served:
        yield served


def _open_page(chromium, viewport: str, javascript: bool, bypass_csp: bool):
    from tests.browser.watching import PageWatch

    context = chromium.new_context(
        viewport=VIEWPORTS[viewport],
        # A phone as it is: a touch screen, no hover, which changes what Material does.
        is_mobile=viewport == "phone",
        has_touch=viewport == "phone",
        java_script_enabled=javascript,
        bypass_csp=bypass_csp,
        service_workers="block",
    )
    page = context.new_page()
    page.watch = PageWatch(page)
    return page


@pytest.fixture
def new_page(chromium) -> Iterator[Callable[..., object]]:
    """Open a page in a fresh context: `new_page("phone", javascript=False, bypass_csp=True)`.
    Each page carries a `PageWatch` as `page.watch`."""
    pages = []

    def open_page(viewport: str = "desktop", *, javascript: bool = True, bypass_csp: bool = False):
        pages.append(_open_page(chromium, viewport, javascript, bypass_csp))
        return pages[-1]

    yield open_page
    for page in pages:
        page.context.close()


@pytest.fixture(scope="session")
def shared_page(chromium) -> Iterator[Callable[..., object]]:
    """Like `new_page`, but one page per kind for the whole session, with its watch emptied:
    for tests that only load pages and look, where a fresh context each time costs seconds."""
    pages: dict[tuple[str, bool, bool], object] = {}

    def get_page(viewport: str = "desktop", *, javascript: bool = True, bypass_csp: bool = False):
        key = (viewport, javascript, bypass_csp)
        if key not in pages:
            pages[key] = _open_page(chromium, *key)
        page = pages[key]
        page.watch.take()
        page.watch.dialogs.clear()
        return page

    yield get_page
    for page in pages.values():
        page.context.close()
