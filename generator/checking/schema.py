"""JSON Schema validation, with each error turned into a plain-English Problem at its place."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

from jsonschema.exceptions import ValidationError, best_match

from generator.checking.formats import FORMATS, MAX_YEAR, MIN_YEAR
from generator.checking.quick import Quick, compile_quick
from generator.checking.suggestions import did_you_mean, listing
from generator.checking.unique import LinearValidator, repeated
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


def describe_path(path: tuple[str | int, ...]) -> str:
    """('partners', 0, 'council') -> 'partners, item 1, council'."""
    parts = [f"item {p + 1}" if isinstance(p, int) else p for p in path]
    return ", ".join(parts) if parts else "the record"


def check_record(record: LoadedRecord, root: Path) -> list[Problem]:
    path = schema_path(root, record.kind)
    if quick_validator_for(path)(record.data):
        return []  # most records are valid: skip the slower, detailed validation
    # Lazily, and no further than needed: both the errors and their explanations are generators.
    found = (
        p for err in validator_for(path).iter_errors(record.data) for p in _explain(record, err)
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


def quoted(value: Any, limit: int = 80) -> str:
    """A value as it appears in a message: quoted, and cut short, since a value may be a
    quarter of a megabyte."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of 'key: value' lines"
    return "nothing (an empty value)"


_EXPECTED = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list (lines starting with '- ')",
    "object": "a set of 'key: value' lines",
    "null": "nothing",
}


def _explain(record: LoadedRecord, err: ValidationError) -> Iterator[Problem]:
    path = tuple(err.absolute_path)
    doc = record.document
    schema = err.schema if isinstance(err.schema, dict) else {}
    title = describe_path(path)
    value = err.instance
    keyword = err.validator

    def at(where: tuple[str | int, ...] = path, *, key: bool = False) -> tuple[int, int]:
        return doc.position(where, key=key)

    if keyword == "additionalProperties" and isinstance(value, dict):
        allowed = list(schema.get("properties", {}))
        for key in value:
            if key in allowed:
                continue
            suggestion = did_you_mean(key, allowed)
            hint = (
                f"Rename it: {suggestion}"
                if suggestion
                else f"Remove it, or use one of: {listing(allowed, 40)}."
            )
            yield error(
                record.path,
                *at((*path, key), key=True),
                f"{title}: '{key}' is not a key that records of this kind can have.",
                hint,
                "unknown-key",
            )
        return
    if keyword == "required" and isinstance(value, dict):
        for key in err.validator_value:
            if key in value:
                continue
            described = schema.get("properties", {}).get(key, {})
            explanation = described.get("description", "")
            where = "the record" if not path else title
            yield error(
                record.path,
                *at(),
                f"{where}: the required key '{key}' is missing.",
                f"Add a line '{key}: ...'. {explanation}".strip(),
                "required",
            )
        return
    if keyword == "enum":
        allowed = [str(v) for v in err.validator_value]
        suggestion = did_you_mean(str(value), allowed) if isinstance(value, str) else ""
        message = f"{title}: {quoted(value)} is not one of {listing(allowed, 30)}"
        yield error(
            record.path,
            *at(),
            message + (f"; {suggestion}" if suggestion else "."),
            "" if suggestion else "Use one of the values listed, spelt exactly as shown.",
            "enum",
        )
        return
    if keyword == "type":
        expected = err.validator_value
        expected_names = (
            " or ".join(_EXPECTED.get(t, t) for t in expected)
            if isinstance(expected, list)
            else _EXPECTED.get(expected, expected)
        )
        hint = _type_hint(value, expected)
        yield error(
            record.path,
            *at(),
            f"{title}: expected {expected_names}, but found {_type_name(value)}.",
            hint,
            "type",
        )
        return
    if keyword in ("oneOf", "anyOf") and err.context:
        yield from _explain_alternatives(record, err, path, title)
        return
    if keyword == "format":
        yield error(record.path, *at(), *_format_message(title, value, err.validator_value))
        return
    if keyword == "pattern":
        description = schema.get("description", "")
        yield error(
            record.path,
            *at(),
            f"{title}: {quoted(value)} is not in the expected form.",
            _pattern_hint(err.validator_value, description),
            "pattern",
        )
        return
    if keyword == "maxLength":
        yield error(
            record.path,
            *at(),
            f"{title} is {len(value)} characters long; the limit is {err.validator_value}.",
            "Shorten it.",
            "too-long",
        )
        return
    if keyword == "minLength":
        yield error(
            record.path,
            *at(),
            f"{title} is empty or too short (at least {err.validator_value} characters).",
            "Fill it in, or remove the line.",
            "too-short",
        )
        return
    if keyword in ("minimum", "exclusiveMinimum"):
        yield error(
            record.path,
            *at(),
            f"{title}: {value} is below the smallest allowed value, {err.validator_value}.",
            "Use a number of at least that.",
            "minimum",
        )
        return
    if keyword == "maximum":
        yield error(
            record.path,
            *at(),
            f"{title}: {value} is above the largest allowed value, {err.validator_value}.",
            "Use a smaller number.",
            "maximum",
        )
        return
    if keyword == "uniqueItems" and isinstance(value, list):
        for index in repeated(value):
            yield error(
                record.path,
                *at((*path, index)),
                f"{title}: {quoted(value[index])} is listed more than once.",
                "Remove the repeated entry.",
                "duplicate-item",
            )
        return
    if keyword == "minItems":
        yield error(
            record.path,
            *at(),
            f"{title}: the list needs at least {err.validator_value} entries.",
            "Add entries, or remove the key.",
            "min-items",
        )
        return
    if keyword == "maxItems":
        yield error(
            record.path,
            *at(),
            f"{title}: the list has more than {err.validator_value} entries.",
            "Keep the most important ones.",
            "max-items",
        )
        return
    yield error(
        record.path,
        *at(),
        f"{title}: {err.message}.",
        schema.get("description", ""),
        keyword or "schema",
    )


def _type_hint(value: Any, expected: Any) -> str:
    if value is None:
        return "Give it a value after the colon, or remove the line."
    if expected == "string" and isinstance(value, (bool, int, float)):
        return f'Put the value in quotes: "{value}".'
    if expected == "array":
        return "Write each entry on its own line starting with '- '."
    return ""


def _format_message(title: str, value: Any, fmt: str) -> tuple[str, str, str]:
    if fmt == "date":
        return (
            f"{title}: {quoted(value)} is not a real date.",
            "Write dates as YYYY-MM-DD, e.g. 2025-03-31, with a year from "
            f"{MIN_YEAR} to {MAX_YEAR}, and check the day exists in that month.",
            "date",
        )
    if fmt == "date-time":
        return (
            f"{title}: {quoted(value)} is not a real date and time.",
            "Write it as YYYY-MM-DDTHH:MM, e.g. 2027-03-18T09:30, optionally followed by "
            f"a time zone such as +01:00, with a year from {MIN_YEAR} to {MAX_YEAR}.",
            "date",
        )
    if fmt == "email":
        return (
            f"{title}: {quoted(value)} is not an email address.",
            "Write one address such as name@council.gov.uk, with one @ and no spaces or "
            "line breaks.",
            "email",
        )
    if fmt == "uri":
        return (
            f"{title}: {quoted(value)} is not a working web address.",
            "Copy the full address from the browser's address bar, starting https:// and "
            "with no spaces or line breaks, e.g. https://www.westberks.gov.uk.",
            "url",
        )
    return (f"{title}: {quoted(value)} is not a valid {fmt}.", "", "format")


_PATTERN_HINTS = {
    "^https?://": "Web addresses must start with https:// (or http://).",
    "^[a-z0-9]+(-[a-z0-9]+)*$": (
        "Use lowercase letters, digits and single hyphens, e.g. 'west-berkshire'."
    ),
    "^[ENSW]\\d{8}$": "GSS codes are a letter E, N, S or W and 8 digits, e.g. E06000037.",
    "^[A-Z]{3}$": "Register codes are three capital letters, e.g. WBK.",
}


def _pattern_hint(pattern: str, description: str) -> str:
    for known, hint in _PATTERN_HINTS.items():
        if pattern.startswith(known):
            return hint
    if "/" in pattern and "A-Za-z0-9" in pattern:
        return (
            "Use a GitHub user name such as 'alice' (at most 39 letters, digits and single "
            "hyphens) or a team such as '@my-council/digital'."
        )
    return description


def _explain_alternatives(
    record: LoadedRecord, err: ValidationError, path: tuple[str | int, ...], title: str
) -> Iterator[Problem]:
    formats = [e for e in err.context if e.validator == "format"]
    if formats and len(formats) == len(err.context):
        yield error(
            record.path,
            *record.document.position(path),
            f"{title}: {quoted(err.instance)} is not a real date, nor a date and time.",
            "Write a date as YYYY-MM-DD (2027-03-18) or a date and time as YYYY-MM-DDTHH:MM "
            f"(2027-03-18T09:30), with a year from {MIN_YEAR} to {MAX_YEAR}.",
            "date",
        )
        return
    # For lists of alternatives shaped differently (a challenge from a project, or written
    # out), explain the branch that matches the keys the officer wrote.
    instance = err.instance
    branches = err.schema.get(err.validator, []) if isinstance(err.schema, dict) else []
    if isinstance(instance, dict):
        for index, branch in enumerate(branches):
            required = set(branch.get("required", []))
            if required and required & set(instance):
                branch_errors = [e for e in err.context if e.schema_path[0] == index]
                for sub in branch_errors:
                    yield from _explain(record, sub)
                if branch_errors:
                    return
    chosen = best_match(err.context)
    if chosen is not None:
        yield from _explain(record, chosen)
