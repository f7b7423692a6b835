"""The string formats records use, checked the same way by both schema validators."""

from __future__ import annotations

from datetime import date, datetime

from jsonschema import FormatChecker

FORMATS = FormatChecker(formats=())


@FORMATS.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    # fromisoformat alone would accept '20240105'; records use the dashed form.
    return len(value) == 10 and bool(date.fromisoformat(value))


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return "T" in value.upper() and bool(datetime.fromisoformat(value))


@FORMATS.checks("email")
def _is_email(value: object) -> bool:
    if not isinstance(value, str):
        return True
    local, at, domain = value.partition("@")
    return bool(local and at and "." in domain and " " not in value)
