"""On two cores a helper process writes the generated data files (feeds, API, redirects) while
MkDocs renders pages; the site is the same, byte for byte, as when MkDocs copies them itself,
and a helper's failure stops the build with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from generator.forking import can_fork, usable_cpus
from generator.mkdocs_plugin import data_writer
from tests.site_helpers import different_files, mkdocs_build, site_repository

pytestmark = pytest.mark.skipif(
    not can_fork() or usable_cpus() < 2, reason="needs fork and two cores"
)


def test_files_written_beside_give_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIPELINE_TODAY", "2026-11-22")
    repo = site_repository(tmp_path / "repo")
    monkeypatch.setattr(data_writer, "WORTH_IT_FROM", 10**9)
    mkdocs_build(repo, tmp_path / "copied")
    written: list[int] = []
    real = data_writer.DataWriter.finish

    def counting(self: data_writer.DataWriter) -> int:
        written.append(real(self))
        return written[-1]

    monkeypatch.setattr(data_writer, "WORTH_IT_FROM", 1)
    monkeypatch.setattr(data_writer.DataWriter, "finish", counting)
    mkdocs_build(repo, tmp_path / "beside")
    assert written and written[0] > 50  # the helper wrote the feeds, the API and the rest
    assert different_files(tmp_path / "copied", tmp_path / "beside") == []


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
        mkdocs_build(repo, tmp_path / "site")
    assert "Writing the data files on a second core failed" in caplog.text
    assert "No space left on device" in caplog.text
