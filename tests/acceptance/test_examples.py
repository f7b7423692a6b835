"""Every folder in tests/examples/ is a test: valid ones pass, invalid ones fail as expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES

VALID = sorted(p for p in (EXAMPLES / "valid").iterdir() if p.is_dir())
INVALID = sorted(p for p in (EXAMPLES / "invalid").iterdir() if p.is_dir())


def expectations(case: Path) -> list[tuple[str, str, str]]:
    """(`path:line:col:`, level, words) for each line of expected.txt."""
    found = []
    for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            path, number, column, level, words = line.split(":", 4)
            found.append((f"{path}:{number}:{column}", level.strip(), words.strip()))
    return found


@pytest.mark.parametrize("case", VALID, ids=lambda p: p.name)
def test_valid_example(case: Path, example_repo, run_pipeline) -> None:
    """Valid cases pass; the warnings they report are exactly those in expected.txt, if any."""
    result = run_pipeline(example_repo(case), "validate", "--today", "2026-11-22")
    assert result.exit_code == 0, result.output
    assert "all valid" in result.output
    expected = expectations(case) if (case / "expected.txt").exists() else []
    assert_reported(result.output, expected)
    warnings = [line for line in result.output.splitlines() if ": warning: " in line]
    assert len(warnings) == len(expected), result.output


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_invalid_example(case: Path, example_repo, run_pipeline) -> None:
    result = run_pipeline(example_repo(case), "validate", "--today", "2026-11-22")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert_reported(result.output, expectations(case))


def assert_reported(output: str, expected: list[tuple[str, str, str]]) -> None:
    lines = output.splitlines()
    for place, level, words in expected:
        matching = [line for line in lines if line.startswith(place) and f": {level}: " in line]
        # The hint is printed on the next line; the expectation may quote either.
        texts = [
            line + " " + lines[lines.index(line) + 1].strip().removeprefix("fix: ")
            for line in matching
        ]
        assert any(words in text for text in texts), (
            f"expected {place}: {level}: ...{words}... in:\n{output}"
        )


def test_every_invalid_case_has_expectations() -> None:
    for case in INVALID:
        assert expectations(case), f"{case.name}/expected.txt lists nothing"
