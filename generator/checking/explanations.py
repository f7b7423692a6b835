"""Plain-English explanations of JSON Schema errors: one small function per keyword.

Each function is registered in `EXPLANATIONS` under the keyword it explains (as yamllint
registers its rules); `explain` looks the keyword up, and falls back to the library's message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from jsonschema.exceptions import ValidationError, best_match

from generator.checking.formats import MAX_YEAR, MIN_YEAR
from generator.checking.suggestions import did_you_mean, listing
from generator.checking.unique import repeated
from generator.loading.files import LoadedRecord
from generator.problems import Problem, describe_path, error

RecordPath = tuple[str | int, ...]


def quoted(value: Any, limit: int = 80) -> str:
    """A value as it appears in a message: quoted, and cut short, since a value may be a
    quarter of a megabyte."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


@dataclass(frozen=True)
class Failure:
    """One schema error, with what every explanation needs to word it and place it."""

    record: LoadedRecord
    err: ValidationError

    @property
    def path(self) -> RecordPath:
        return tuple(self.err.absolute_path)

    @property
    def title(self) -> str:
        return describe_path(self.path)

    @property
    def value(self) -> Any:
        return self.err.instance

    @property
    def expected(self) -> Any:
        """The keyword's value in the schema: the limit, the pattern, the allowed values."""
        return self.err.validator_value

    @property
    def schema(self) -> dict[str, Any]:
        return self.err.schema if isinstance(self.err.schema, dict) else {}

    def problem(
        self, message: str, hint: str, rule: str, where: RecordPath | None = None, key: bool = False
    ) -> Problem:
        place = self.record.document.position(self.path if where is None else where, key=key)
        return error(self.record.path, *place, message, hint, rule)


Explanation = Callable[[Failure], Iterator[Problem]]
EXPLANATIONS: dict[str, Explanation] = {}


def explains(*keywords: str) -> Callable[[Explanation], Explanation]:
    """Register the decorated function as the explanation of these JSON Schema keywords."""

    def register(function: Explanation) -> Explanation:
        for keyword in keywords:
            EXPLANATIONS[keyword] = function
        return function

    return register


def explain(record: LoadedRecord, err: ValidationError) -> Iterator[Problem]:
    failure = Failure(record, err)
    explanation = EXPLANATIONS.get(str(err.validator), _fallback)
    yield from explanation(failure)


def _fallback(f: Failure) -> Iterator[Problem]:
    yield f.problem(
        f"{f.title}: {f.err.message}.", f.schema.get("description", ""), f.err.validator or "schema"
    )


@explains("additionalProperties")
def _unknown_key(f: Failure) -> Iterator[Problem]:
    if not isinstance(f.value, dict):
        yield from _fallback(f)
        return
    allowed = list(f.schema.get("properties", {}))
    for key in f.value:
        if key in allowed:
            continue
        suggestion = did_you_mean(key, allowed)
        hint = (
            f"Rename it: {suggestion}"
            if suggestion
            else f"Remove it, or use one of: {listing(allowed, 40)}."
        )
        message = f"{f.title}: '{key}' is not a key that records of this kind can have."
        yield f.problem(message, hint, "unknown-key", (*f.path, key), key=True)


@explains("required")
def _required(f: Failure) -> Iterator[Problem]:
    if not isinstance(f.value, dict):
        yield from _fallback(f)
        return
    for key in f.expected:
        if key in f.value:
            continue
        explanation = f.schema.get("properties", {}).get(key, {}).get("description", "")
        where = "the record" if not f.path else f.title
        yield f.problem(
            f"{where}: the required key '{key}' is missing.",
            f"Add a line '{key}: ...'. {explanation}".strip(),
            "required",
        )


@explains("enum")
def _enum(f: Failure) -> Iterator[Problem]:
    allowed = [str(v) for v in f.expected]
    value = f.value
    suggestion = did_you_mean(str(value), allowed) if isinstance(value, str) else ""
    message = f"{f.title}: {quoted(value)} is not one of {listing(allowed, 30)}"
    yield f.problem(
        message + (f"; {suggestion}" if suggestion else "."),
        "" if suggestion else "Use one of the values listed, spelt exactly as shown.",
        "enum",
    )


_EXPECTED = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list (lines starting with '- ')",
    "object": "a set of 'key: value' lines",
    "null": "nothing",
}


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


def _type_hint(value: Any, expected: Any) -> str:
    if value is None:
        return "Give it a value after the colon, or remove the line."
    if expected == "string" and isinstance(value, (bool, int, float)):
        return f'Put the value in quotes: "{value}".'
    if expected == "array":
        return "Write each entry on its own line starting with '- '."
    return ""


@explains("type")
def _type(f: Failure) -> Iterator[Problem]:
    expected = f.expected
    names = (
        " or ".join(_EXPECTED.get(t, t) for t in expected)
        if isinstance(expected, list)
        else _EXPECTED.get(expected, expected)
    )
    yield f.problem(
        f"{f.title}: expected {names}, but found {_type_name(f.value)}.",
        _type_hint(f.value, expected),
        "type",
    )


_YEARS = f"with a year from {MIN_YEAR} to {MAX_YEAR}"
_FORMAT_WORDING = {
    "date": (
        "is not a real date.",
        f"Write dates as YYYY-MM-DD, e.g. 2025-03-31, {_YEARS}, and check the day exists in "
        "that month.",
        "date",
    ),
    "date-time": (
        "is not a real date and time.",
        "Write it as YYYY-MM-DDTHH:MM, e.g. 2027-03-18T09:30, optionally followed by a time "
        f"zone such as +01:00, {_YEARS}.",
        "date",
    ),
    "email": (
        "is not an email address.",
        "Write one address such as name@council.gov.uk, with one @ and no spaces or line breaks.",
        "email",
    ),
    "uri": (
        "is not a working web address.",
        "Copy the full address from the browser's address bar, starting https:// and with no "
        "spaces or line breaks, e.g. https://www.westberks.gov.uk.",
        "url",
    ),
}


@explains("format")
def _format(f: Failure) -> Iterator[Problem]:
    fmt = f.expected
    what, hint, rule = _FORMAT_WORDING.get(fmt, (f"is not a valid {fmt}.", "", "format"))
    yield f.problem(f"{f.title}: {quoted(f.value)} {what}", hint, rule)


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


@explains("pattern")
def _pattern(f: Failure) -> Iterator[Problem]:
    yield f.problem(
        f"{f.title}: {quoted(f.value)} is not in the expected form.",
        _pattern_hint(f.expected, f.schema.get("description", "")),
        "pattern",
    )


@explains("maxLength")
def _too_long(f: Failure) -> Iterator[Problem]:
    message = f"{f.title} is {len(f.value)} characters long; the limit is {f.expected}."
    yield f.problem(message, "Shorten it.", "too-long")


@explains("minLength")
def _too_short(f: Failure) -> Iterator[Problem]:
    message = f"{f.title} is empty or too short (at least {f.expected} characters)."
    yield f.problem(message, "Fill it in, or remove the line.", "too-short")


@explains("minimum", "exclusiveMinimum")
def _minimum(f: Failure) -> Iterator[Problem]:
    message = f"{f.title}: {f.value} is below the smallest allowed value, {f.expected}."
    yield f.problem(message, "Use a number of at least that.", "minimum")


@explains("maximum")
def _maximum(f: Failure) -> Iterator[Problem]:
    message = f"{f.title}: {f.value} is above the largest allowed value, {f.expected}."
    yield f.problem(message, "Use a smaller number.", "maximum")


@explains("uniqueItems")
def _duplicate_item(f: Failure) -> Iterator[Problem]:
    if not isinstance(f.value, list):
        yield from _fallback(f)
        return
    for index in repeated(f.value):
        yield f.problem(
            f"{f.title}: {quoted(f.value[index])} is listed more than once.",
            "Remove the repeated entry.",
            "duplicate-item",
            (*f.path, index),
        )


@explains("minItems")
def _min_items(f: Failure) -> Iterator[Problem]:
    message = f"{f.title}: the list needs at least {f.expected} entries."
    yield f.problem(message, "Add entries, or remove the key.", "min-items")


@explains("maxItems")
def _max_items(f: Failure) -> Iterator[Problem]:
    message = f"{f.title}: the list has more than {f.expected} entries."
    yield f.problem(message, "Keep the most important ones.", "max-items")


@explains("oneOf", "anyOf")
def _alternatives(f: Failure) -> Iterator[Problem]:
    context = f.err.context
    if not context:
        yield from _fallback(f)
        return
    if all(e.validator == "format" for e in context):
        yield f.problem(
            f"{f.title}: {quoted(f.value)} is not a real date, nor a date and time.",
            "Write a date as YYYY-MM-DD (2027-03-18) or a date and time as YYYY-MM-DDTHH:MM "
            f"(2027-03-18T09:30), {_YEARS}.",
            "date",
        )
        return
    # For lists of alternatives shaped differently (a challenge from a project, or written
    # out), explain the branch that matches the keys the officer wrote.
    if isinstance(f.value, dict):
        for index, branch in enumerate(f.schema.get(f.err.validator, [])):
            required = set(branch.get("required", []))
            if required and required & set(f.value):
                branch_errors = [e for e in context if e.schema_path[0] == index]
                for sub in branch_errors:
                    yield from explain(f.record, sub)
                if branch_errors:
                    return
    chosen = best_match(context)
    if chosen is not None:
        yield from explain(f.record, chosen)
