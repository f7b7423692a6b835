"""Every folder in tests/examples/ is a test: valid ones pass, each rule's case reports just it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

VALID = sorted(p for p in (EXAMPLES / "valid").iterdir() if p.is_dir())
INVALID = sorted(p for p in (EXAMPLES / "invalid").iterdir() if p.is_dir())


def expectations(case: Path) -> list[tuple[str, str, str]]:
    """(`path:line:col`, level, words) for each line of expected.txt."""
    found = []
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            path, number, column, level, words = line.split(":", 4)
            found.append((f"{path}:{number}:{column}", level.strip(), words.strip()))
    return found


def reported(result_output: str) -> list[dict[str, object]]:
    """The problems `pipeline validate --format json` printed."""
    return json.loads(result_output)


@pytest.mark.parametrize("case", VALID, ids=lambda p: p.name)
def test_valid_example(case: Path, example_repo, run_pipeline) -> None:
    """Valid cases pass and report nothing at all."""
    result = run_pipeline(example_repo(case), "validate", "--today", "2026-11-22")
    assert result.exit_code == 0, result.output
    assert "all valid" in result.output
    assert "warning" not in result.output, result.output


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_rule_example(case: Path, example_repo, run_pipeline) -> None:
    """The case reports exactly its expected problems, each from the rule it is named after."""
    repo = example_repo(case)
    result = run_pipeline(repo, "validate", "--today", "2026-11-22", "--format", "json")
    expected = expectations(case)
    errors = any(level == "error" for _, level, _ in expected)
    assert result.exit_code == (1 if errors else 0), result.output
    assert "Traceback" not in result.output
    problems = reported(result.output)
    assert_reported(problems, expected, result.output)
    assert {p["rule"] for p in problems} == {case.name}, result.output
    assert len(problems) == len(expected), f"other problems reported too:\n{result.output}"


def assert_reported(
    problems: list[dict[str, object]], expected: list[tuple[str, str, str]], output: str
) -> None:
    for place, level, words in expected:
        texts = [
            f"{p['message']} {p['hint']}"
            for p in problems
            if f"{p['path']}:{p['line']}:{p['column']}" == place and p["level"] == level
        ]
        assert any(words in text for text in texts), (
            f"expected {place}: {level}: ...{words}... in:\n{output}"
        )


def test_every_rule_case_has_expectations() -> None:
    for case in INVALID:
        assert expectations(case), f"{case.name}/expected.txt lists nothing"
