"""`pipeline stale` on a temporary repository with a fixed --today, in every format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.git.commit_dates import FALLBACK_NOTE

TODAY = "2026-11-22"
FORGOTTEN = """\
# yaml-language-server: $schema=../schema/project.schema.json
title: Forms nobody looked at
summary: A form builder posted and then forgotten.
phase: alpha
lead_council: hackney
maintainers:
  - forms-team-example
last_reviewed: 2025-01-10
"""
OVERDUE_ASSESSMENT = """\
# yaml-language-server: $schema=../schema/project.schema.json
title: Live but unassessed
summary: A live service whose assessment date has passed.
phase: live
lead_council: west-berkshire
next_assessment: 2026-11-01
last_reviewed: 2026-11-01
"""


@pytest.fixture
def stale_repo(example_repo) -> Path:
    """The base example (one current project) plus one idle project and one overdue
    assessment. tmp_path is outside any Git checkout, so only record dates count."""
    repo = example_repo()
    (repo / "projects" / "forgotten-forms.yml").write_text(FORGOTTEN)
    (repo / "projects" / "live-unassessed.yml").write_text(OVERDUE_ASSESSMENT)
    return repo


def test_text_lists_stale_projects_most_overdue_first(stale_repo, run_pipeline) -> None:
    result = run_pipeline(stale_repo, "stale", "--today", TODAY)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    warnings = [line for line in lines if ": warning: " in line]
    assert warnings[0].startswith("projects/forgotten-forms.yml:8:16: warning: Forms nobody")
    assert "Last reviewed 10 January 2025: no review, no progress update" in warnings[0]
    assert "Maintainers: @forms-team-example" in warnings[0]
    assert warnings[1].startswith("projects/live-unassessed.yml:7:16: warning: Live but")
    assert "assessment was due on 1 November 2026" in warnings[1]
    assert lines[-1] == "2 of 3 projects need review as of 2026-11-22, most overdue first."
    assert result.stderr.count(FALLBACK_NOTE) == 1


def test_fail_exits_1_only_when_something_is_stale(stale_repo, example_repo, run_pipeline):
    assert run_pipeline(stale_repo, "stale", "--today", TODAY, "--fail").exit_code == 1
    (stale_repo / "projects" / "forgotten-forms.yml").unlink()
    (stale_repo / "projects" / "live-unassessed.yml").unlink()
    result = run_pipeline(stale_repo, "stale", "--today", TODAY, "--fail")
    assert result.exit_code == 0
    assert "No projects need review (checked 1 project as of 2026-11-22)." in result.stdout


def test_json_has_the_documented_keys(stale_repo, run_pipeline) -> None:
    result = run_pipeline(stale_repo, "stale", "--today", TODAY, "--format", "json")
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert [item["id"] for item in found] == ["forgotten-forms", "live-unassessed"]
    first = found[0]
    assert first["last_activity"] == "2025-01-10"
    assert first["days_overdue"] == 681 - 180
    # The project's own maintainers, then its lead council's.
    assert first["maintainers"] == ["@forms-team-example", "@LBHackney-IT/pipeline-editors"]
    assert first["reason"].startswith("Last reviewed 10 January 2025: no review")
    assert first["last_activity_source"] == "reviewed"
    assert found[1]["days_overdue"] == 21
    assert FALLBACK_NOTE in result.stderr


def test_github_format_annotates_and_notes_the_fallback_once(stale_repo, run_pipeline) -> None:
    result = run_pipeline(stale_repo, "stale", "--today", TODAY, "--format", "github")
    lines = result.stdout.splitlines()
    assert lines[0] == f"::notice title=Pipeline stale check::{FALLBACK_NOTE}"
    assert sum(line.startswith("::notice") for line in lines) == 1
    assert lines[1].startswith("::warning file=projects/forgotten-forms.yml,line=8,col=16,")
    assert lines[2].startswith("::warning file=projects/live-unassessed.yml,line=7,col=16,")


def test_markdown_is_a_job_summary_table(stale_repo, run_pipeline) -> None:
    result = run_pipeline(
        stale_repo,
        "stale",
        "--today",
        TODAY,
        "--format",
        "markdown",
        "--repo-url",
        "https://github.com/example/pipeline",
    )
    text = result.stdout
    assert text.startswith("## Projects that need review\n")
    assert (
        "| [Forms nobody looked at](https://github.com/example/pipeline/blob/main/projects/"
        "forgotten-forms.yml) | alpha | Last reviewed 10 January 2025 | 501 | "
        "&#64;forms-team-example, &#64;LBHackney-IT/pipeline-editors |" in text
    )
    assert f"> {FALLBACK_NOTE}" in text
    assert result.stderr == ""


def test_record_text_cannot_break_the_markdown(stale_repo, run_pipeline) -> None:
    path = stale_repo / "projects" / "forgotten-forms.yml"
    path.write_text(path.read_text().replace("Forms nobody looked at", "A | <b>bold</b> @boss"))
    result = run_pipeline(stale_repo, "stale", "--today", TODAY, "--format", "markdown")
    assert "A \\| &lt;b&gt;bold&lt;/b&gt; &#64;boss" in result.stdout
    assert "<b>" not in result.stdout


def test_records_with_errors_stop_the_check(stale_repo, run_pipeline) -> None:
    (stale_repo / "projects" / "broken.yml").write_text("title: [unclosed\n")
    result = run_pipeline(stale_repo, "stale", "--today", TODAY)
    assert result.exit_code == 1
    assert "Run `pipeline validate`" in result.output
    assert "Traceback" not in result.output


def test_bad_settings_are_a_clear_error(stale_repo, run_pipeline) -> None:
    (stale_repo / "pipeline.yml").write_text("stale:\n  after_days:\n    betta: 30\n")
    result = run_pipeline(stale_repo, "stale", "--today", TODAY)
    assert result.exit_code == 1
    assert "'betta', which is not a phase" in result.output


def test_thresholds_in_pipeline_yml_are_used(stale_repo, run_pipeline) -> None:
    (stale_repo / "pipeline.yml").write_text("stale:\n  after_days:\n    alpha: 1000\n")
    result = run_pipeline(stale_repo, "stale", "--today", TODAY, "--format", "json")
    assert [item["id"] for item in json.loads(result.stdout)] == ["live-unassessed"]


def test_plan_and_issues_go_together(stale_repo, run_pipeline) -> None:
    assert run_pipeline(stale_repo, "stale", "--plan").exit_code == 2
    assert run_pipeline(stale_repo, "stale", "--issues", "-", input="[]").exit_code == 2


def test_plan_reads_issues_from_standard_input(stale_repo, run_pipeline) -> None:
    result = run_pipeline(
        stale_repo,
        "stale",
        "--today",
        TODAY,
        "--plan",
        "--issues",
        "-",
        "--repo-url",
        "https://github.com/example/pipeline",
        input="[]",
    )
    assert result.exit_code == 0, result.output
    actions = json.loads(result.stdout)
    assert [(a["action"], a["project"]) for a in actions] == [
        ("open", "forgotten-forms"),
        ("open", "live-unassessed"),
    ]
    assert actions[0]["labels"] == ["stale"]
    assert (
        "https://github.com/example/pipeline/edit/main/projects/forgotten-forms.yml"
        in actions[0]["body"]
    )
    assert FALLBACK_NOTE in result.stderr


def test_plan_takes_the_repository_address_from_mkdocs_or_actions(
    stale_repo, run_pipeline, monkeypatch
) -> None:
    monkeypatch.delenv("GITHUB_SERVER_URL", raising=False)
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    (stale_repo / "mkdocs.yml").write_text("site_name: X\nrepo_url: https://github.com/a/b/\n")
    result = run_pipeline(
        stale_repo, "stale", "--today", TODAY, "--plan", "--issues", "-", input="[]"
    )
    assert "https://github.com/a/b/edit/main/projects/" in json.loads(result.stdout)[0]["body"]
    (stale_repo / "mkdocs.yml").unlink()
    result = run_pipeline(
        stale_repo, "stale", "--today", TODAY, "--plan", "--issues", "-", input="[]"
    )
    assert result.exit_code == 1
    assert "--repo-url" in result.output
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "councils/pipeline")
    result = run_pipeline(
        stale_repo, "stale", "--today", TODAY, "--plan", "--issues", "-", input="[]"
    )
    assert "https://github.com/councils/pipeline/edit/main/" in json.loads(result.stdout)[0]["body"]


@pytest.mark.parametrize(
    ("text", "words"),
    [("not json", "not valid JSON"), ('{"a": 1}', "must hold a JSON list"), ("[{}]", "Issue 1")],
)
def test_bad_issue_lists_are_explained(stale_repo, run_pipeline, text, words) -> None:
    result = run_pipeline(
        stale_repo,
        "stale",
        "--today",
        TODAY,
        "--plan",
        "--issues",
        "-",
        "--repo-url",
        "https://x.example",
        input=text,
    )
    assert result.exit_code == 1
    assert words in result.output
    assert "Traceback" not in result.output
