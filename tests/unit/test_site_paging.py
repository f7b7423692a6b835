"""Long lists are split over pages that link to each other, and every link still resolves."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.synthetic import write_catalogue
from generator.cli import cli
from generator.pages import projects, sections
from tests.site_helpers import broken_links, site_repository


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic catalogue of 60 projects built with small pages, so every list is split."""
    records = write_catalogue(tmp_path_factory.mktemp("records"), 60, councils=12).root
    repo = site_repository(tmp_path_factory.mktemp("paged") / "repo", records)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(projects, "CATALOGUE_PAGE_SIZE", 20)
        patch.setattr(sections, "SERVICES_PAGE_SIZE", 7)
        patch.setattr(sections, "CHALLENGES_PAGE_SIZE", 1)
        patch.setattr(sections, "REVIEW_PAGE_SIZE", 9)
        with contextlib.chdir(repo):
            result = CliRunner().invoke(cli, ["build", "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    return repo / "site"


def test_lists_are_split_into_linked_pages(paged_site: Path) -> None:
    for section in ("projects", "services", "challenges", "review"):
        first = (paged_site / section / "index.html").read_text(encoding="utf-8")
        assert 'rel="next"' in first and 'aria-current="page"' in first, section
        assert (paged_site / section / "page/2/index.html").is_file(), section
    third = (paged_site / "projects/page/3/index.html").read_text(encoding="utf-8")
    assert "Projects 41 to 60 of 60" in third and 'rel="next"' not in third


def test_service_areas_link_to_the_page_where_they_start(paged_site: Path) -> None:
    pages = sorted((paged_site / "services").rglob("index.html"))
    starts = {}
    for page in pages:
        for area in re.findall(r'<h2 id="area-([a-z-]+)"', page.read_text(encoding="utf-8")):
            assert area not in starts, f"{area} starts twice"
            starts[area] = page
    continued = [p for p in pages if ", continued</h2>" in p.read_text(encoding="utf-8")]
    assert starts and continued


def test_every_link_and_anchor_on_split_lists_resolves(paged_site: Path) -> None:
    pages = [
        page
        for section in ("projects", "services", "challenges", "review")
        for page in sorted((paged_site / section).glob("**/index.html"))
        # a project's own page is covered by the example site's link walk
        if not (page.parent.parent.name == "projects" and page.parent.name != "page")
    ]
    broken = broken_links(paged_site, pages)
    assert not broken, "\n".join(broken)
