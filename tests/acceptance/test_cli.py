"""The `pipeline` command's behaviour: formats, exit codes, no tracebacks, `pipeline new`."""

from __future__ import annotations

import json

import yaml

from tests.conftest import CATALOGUE, PROJECT_ROOT

BAD = "# yaml-language-server: $schema=../schema/project.schema.json\ntitle: T\nsummary: S.\nphase: Beta\nlead_council: hackney\n"  # noqa: E501


def test_the_repository_examples_are_valid(run_pipeline) -> None:
    result = run_pipeline(PROJECT_ROOT, "validate")
    assert result.exit_code == 0, result.output
    assert "all valid" in result.output


def test_example_content_is_rich_enough() -> None:
    projects = [yaml.safe_load(p.read_text()) for p in (CATALOGUE / "projects").glob("*.yml")]
    councils = list((CATALOGUE / "councils").glob("*.yml"))
    makerdays = list((CATALOGUE / "makerdays").glob("*.yml"))
    assert len(projects) >= 15 and len(councils) >= 10 and len(makerdays) == 2
    assert {p["phase"] for p in projects} == {
        "idea",
        "discovery",
        "alpha",
        "beta",
        "live",
        "retired",
    }
    assert sum(bool(p.get("reusable")) for p in projects) >= 3
    assert sum(bool(p.get("looking_for")) for p in projects) >= 3
    assert sum(bool(p.get("challenge")) for p in projects) >= 3
    assert any(p.get("pledges") and p.get("target") for p in projects)


def test_json_format_lists_problems_with_places(example_repo, run_pipeline) -> None:
    repo = example_repo()
    (repo / "projects" / "bad.yml").write_text(BAD)
    result = run_pipeline(repo, "validate", "--format", "json", "--today", "2026-11-22")
    assert result.exit_code == 1
    problems = json.loads(result.output)
    assert problems == [
        {
            "path": "projects/bad.yml",
            "line": 4,
            "column": 8,
            "level": "error",
            "message": "phase: 'Beta' is not one of idea, discovery, alpha, beta, live, retired, "
            "unknown; did you mean 'beta'?",
            "hint": "",
            "rule": "enum",
        }
    ]


def test_github_format_writes_annotations(example_repo, run_pipeline) -> None:
    repo = example_repo()
    (repo / "projects" / "bad.yml").write_text(BAD)
    result = run_pipeline(repo, "validate", "--format", "github", "--today", "2026-11-22")
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(
        "::error file=projects/bad.yml,line=4,col=8,title=Pipeline record check::phase: 'Beta'"
    )


def test_auto_format_is_github_inside_actions(example_repo) -> None:
    import contextlib

    from click.testing import CliRunner

    from generator.cli import cli

    repo = example_repo()
    (repo / "projects" / "bad.yml").write_text(BAD)
    with contextlib.chdir(repo):
        result = CliRunner().invoke(cli, ["validate"], env={"GITHUB_ACTIONS": "true"})
    assert result.output.startswith("::error file=projects/bad.yml,line=4,col=8")


def test_validating_one_path_reports_only_that_file(example_repo, run_pipeline) -> None:
    repo = example_repo()
    (repo / "projects" / "bad.yml").write_text(BAD)
    (repo / "projects" / "also-bad.yml").write_text(BAD)
    result = run_pipeline(repo, "validate", "projects/bad.yml", "--today", "2026-11-22")
    assert result.exit_code == 1
    assert "projects/bad.yml:4:8" in result.output
    assert "also-bad" not in result.output


def test_usage_errors_exit_2(example_repo, run_pipeline) -> None:
    repo = example_repo()
    assert run_pipeline(repo, "validate", "no/such.yml").exit_code == 2
    assert run_pipeline(repo, "validate", "--format", "xml").exit_code == 2
    assert run_pipeline(repo, "validate", "--today", "yesterday").exit_code == 2


def test_internal_errors_are_one_line_not_a_traceback(example_repo, run_pipeline) -> None:
    repo = example_repo()
    (repo / "schema" / "project.schema.json").write_text("{ not json")
    result = run_pipeline(repo, "validate")
    assert result.exit_code == 2
    assert "internal error" in result.output
    assert "Traceback" not in result.output


def test_new_project_writes_a_valid_commented_starter(example_repo, run_pipeline) -> None:
    repo = example_repo()
    result = run_pipeline(
        repo,
        "new",
        "project",
        "--title",
        "Book a bulky waste collection",
        "--summary",
        "Residents book and pay for large items to be collected.",
        "--phase",
        "discovery",
        "--lead-council",
        "hackney",
        "--today",
        "2026-11-22",
    )
    assert result.exit_code == 0, result.output
    path = repo / "projects" / "book-a-bulky-waste-collection.yml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../schema/project.schema.json\n")
    assert "# partners:" in text and "# looking_for:" in text
    assert "pipeline validate projects/book-a-bulky-waste-collection.yml" in result.output
    assert run_pipeline(repo, "validate", "--today", "2026-11-22").exit_code == 0
    again = run_pipeline(
        repo,
        "new",
        "project",
        "--title",
        "Book a bulky waste collection",
        "--summary",
        "S",
        "--phase",
        "idea",
        "--lead-council",
        "hackney",
    )
    assert again.exit_code == 1
    assert "already exists" in again.output


def test_new_project_prompts_for_the_essentials(example_repo, run_pipeline) -> None:
    repo = example_repo()
    answers = "Find my polling station\nVoters find where to vote.\nalpha\nhackney\n"
    result = run_pipeline(repo, "new", "project", "--today", "2026-11-22", input=answers)
    assert result.exit_code == 0, result.output
    written = (repo / "projects" / "find-my-polling-station.yml").read_text(encoding="utf-8")
    # The answers, in the record, with today as its first review; the other keys as prompts.
    assert yaml.safe_load(written) == {
        "title": "Find my polling station",
        "summary": "Voters find where to vote.",
        "phase": "alpha",
        "lead_council": "hackney",
        "last_reviewed": "2026-11-22",
    }
    assert written.startswith("# yaml-language-server: $schema=../schema/project.schema.json\n")
    assert "\n# service_areas:  # Service areas." in written
    checked = run_pipeline(repo, "validate", "projects/find-my-polling-station.yml")
    assert checked.exit_code == 0, checked.output


def test_new_project_with_unknown_council_writes_nothing(example_repo, run_pipeline) -> None:
    repo = example_repo()
    result = run_pipeline(
        repo,
        "new",
        "project",
        "--title",
        "Orphan",
        "--summary",
        "S.",
        "--phase",
        "idea",
        "--lead-council",
        "hackny",
    )
    assert result.exit_code == 1
    assert "Did you mean 'hackney'?" in result.output
    assert not (repo / "projects" / "orphan.yml").exists()


def test_new_council_and_makerday(example_repo, run_pipeline) -> None:
    repo = example_repo()
    council = run_pipeline(
        repo,
        "new",
        "council",
        "--name",
        "Leeds City Council",
        "--type",
        "metropolitan-district",
        "--nation",
        "england",
        "--today",
        "2026-11-22",
    )
    assert council.exit_code == 0, council.output
    assert yaml.safe_load((repo / "councils" / "leeds-city.yml").read_text()) == {
        "name": "Leeds City Council",
        "type": "metropolitan-district",
        "nation": "england",
        "joined": "2026-11-22",
    }
    day = run_pipeline(
        repo, "new", "makerday", "--title", "Waste maker day", "--start", "2027-05-20"
    )
    assert day.exit_code == 0, day.output
    assert yaml.safe_load((repo / "makerdays" / "waste-maker-day.yml").read_text()) == {
        "title": "Waste maker day",
        "start": "2027-05-20",
    }
    checked = run_pipeline(repo, "validate", "--today", "2026-11-22")
    assert checked.exit_code == 0, checked.output
    bad_day = run_pipeline(repo, "new", "makerday", "--title", "Bad", "--start", "2027-13-01")
    assert bad_day.exit_code == 1
    assert not (repo / "makerdays" / "bad.yml").exists()


def test_new_project_with_a_title_too_short_for_an_id_asks_for_one(example_repo, run_pipeline):
    repo = example_repo()
    result = run_pipeline(
        repo,
        "new",
        "project",
        "--title",
        "X",
        "--summary",
        "S.",
        "--phase",
        "idea",
        "--lead-council",
        "hackney",
    )
    assert result.exit_code == 1
    assert "Choose one with --id" in result.output
    assert not list((repo / "projects").glob("x*.yml"))


def test_the_console_command_ends_at_once_after_a_build_with_its_output_whole(tmp_path) -> None:
    """`pipeline build` ends without Python's tidying up (generator/cli/quick_exit.py): what
    it printed still arrives, piped, and the exit status is still 0; a failure still says why."""
    import subprocess
    import sys

    from tests.site_helpers import site_repository

    repo = site_repository(tmp_path / "repo")
    command = [sys.executable, "-c", "from generator.cli import main; main()", "build"]
    command += ["--root", str(repo), "--out", str(tmp_path / "site"), "--today", "2026-11-22"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Built ") and done.stdout.endswith("/site/\n")
    assert (tmp_path / "site" / "index.html").is_file()
    (repo / "projects" / "broken.yml").write_text(BAD)
    failed = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert failed.returncode == 1
    assert "The records have errors" in failed.stderr and "Traceback" not in failed.stderr
