"""The site reads Git: renamed records leave a redirect and keep their history linked, and a
recent commit counts as a sign of life for the needs-review badge."""

from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import EXAMPLES
from tests.site_helpers import site_repository

IDLE_PROJECT = """\
# yaml-language-server: $schema=../schema/project.schema.json
title: Book a bulky waste collection
summary: Residents book large items to be collected.
phase: beta
lead_council: hackney
last_reviewed: 2025-01-10
"""


def git(repo: Path, *args: str, when: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Tests",
        "GIT_AUTHOR_EMAIL": "tests@example.org",
        "GIT_COMMITTER_NAME": "Tests",
        "GIT_COMMITTER_EMAIL": "tests@example.org",
    }
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def test_renamed_record_redirects_and_recent_commit_keeps_project_current(tmp_path: Path) -> None:
    repo = site_repository(tmp_path / "repo", records_from=EXAMPLES / "base")
    (repo / "projects" / "bulky-waste.yml").write_text(IDLE_PROJECT)
    git(repo, "init", "-q", "-b", "main", when="2025-01-10T09:00:00+00:00")
    git(repo, "add", "-A", when="2025-01-10T09:00:00+00:00")
    git(repo, "commit", "-q", "-m", "Records", when="2025-01-10T09:00:00+00:00")
    git(
        repo,
        "mv",
        "projects/report-a-missed-bin.yml",
        "projects/missed-bin-reports.yml",
        when="2026-11-01T09:00:00+00:00",
    )
    git(repo, "commit", "-q", "-m", "Rename", when="2026-11-01T09:00:00+00:00")

    with contextlib.chdir(repo):
        result = CliRunner().invoke(cli, ["build", "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    site = repo / "site"

    redirect = (site / "projects/report-a-missed-bin/index.html").read_text()
    assert 'http-equiv="refresh"' in redirect
    assert "../missed-bin-reports/" in redirect
    page = (site / "projects/missed-bin-reports/index.html").read_text()
    assert "Earlier history, as projects/report-a-missed-bin.yml" in page
    assert "/commits/main/projects/report-a-missed-bin.yml" in page

    # Reviewed 2025-01-10 (over 180 days ago for a beta project) and untouched since: stale.
    review = (site / "review/index.html").read_text()
    assert "Book a bulky waste collection" in review

    # One commit to the idle project's file, and it is current again.
    with (repo / "projects" / "bulky-waste.yml").open("a") as record:
        record.write("tags:\n  - bulky-waste\n")
    git(repo, "commit", "-qam", "Tag", when="2026-11-15T09:00:00+00:00")
    with contextlib.chdir(repo):
        result = CliRunner().invoke(cli, ["build", "--today", "2026-11-22"])
    assert result.exit_code == 0, result.output
    assert "Book a bulky waste collection" not in (site / "review/index.html").read_text()
