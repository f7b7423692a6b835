"""On two cores a helper process writes the generated data files (feeds, API, redirects) while
MkDocs renders pages; the site is the same, byte for byte, as when MkDocs copies them itself,
and a helper's failure stops the build with a message."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.forking import can_fork, usable_cpus
from generator.mkdocs_plugin import data_writer
from tests.site_helpers import site_repository

pytestmark = pytest.mark.skipif(
    not can_fork() or usable_cpus() < 2, reason="needs fork and two cores"
)


def _build(repo: Path, site: Path) -> None:
    build(load_config(config_file=str(repo / "mkdocs.yml"), site_dir=str(site)))


def _files(site: Path) -> list[str]:
    # (Pagefind's file names carry a hash that differs from run to run.)
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and "pagefind" not in p.parts
    )


def test_files_written_beside_give_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIPELINE_TODAY", "2026-11-22")
    repo = site_repository(tmp_path / "repo")
    monkeypatch.setattr(data_writer, "WORTH_IT_FROM", 10**9)
    _build(repo, tmp_path / "copied")
    written: list[int] = []
    real = data_writer.DataWriter.finish

    def counting(self: data_writer.DataWriter) -> int:
        written.append(real(self))
        return written[-1]

    monkeypatch.setattr(data_writer, "WORTH_IT_FROM", 1)
    monkeypatch.setattr(data_writer.DataWriter, "finish", counting)
    _build(repo, tmp_path / "beside")
    assert written and written[0] > 50  # the helper wrote the feeds, the API and the rest
    copied, beside = tmp_path / "copied", tmp_path / "beside"
    assert _files(copied) == _files(beside)
    different = [p for p in _files(copied) if not filecmp.cmp(copied / p, beside / p, False)]
    assert different == []


def test_a_failing_writer_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PIPELINE_TODAY", "2026-11-22")
    repo = site_repository(tmp_path / "repo")
    monkeypatch.setattr(data_writer, "WORTH_IT_FROM", 1)

    class FullDisk:  # what the helper writes with (MkDocs' own copying is left as it is)
        @staticmethod
        def copy_file(file: object) -> None:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(data_writer, "File", FullDisk)
    with pytest.raises(Abort):
        _build(repo, tmp_path / "site")
    assert "Writing the data files on a second core failed" in caplog.text
    assert "No space left on device" in caplog.text
