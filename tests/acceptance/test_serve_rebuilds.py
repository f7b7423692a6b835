"""`make serve` (mkdocs serve --dirty): after an edit to one record, the rebuild writes the pages
whose content changed and leaves every other page as it was, and search finds the edit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.mkdocs_plugin.plugin import PipelinePlugin
from tests.site_helpers import search_records, site_repository

EDITED = "projects/report-a-missed-bin.yml"
UNRELATED = "projects/street-party-applications/index.html"


def _written(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_mtime_ns for p in site.rglob("*.html")}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PIPELINE_TODAY", "2026-11-22")
    return site_repository(tmp_path / "repo")


def _serve_build(repo: Path, site: Path, first: bool) -> None:
    """One build as `mkdocs serve --dirty` makes it: a fresh config, the same plugin."""
    config = load_config(config_file=str(repo / "mkdocs.yml"), site_dir=str(site))
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    plugin = config.plugins["pipeline"]
    assert isinstance(plugin, PipelinePlugin)
    plugin.wait_for_search()  # serve shows pages first; search follows in the background


def test_an_edit_rewrites_only_the_pages_it_changes(repo: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    config = load_config(config_file=str(repo / "mkdocs.yml"), site_dir=str(site))
    try:
        _serve_build(repo, site, first=True)
        before = _written(site)
        record = repo / EDITED
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace("title: Report a missed bin", "title: Missed bins"))
        os.utime(record)
        _serve_build(repo, site, first=False)
        after = _written(site)
    finally:
        config.plugins.on_shutdown()
    rewritten = {page for page, stamp in after.items() if before.get(page) != stamp}
    page = (site / "projects/report-a-missed-bin/index.html").read_text(encoding="utf-8")
    assert "Missed bins" in page
    assert "projects/report-a-missed-bin/index.html" in rewritten
    assert "projects/index.html" in rewritten  # the catalogue lists it
    assert UNRELATED not in rewritten
    assert len(rewritten) < len(after) / 2, sorted(rewritten)
    titles = {r["meta"]["title"] for r in search_records(site).values()}
    assert "Missed bins" in titles and "Report a missed bin" not in titles


def test_a_plain_build_writes_everything(repo: Path, tmp_path: Path) -> None:
    """Outside `serve --dirty` nothing is remembered: each build is whole."""
    site = tmp_path / "site"
    config = load_config(config_file=str(repo / "mkdocs.yml"), site_dir=str(site))
    build(config)
    first = _written(site)
    build(load_config(config_file=str(repo / "mkdocs.yml"), site_dir=str(site)))
    assert all(stamp != first[page] for page, stamp in _written(site).items())


def test_a_theme_change_rewrites_every_page(repo: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    config = load_config(config_file=str(repo / "mkdocs.yml"), site_dir=str(site))
    try:
        _serve_build(repo, site, first=True)
        before = _written(site)
        stylesheet = repo / "site_overrides/assets/stylesheets/search.css"
        stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* changed */\n")
        later = stylesheet.stat().st_mtime + 5
        os.utime(stylesheet, (later, later))
        _serve_build(repo, site, first=False)
        after = _written(site)
    finally:
        config.plugins.on_shutdown()
    generated = [p for p in after if p.startswith(("projects/", "councils/"))]
    assert generated and all(after[p] != before[p] for p in generated)
