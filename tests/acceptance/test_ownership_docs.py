"""The ownership guide: one text in CONTRIBUTING.md and on the site, covering every command."""

from __future__ import annotations

import re

from click.testing import CliRunner

from generator.cli import cli
from generator.ownership.codeowners import guide
from tests.conftest import PROJECT_ROOT

HEADING = "## Who approves changes"


def section(markdown: str) -> str:
    start = markdown.index(HEADING)
    rest = markdown[start + len(HEADING) :]
    end = re.search(r"^## ", rest, flags=re.MULTILINE)
    return (HEADING + (rest[: end.start()] if end else rest)).strip()


def test_contributing_has_the_same_guide_as_the_site() -> None:
    contributing = (PROJECT_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert section(contributing) == guide().strip()


def test_the_guide_explains_branch_protection() -> None:
    text = guide()
    for words in (
        "Require a pull request before merging",
        "Require review from Code Owners",
        "Dismiss stale pull request approvals",
        "Require status checks to pass",
        "**Checks** workflow",
        "Restrict who can push",
        "fetch-depth: 0",
        "phase: retired",
        "Write",
    ):
        assert words in text, words


def test_the_guide_names_every_option_of_its_commands() -> None:
    text = guide()
    runner = CliRunner()
    for command, documented in (
        ("codeowners", ("--check",)),
        ("pr-report", ("--base", "--author")),
    ):
        assert f"pipeline {command}" in text
        assert all(option in text for option in documented)
        help_text = runner.invoke(cli, [command, "--help"]).output
        assert all(option in help_text for option in documented)
