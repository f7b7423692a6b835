"""A compiled schema check that answers only "valid or not", fast, for the common case.

jsonschema (pure Python) gives the detailed errors that become plain-English problems, but
checking 10,000 records with it takes seconds. jsonschema-rs (Rust) answers yes or no about
100 times faster, so every record is checked by it first and only the records it rejects go
through jsonschema for the explanation. The two must agree: formats are checked by the same
Python functions in both (generator.checking.formats), and anything the fast check cannot
handle (say a number too large for Rust) counts as "not sure" and takes the detailed path, so
the fast path can only ever save time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import jsonschema_rs

from generator.checking.formats import FORMATS

Quick = Callable[[Any], bool]


def _formats_used(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        if isinstance(schema.get("format"), str):
            yield schema["format"]
        for value in schema.values():
            yield from _formats_used(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _formats_used(value)


def _same_as_detailed(name: str) -> Callable[[str], bool]:
    if name not in FORMATS.checkers:
        return lambda _value: True  # the detailed validator does not check it either
    return lambda value: FORMATS.conforms(value, name)


def compile_quick(schema: dict[str, Any]) -> Quick:
    formats = {name: _same_as_detailed(name) for name in set(_formats_used(schema))}
    validator = jsonschema_rs.Draft202012Validator(schema, formats=formats, validate_formats=True)

    def passes(data: Any) -> bool:
        try:
            return bool(validator.is_valid(data))
        except (ValueError, TypeError, OverflowError):  # data Rust cannot represent
            return False

    return passes
