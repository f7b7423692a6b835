"""`make serve` remembers what it rendered, parsed and checked between rebuilds; whatever it
remembers, a rebuild after any kind of edit gives the same site, byte for byte, as a full build
of the edited records. Each edit below reaches different pages: the record's own page, lists,
council pages, similar projects, news weeks, feeds and data files."""

from __future__ import annotations

import filecmp
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.mkdocs_plugin.plugin import PipelinePlugin
from tests.site_helpers import site_repository

MISSED_BIN = "projects/report-a-missed-bin.yml"
# Written by MkDocs or Pagefind, not by Pipeline's generation: compared elsewhere.
NOT_COMPARED = ("pagefind/", "sitemap.xml.gz")


def _replace(path: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(repo: Path) -> None:
        record = repo / path
        text = record.read_text(encoding="utf-8")
        assert old in text, f"{path} no longer says {old!r}: update this test"
        record.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def _add_project(repo: Path) -> None:
    text = (repo / MISSED_BIN).read_text(encoding="utf-8")
    text = text.replace("title: Report a missed bin", "title: Report a missed recycling box")
    (repo / "projects/report-a-missed-recycling-box.yml").write_text(text, encoding="utf-8")


def _remove_project(repo: Path) -> None:
    (repo / "projects/find-a-public-toilet.yml").unlink()


EDITS: dict[str, Callable[[Path], None]] = {
    "title": _replace(MISSED_BIN, "title: Report a missed bin", "title: Missed bins"),
    "phase": _replace(MISSED_BIN, "phase: live", "phase: beta"),
    "partner council": _replace(MISSED_BIN, "council: norwich", "council: oxford"),
    "description": _replace(MISSED_BIN, "Phone calls about missed bins", "Calls about bins"),
    "summary": _replace(MISSED_BIN, "Lets residents report", "Residents report"),
    "update": _replace(MISSED_BIN, "Norwich went live with", "Norwich launched"),
    "partner role": _replace(MISSED_BIN, "role: contributor", "role: partner"),
    "council name": _replace("councils/leeds.yml", "short_name: Leeds", "short_name: Leeds CC"),
    "new project": _add_project,
    "removed project": _remove_project,
}


def _build(repo: Path, site: Path, *, serve: bool, first: bool = False) -> PipelinePlugin:
    config = load_config(config_file=str(repo / "mkdocs.yml"), site_dir=str(site))
    plugin = config.plugins["pipeline"]
    assert isinstance(plugin, PipelinePlugin)
    if serve and first:
        config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=serve)
    return plugin


def _differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []
    for path in sorted(p for p in left.rglob("*") if p.is_file()):
        name = path.relative_to(left).as_posix()
        if name.startswith(NOT_COMPARED):
            continue
        other = right / name
        if not other.is_file():
            found.append(f"{name} (only in the served folder)")
        elif not filecmp.cmp(path, other, shallow=False):
            found.append(name)
    for path in right.rglob("*"):
        name = path.relative_to(right).as_posix()
        if path.is_file() and not name.startswith(NOT_COMPARED) and not (left / name).exists():
            found.append(f"{name} (only in the full build)")
    return found


@pytest.mark.parametrize("edit", list(EDITS), ids=list(EDITS))
def test_a_rebuild_after_an_edit_is_the_full_build_of_the_edit(
    edit: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIPELINE_TODAY", "2026-11-22")
    repo = site_repository(tmp_path / "repo")
    served = tmp_path / "served"
    plugin = _build(repo, served, serve=True, first=True)
    try:
        EDITS[edit](repo)
        _build(repo, served, serve=True)
        memory = plugin._memory
        assert memory is not None and memory.renders.reused > 0  # it did remember
        assert memory.records.parsed <= 1  # only the edited file was read afresh
    finally:
        plugin.on_shutdown()
    full = tmp_path / "full"
    _build(repo, full, serve=False)
    differences = _differences(served, full)
    if edit == "removed project":
        # A dirty build never deletes: the removed record's page and feed, and the news weeks
        # only it made, stay in the folder, unlinked (`mkdocs serve` starts from an empty
        # folder each time it starts).
        differences = [d for d in differences if not d.endswith("(only in the served folder)")]
    assert differences == [], differences
