"""The fast paths of `pipeline validate` never change its results, only its speed."""

from __future__ import annotations

import copy
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.synthetic import write_catalogue
from generator.checking.schema import load_schema, quick_validator_for, schema_path, validator_for
from generator.forking import map_forked
from generator.loading.files import discover
from generator.loading.many import read_many
from generator.loading.yaml_positions import load_document
from tests.conftest import CATALOGUE, EXAMPLES, PROJECT_ROOT

# Values that break one rule or another, including ones where two validators could differ:
# numbers Rust cannot hold, a trailing newline after a pattern, digits from other scripts,
# dates that parse in Python but are not dates in records.
ODD_VALUES: list[Any] = [
    None, True, 0, -1, 1.5, 10**30, math.nan, math.inf, "", " ", "x" * 2001, "a\n",
    "2026-02-30", "2026-13-01", "20260101", "2026-W01-1", "2026-01-01T25:00", "2026-01-01T10:00",
    "E06000037\n", "E\u0660\u0666000037", "ftp://example.org", "https://example.org",
    "not an email", "a@b.c", "west-berkshire", "West_Berkshire", [], ["x", "x"], {}, {"x": 1},
]  # fmt: skip


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*path, index))


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    changed = copy.deepcopy(data)
    if not path:
        return value
    target = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def _mutants(data: dict[str, Any]) -> Iterator[Any]:
    for path in _leaves(data):
        for value in ODD_VALUES:
            yield _replaced(data, path, value)
    for key in data:
        yield {k: v for k, v in data.items() if k != key}
        yield {**data, f"{key}s": data[key]}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_catalogue(tmp_path_factory.mktemp("synthetic"), 3, councils=4).root


def _records(folder: Path) -> list[Any]:
    return [load_document(p.read_text()).data for p in sorted(folder.glob("*.yml"))]


@pytest.mark.parametrize("kind", ["project", "council", "makerday"])
def test_quick_check_agrees_with_detailed_validation(kind: str, synthetic: Path) -> None:
    path = schema_path(PROJECT_ROOT, kind)
    quick, detailed = quick_validator_for(path), validator_for(path)
    folder = {"project": "projects", "council": "councils", "makerday": "makerdays"}[kind]
    # The mutants come from the repository's own records, so there are as many in a fresh clone
    # as anywhere; the synthetic ones (real councils when the register is beside the
    # repository) only add to them.
    ours, made = _records(CATALOGUE / folder), _records(synthetic / folder)
    records = ours + made
    for example in sorted(EXAMPLES.rglob(f"{folder}/*.yml")):
        try:
            records.append(load_document(example.read_text()).data)
        except Exception:  # the YAML itself is broken: not a schema case
            continue
    checked = 0
    for record in ours[:3] + made[:3]:
        for mutant in _mutants(record):
            # Never passes what the detailed validation rejects. The reverse may happen (a
            # trailing newline that Python's `$` allows, NaN, digits from other scripts): the
            # record then takes the detailed path, which decides.
            assert not quick(mutant) or detailed.is_valid(mutant), mutant
            checked += 1
    for record in records:
        assert quick(record) == detailed.is_valid(record), record
    assert checked > 1000 and load_schema(path), checked


def test_reading_in_parallel_gives_the_same_outcomes(example_repo) -> None:
    root = example_repo(*sorted((EXAMPLES / "invalid").iterdir())).resolve()
    paths = list(discover(root))
    serial = read_many(root, paths)
    parallel = read_many(root, paths, parallel_from=1)
    assert [(r.path if r else None, found) for r, found in parallel] == [
        (r.path if r else None, found) for r, found in serial
    ]
    assert [r.data for r, _ in parallel if r] == [r.data for r, _ in serial if r]
    assert any(r is None for r, _ in serial)  # broken files are among them


def test_places_are_worked_out_when_asked() -> None:
    document = load_document("title: A\npartners:\n  - council: x\n    role: partner\n")
    assert document.position(("partners", 0, "role")) == (4, 11)
    assert document.position(("partners", 0, "since")) == (3, 5)  # the nearest that exists
    assert document.position(("title",), key=True) == (1, 1)


def test_forked_work_gives_the_same_results_in_order() -> None:
    offset = 7  # a closure: helpers inherit it, nothing is pickled but numbers
    items = list(range(2_500))
    assert map_forked(lambda n: (n, n * n + offset), items, parallel_from=1) == [
        (n, n * n + offset) for n in items
    ]
    assert map_forked(lambda n: n, [], parallel_from=1) == []
