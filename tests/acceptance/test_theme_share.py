"""On two cores a helper process puts half the record pages through the theme; the site is the
same, byte for byte, as when MkDocs renders every page itself, and a helper's failure stops the
build with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from generator.forking import can_fork, usable_cpus
from generator.mkdocs_plugin import theme_share
from tests.site_helpers import different_files, mkdocs_build, site_repository

pytestmark = pytest.mark.skipif(
    not can_fork() or usable_cpus() < 2, reason="needs fork and two cores"
)


def test_shared_rendering_gives_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIPELINE_TODAY", "2026-11-22")
    repo = site_repository(tmp_path / "repo")
    monkeypatch.setattr(theme_share, "WORTH_IT_FROM", 10**9)
    mkdocs_build(repo, tmp_path / "alone")
    shared: list[int] = []
    real = theme_share.ThemeShare.__init__

    def counting(self: theme_share.ThemeShare, pages, *args) -> None:  # type: ignore[no-untyped-def]
        shared.append(len(pages))
        real(self, pages, *args)

    monkeypatch.setattr(theme_share, "WORTH_IT_FROM", 1)
    monkeypatch.setattr(theme_share.ThemeShare, "__init__", counting)
    mkdocs_build(repo, tmp_path / "shared")
    assert shared and shared[0] > 10  # the helper did render pages
    assert different_files(tmp_path / "alone", tmp_path / "shared") == []
    placeholder = theme_share._PLACEHOLDER.strip()
    pages = (tmp_path / "shared").rglob("*.html")
    assert not [p for p in pages if placeholder in p.read_text()]


def test_a_failing_helper_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PIPELINE_TODAY", "2026-11-22")
    repo = site_repository(tmp_path / "repo")
    monkeypatch.setattr(theme_share, "WORTH_IT_FROM", 1)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the theme is broken")

    monkeypatch.setattr(theme_share, "_build_page", broken)
    with pytest.raises(Abort):
        mkdocs_build(repo, tmp_path / "site")
    assert "second core failed: RuntimeError: the theme is broken" in caplog.text
