"""The loader's limits, each at its edge: the largest file, deepest nesting, most values,
and longest number a record may have are accepted, and one more is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loading.files import MAX_FILE_BYTES, classify, read_record
from generator.loading.scalars import MAX_NUMBER_LENGTH
from generator.loading.yaml_positions import MAX_DEPTH, MAX_VALUES, YamlProblem, load_document
from generator.problems import RecordError

HEADER = "# yaml-language-server: $schema=../schema/project.schema.json\n"
BODY = "title: T\nsummary: S.\nphase: idea\nlead_council: hackney\n"


def refusal(text: str) -> str:
    """The rule that refuses `text`, or "" when it loads."""
    try:
        load_document(text)
    except YamlProblem as exc:
        return exc.rule
    return ""


def nested(levels: int) -> str:
    """A record whose deepest value is `levels` levels down: the record itself is the first."""
    lists = levels - 1
    return "title: " + "[" * lists + "]" * lists + "\n"


def test_nesting_is_allowed_to_the_limit_and_no_deeper() -> None:
    assert refusal(nested(MAX_DEPTH)) == ""
    assert refusal(nested(MAX_DEPTH + 1)) == "yaml-depth"


@pytest.mark.parametrize("last", ["1", "[]"])  # the last value counted: a number or a list
def test_a_file_may_hold_the_most_values_and_no_more(last: str) -> None:
    def values(count: int) -> str:  # a list holding count - 1 values
        return "[" + ",".join(["1"] * (count - 2) + [last]) + "]"

    assert refusal(values(MAX_VALUES)) == ""
    assert refusal(values(MAX_VALUES + 1)) == "too-many-values"


@pytest.mark.parametrize("value", ["1", "1.5"])
def test_a_number_may_be_as_long_as_the_limit_and_no_longer(value: str) -> None:
    longest = value.rjust(MAX_NUMBER_LENGTH, "9")
    assert refusal(f"amount: {longest}\n") == ""
    assert refusal(f"amount: 9{longest}\n") == "number-too-long"


def test_a_file_may_be_as_large_as_the_limit_and_no_larger(tmp_path: Path) -> None:
    def read(size: int) -> str:
        """The rule refusing a record file of exactly `size` bytes, or "" when it is read."""
        path = tmp_path / "projects" / "big.yml"
        path.parent.mkdir(exist_ok=True)
        start = (HEADER + BODY + "#").encode()
        path.write_bytes(start + b"x" * (size - len(start) - 1) + b"\n")
        assert path.stat().st_size == size
        try:
            read_record(tmp_path, classify(tmp_path, path))
        except RecordError as exc:
            return exc.problem.rule
        return ""

    assert read(MAX_FILE_BYTES) == ""
    assert read(MAX_FILE_BYTES + 1) == "file-size"
