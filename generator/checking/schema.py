"""JSON Schema validation, with each error turned into a plain-English Problem at its place."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

from generator.checking.explanations import explain
from generator.checking.formats import FORMATS
from generator.checking.quick import Quick, compile_quick
from generator.checking.unique import LinearValidator
from generator.loading.files import LoadedRecord
from generator.problems import Problem, error

KINDS = ("project", "council", "makerday")


def schema_path(root: Path, kind: str) -> Path:
    return root / "schema" / f"{kind}.schema.json"


@cache
def load_schema(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


# A record with more problems than this gets the first ones and a note: enough to start fixing,
# and a hostile file cannot make checking (or the report) grow without bound.
MAX_PROBLEMS = 50


@cache
def validator_for(path: Path) -> Any:
    return LinearValidator(load_schema(path), format_checker=FORMATS)


@cache
def quick_validator_for(path: Path) -> Quick:
    return compile_quick(load_schema(path))


def check_record(record: LoadedRecord, root: Path) -> list[Problem]:
    path = schema_path(root, record.kind)
    if quick_validator_for(path)(record.data):
        return []  # most records are valid: skip the slower, detailed validation
    # Lazily, and no further than needed: both the errors and their explanations are generators.
    found = (
        p for err in validator_for(path).iter_errors(record.data) for p in explain(record, err)
    )
    return _drop_doubled(capped(record, found))


def capped(record: LoadedRecord, found: Iterable[Problem]) -> list[Problem]:
    """The first MAX_PROBLEMS of `found`, and a note if there were more."""
    problems = list(islice(found, MAX_PROBLEMS + 1))
    if len(problems) > MAX_PROBLEMS:
        problems[MAX_PROBLEMS:] = [
            error(
                record.path,
                *record.document.position(()),
                f"This file has more than {MAX_PROBLEMS} problems; only the first are listed.",
                "Fix these and run the check again to see the rest.",
                "too-many-problems",
            )
        ]
    return problems


def _drop_doubled(problems: list[Problem]) -> list[Problem]:
    """A web address that breaks the https:// pattern is not a web address either: one message
    (the pattern's, which says how to start it) is enough."""
    patterns = {(p.line, p.column) for p in problems if p.rule == "pattern"}
    return [p for p in problems if not (p.rule == "url" and (p.line, p.column) in patterns)]
