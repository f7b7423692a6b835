"""The repository's own records, the real and sparse ones the site launches with, built once
for this module: axe's WCAG 2.2 AA rules at zero violations at phone and desktop widths, and
every internal link working, on each kind of page the real records make."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.browser import tools
from tests.browser.built_site import build_site
from tests.browser.conftest import VIEWPORTS, serving_policy, site_path
from tests.browser.serving import Served, serve
from tests.browser.test_accessibility import RUN_AXE, WCAG_TAGS, describe
from tests.conftest import PROJECT_ROOT
from tests.site_helpers import broken_links, site_repository

pytestmark = pytest.mark.browser

# One page of each kind the real records make, by path from the site's root.
REAL_PAGES = {
    "home": "",
    "funded-project": "projects/localgov-drupal/",  # three funded phases, abolished lead
    "phase-not-known": "projects/mesh-network-internet-access/",
    "abolished-council": "councils/cumbria/",
    "outside-uk-body": "councils/tipperary/",
    "councils": "councils/",
    "review": "review/",
}


@pytest.fixture(scope="module")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("real")
    # Today, as the published site is built: the real records were read on real dates.
    return build_site(site_repository(folder / "repo", PROJECT_ROOT), folder / "site", date.today())


@pytest.fixture(scope="module")
def served_real_site(real_site: Path) -> Iterator[Served]:
    with serve(real_site, serving_policy(real_site), site_path(PROJECT_ROOT)) as served:
        yield served


def test_the_real_pages_exist(real_site: Path) -> None:
    for path in REAL_PAGES.values():
        assert (real_site / path / "index.html").is_file(), path


def test_internal_links_work_on_the_real_pages(real_site: Path) -> None:
    pages = [real_site / path / "index.html" for path in REAL_PAGES.values()]
    broken = broken_links(real_site, pages)
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("page_type", REAL_PAGES)
def test_no_axe_violations_on_real_pages(
    served_real_site, shared_page, page_type: str, viewport: str
) -> None:
    if not tools.AXE.is_file():
        tools.missing(tools.NO_NODE_TOOLS)
    page = shared_page(viewport, bypass_csp=True)  # injecting axe needs the CSP bypassed
    page.goto(served_real_site.page(REAL_PAGES[page_type]), wait_until="load")
    page.add_script_tag(path=str(tools.AXE))
    violations = page.evaluate(RUN_AXE, WCAG_TAGS)
    assert not violations, f"real {page_type} at {viewport} width:\n{describe(violations)}"
