"""Git history as a sign of life: a temporary repository whose commits have chosen dates."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from generator.git.commit_dates import FALLBACK_NOTE, last_edit_days, parse_log

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")  # CI has git

TODAY = "2026-11-22"
IDLE = """\
# yaml-language-server: $schema=../schema/project.schema.json
title: {title}
summary: Reviewed long ago.
phase: beta
lead_council: west-berkshire
last_reviewed: 2025-01-02
"""


def git(repo: Path, *args: str, when: str = "2025-01-02T12:00:00+00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_SYSTEM": os.devnull,
    }
    done = subprocess.run(
        ["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def history_repo(example_repo) -> Path:
    """Two idle projects committed on 2025-01-02; one of them edited again on 2026-10-01."""
    repo = example_repo()
    for name in ("touched", "untouched"):
        (repo / "projects" / f"{name}.yml").write_text(IDLE.format(title=name.title()))
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Import records")
    touched = repo / "projects" / "touched.yml"
    touched.write_text(touched.read_text().replace("long ago.", "long ago; fixed a typo."))
    git(repo, "commit", "-q", "-am", "Fix a typo", when="2026-10-01T09:00:00+01:00")
    return repo


def test_last_commit_days_reads_one_log_pass(history_repo) -> None:
    days = last_edit_days(history_repo, bulk_records=10)
    assert days is not None
    assert days["projects/touched.yml"] == date(2026, 10, 1)
    # The commit that added a record is not an edit: adding says nothing new about a project.
    assert "projects/untouched.yml" not in days
    assert "projects/report-a-missed-bin.yml" not in days
    assert "councils/hackney.yml" not in days


def test_a_recent_commit_keeps_a_project_fresh(history_repo, run_pipeline) -> None:
    result = run_pipeline(history_repo, "stale", "--today", TODAY, "--format", "json")
    assert result.exit_code == 0, result.output
    found = {item["id"]: item for item in json.loads(result.stdout)}
    assert set(found) == {"untouched"}
    assert found["untouched"]["last_activity"] == "2025-01-02"
    assert FALLBACK_NOTE not in result.stderr


def test_a_shallow_clone_falls_back_to_the_records(history_repo, tmp_path, run_pipeline) -> None:
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{history_repo}", str(clone)],
        check=True,
        capture_output=True,
    )
    assert last_edit_days(clone, bulk_records=10) is None
    result = run_pipeline(clone, "stale", "--today", TODAY, "--format", "json")
    found = {item["id"] for item in json.loads(result.stdout)}
    assert found == {"touched", "untouched"}  # the typo fix is invisible without history
    assert result.stderr.count(FALLBACK_NOTE) == 1


def test_no_repository_means_no_history(tmp_path) -> None:
    assert last_edit_days(tmp_path, bulk_records=10) is None


def test_parse_log_keeps_the_newest_edit_per_record_and_skips_bulk_commits() -> None:
    output = (
        "\x012026-11-01\0\nM\0projects/a.yml\0M\0projects/b.yml\0M\0projects/c.yml\0"
        "\x012026-10-01\0\nM\0projects/a.yml\0"
        "\x012025-01-02\0\nA\0projects/a.yml\0A\0projects/b.yml\0"
    )
    assert parse_log(output, bulk_records=2) == {
        "projects/a.yml": date(2026, 10, 1),  # the three-record reformat does not count
        # nor does b's addition: it has no edit at all
    }
    assert parse_log(output, bulk_records=3)["projects/b.yml"] == date(2026, 11, 1)


def test_a_record_added_in_one_commit_does_not_look_fresh(example_repo) -> None:
    """An unconfirmed record added today, alone, is as old as the facts it holds."""
    repo = example_repo()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Start")
    (repo / "projects" / "imported.yml").write_text(IDLE.format(title="Imported"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Add a record", when="2026-11-20T09:00:00+00:00")
    days = last_edit_days(repo, bulk_records=10)
    assert days is not None and "projects/imported.yml" not in days


def test_parse_log_follows_a_rename_and_a_pure_rename_is_no_edit() -> None:
    output = (
        "\x012026-11-01\0\nR100\0projects/old.yml\0projects/new.yml\0"
        "\x012026-06-01\0\nM\0projects/old.yml\0"
        "\x012026-05-01\0\nR087\0projects/older.yml\0projects/old.yml\0"
    )
    assert parse_log(output, bulk_records=10) == {"projects/new.yml": date(2026, 6, 1)}
