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
    """Valid cases pass; the warnings they report are exactly those in expected.txt, if any."""
    repo = example_repo(case)
    result = run_pipeline(repo, "validate", "--today", "2026-11-22", "--format", "json")
    assert result.exit_code == 0, result.output
    expected = expectations(case) if (case / "expected.txt").exists() else []
    assert_exactly(reported(result.output), expected, result.output)


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
    assert_exactly(problems, expected, result.output)
    assert {p["rule"] for p in problems} == {case.name}, result.output


def place(problem: dict[str, object]) -> str:
    return f"{problem['path']}:{problem['line']}:{problem['column']}"


def assert_exactly(
    problems: list[dict[str, object]], expected: list[tuple[str, str, str]], output: str
) -> None:
    """Each expected line is reported, and nothing is reported that no line expects.

    Several lines may describe one problem (say, its message and its hint).
    """
    for where, level, words in expected:
        texts = [
            f"{p['message']} {p['hint']}"
            for p in problems
            if place(p) == where and p["level"] == level
        ]
        assert any(words in text for text in texts), (
            f"expected {where}: {level}: ...{words}... in:\n{output}"
        )
    wanted = {(where, level) for where, level, _ in expected}
    others = [p for p in problems if (place(p), p["level"]) not in wanted]
    assert not others, f"reported but not expected: {others}"


def test_every_rule_case_has_expectations() -> None:
    for case in INVALID:
        assert expectations(case), f"{case.name}/expected.txt lists nothing"
