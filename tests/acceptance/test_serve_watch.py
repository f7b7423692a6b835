"""`make serve` for real: an edit to a record is seen (the record folders are watched through
the system's file events, not MkDocs' polling) and the page shows it."""

from __future__ import annotations

from pathlib import Path

from benchmarks.preview import measure_preview
from benchmarks.run import tool
from tests.site_helpers import site_repository


def test_an_edited_record_is_served(tmp_path: Path) -> None:
    mkdocs = tool("mkdocs")
    assert mkdocs is not None
    repo = site_repository(tmp_path / "repo")
    result = measure_preview(repo, mkdocs, "report-a-missed-bin", limit=120, edits=2)
    log = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert result["first_serve_seconds"] is not None, log
    assert result["edit_seconds"] is not None, log
    watched = next(line for line in log.splitlines() if "Watching paths for changes" in line)
    assert "'schema'" in watched and "projects" not in watched  # records: watched natively
    # One rebuild for each edit (and perhaps one for putting the record back as the server
    # stops): a rebuild reads every record, which is not a change, or each would ask for another.
    assert 2 <= log.count("Detected file changes") <= 3, log
