"""Material's navigation blocks are rendered once per folder of record pages and reused; the
site is the same, byte for byte, as when every page renders them itself."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.mkdocs_plugin import plugin, theme_blocks, theme_share
from tests.site_helpers import different_files, mkdocs_build, site_repository


def test_reused_blocks_give_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIPELINE_TODAY", "2026-11-22")
    monkeypatch.setattr(theme_share, "WORTH_IT_FROM", 10**9)  # every page in this process
    repo = site_repository(tmp_path / "repo")
    monkeypatch.setattr(plugin, "share_blocks", lambda env, shared: None)
    mkdocs_build(repo, tmp_path / "in-full")
    monkeypatch.undo()
    monkeypatch.setenv("PIPELINE_TODAY", "2026-11-22")
    monkeypatch.setattr(theme_share, "WORTH_IT_FROM", 10**9)
    made: list[theme_blocks.SharedBlocks] = []
    monkeypatch.setattr(
        plugin, "SharedBlocks", lambda nav: made.append(theme_blocks.SharedBlocks(nav)) or made[-1]
    )
    mkdocs_build(repo, tmp_path / "reused")
    assert made and made[0].reused > 5 * 20  # several blocks, dozens of record pages
    assert different_files(tmp_path / "in-full", tmp_path / "reused") == []


def _page(url: str, config: object, **meta: object) -> Page:
    file = File(url + "index.md", "/docs", "/site", use_directory_urls=True)
    page = Page(None, file, config)  # type: ignore[arg-type]
    page.toc, page.meta = get_toc([]), dict(meta)
    return page


@pytest.fixture
def shared() -> tuple[theme_blocks.SharedBlocks, object, Page]:
    config = load_config(config_file=str(Path(__file__).parents[2] / "mkdocs.yml"))
    section_page, fields = _page("projects/", config), _page("contribute/fields/", config)
    items = [Section("Projects", [section_page]), fields]
    nav = SimpleNamespace(pages=[section_page, fields], items=items)
    return theme_blocks.SharedBlocks(nav), config, section_page  # type: ignore[arg-type]


def test_what_a_block_depends_on(shared: tuple[theme_blocks.SharedBlocks, object, Page]) -> None:
    blocks, config, section_page = shared

    def key(page: Page) -> tuple[str, str, str] | None:
        return blocks.key("site_nav", {"page": page})

    first, second = _page("projects/a/", config), _page("projects/b/", config)
    assert key(first) == key(second) == ("site_nav", "projects/", "None", "")
    assert key(_page("councils/a/", config)) != key(first)  # links start from another folder
    assert key(_page("projects/a/", config, hide=["toc"])) != key(first)
    assert key(section_page) is None  # in the navigation: its entry is marked as current
    with_headings = _page("projects/c/", config)
    with_headings.toc = get_toc([{"level": 2, "id": "x", "name": "X", "children": []}])
    assert key(with_headings) is None
    assert key(_page("contribute/", config)) is None  # an entry inside its folder links to ./
    assert blocks.key("site_nav", {"page": None}) is None  # a theme template such as 404.html
