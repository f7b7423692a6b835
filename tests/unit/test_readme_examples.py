"""The commands the README and CONTRIBUTING show run on records that exist: the repository's
records are the real ones, so an example naming an invented record would fail as written."""

from __future__ import annotations

import re

import pytest

from tests.conftest import CATALOGUE, PROJECT_ROOT

RECORD = re.compile(r"\b(?:projects|councils|makerdays)/[a-z0-9-]+\.yml\b")
SHELL = re.compile(r"```sh\n(.*?)```", re.DOTALL)


@pytest.mark.parametrize("guide", ["README.md", "CONTRIBUTING.md"])
def test_records_in_shell_examples_exist(guide: str) -> None:
    text = (PROJECT_ROOT / guide).read_text(encoding="utf-8")
    cited = {path for block in SHELL.findall(text) for path in RECORD.findall(block)}
    missing = sorted(p for p in cited if not (PROJECT_ROOT / p).is_file())
    assert not missing, f"{guide} runs commands on records that do not exist: {missing}"


def test_readme_says_where_records_and_fixtures_come_from() -> None:
    text = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "tests/fixtures/catalogue/" in text and CATALOGUE.is_dir()
    assert "Each record lists its sources" in text
