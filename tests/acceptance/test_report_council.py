"""`pipeline report council ID` as an officer runs it, on tests/fixtures/portfolio."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import make_repository
from tests.unit.test_portfolio import FIXTURE


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory):
    made = make_repository(tmp_path_factory.mktemp("report") / "repo", FIXTURE)
    (made / "README.md").unlink()
    return made


ARGS = ("report", "council", "riverford", "--today", "2026-11-22", "--since", "2026-09-01")


def test_markdown_by_default(root, run_pipeline) -> None:
    result = run_pipeline(root, *ARGS)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Riverford Borough Council: portfolio on Pipeline\n")
    assert "Report of 22 November 2026. Changes counted since 1 September 2026." in result.output
    assert "- 7 changes recorded since 1 September 2026; 1 item overdue" in result.output


@pytest.mark.parametrize("output_format", ["csv", "json", "html"])
def test_every_format(root, run_pipeline, output_format: str) -> None:
    result = run_pipeline(root, *ARGS, "--format", output_format)
    assert result.exit_code == 0, result.output
    if output_format == "csv":
        rows = list(csv.DictReader(io.StringIO(result.output.lstrip("\ufeff"))))
        assert [r["id"] for r in rows] == [
            "pothole-reports", "bin-reminders", "planning-comments", "garden-waste",
        ]  # fmt: skip
    elif output_format == "json":
        assert json.loads(result.output)["totals"]["due_soon"] == 2
    else:
        assert result.output.startswith("<!doctype html>")
        assert "<style>" in result.output and "Review overdue since 9 July 2025" in result.output


def test_the_same_day_gives_the_same_report(root, run_pipeline) -> None:
    first, second = run_pipeline(root, *ARGS), run_pipeline(root, *ARGS)
    assert first.output == second.output


def test_unknown_council_is_a_clear_error(root, run_pipeline) -> None:
    result = run_pipeline(root, "report", "council", "riverfrod", "--today", "2026-11-22")
    assert result.exit_code == 1
    assert "There is no council with the id 'riverfrod'" in result.output
    assert "Did you mean 'riverford'?" in result.output
    assert "Traceback" not in result.output


def test_bad_since_is_a_clear_error(root, run_pipeline) -> None:
    result = run_pipeline(root, "report", "council", "riverford", "--since", "1 Sept")
    assert result.exit_code == 2
    assert "'1 Sept' is not a date in the form YYYY-MM-DD" in result.output


def test_the_site_publishes_the_same_report_as_the_command(root, run_pipeline) -> None:
    """Report once: the site's files for a council are the command's output, byte for byte."""
    from generator.catalogue.construction import build_catalogue
    from generator.checking.repository import check_repository
    from generator.pages.model import SiteSettings
    from generator.site.compose import generate_site
    from tests.unit.test_portfolio import TODAY

    checked = check_repository(root, today=TODAY)
    site = generate_site(build_catalogue(checked.records, root), SiteSettings(), today=TODAY)
    files = {f.path: f.content for f in site.files}
    for output_format, path in [
        ("json", "api/councils/riverford.json"),
        ("csv", "councils/riverford/report.csv"),
        ("markdown", "councils/riverford/report.txt"),
    ]:
        result = run_pipeline(
            root, "report", "council", "riverford", "--today", "2026-11-22",
            "--format", output_format,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        assert result.stdout_bytes == files[path], path
    for council in ("riverford", "hillbury", "marsh"):
        assert f"councils/{council}/report/index.html" in files
        assert f"councils/{council}/embed/index.html" in files
    assert b"Marsh Vale Council: portfolio on Pipeline" in files["councils/marsh/report/index.html"]
    assert b"Not signed up to Pipeline yet" in files["councils/marsh/report/index.html"]
