"""JSON Schema validation, with each error turned into a plain-English Problem at its place."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from generator.checking.explanations import explain
from generator.checking.formats import FORMATS
from generator.checking.quick import Quick, compile_quick
from generator.loading.files import LoadedRecord
from generator.problems import Problem

KINDS = ("project", "council", "makerday")


def schema_path(root: Path, kind: str) -> Path:
    return root / "schema" / f"{kind}.schema.json"


@cache
def load_schema(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def validator_for(path: Path) -> Draft202012Validator:
    return Draft202012Validator(load_schema(path), format_checker=FORMATS)


@cache
def quick_validator_for(path: Path) -> Quick:
    return compile_quick(load_schema(path))


def check_record(record: LoadedRecord, root: Path) -> list[Problem]:
    path = schema_path(root, record.kind)
    if quick_validator_for(path)(record.data):
        return []  # most records are valid: skip the slower, detailed validation
    validator = validator_for(path)
    problems: list[Problem] = []
    for err in validator.iter_errors(record.data):
        problems.extend(explain(record, err))
    return problems
