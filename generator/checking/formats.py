"""The string formats records use, checked the same way by both schema validators.

- date: exactly YYYY-MM-DD, a real day, in a year from MIN_YEAR to MAX_YEAR. Python's
  `date.fromisoformat` alone also takes week dates (2025-W11-4) and 20250105.
- date-time: YYYY-MM-DDTHH:MM, optional seconds (and fractions), optional Z or +HH:MM offset,
  in the same years. The years keep every conversion (to UTC, a day later) inside what Python
  can represent, so no accepted time can stop the build.
- email: the `email-validator` library's syntax rules (no DNS look-ups), so one '@', no spaces,
  no line breaks (no smuggled mail headers) and a domain with a dot.
- uri: a web address as a browser reads it (the WHATWG URL standard, through `ada-url`, the
  parser Node.js uses), http or https with a host, written without spaces, line breaks or
  backslashes, which browsers would silently drop or change. Every `format: uri` in the
  schemas is a web address, so the stricter reading is the contract.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import ada_url
from email_validator import EmailNotValidError, validate_email
from jsonschema import FormatChecker

FORMATS = FormatChecker(formats=())
MIN_YEAR, MAX_YEAR = 1900, 2999

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATE_TIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?"
    r"(?:Z|[+-][0-9]{2}:[0-9]{2})?"
)
_NOT_IN_ADDRESSES = re.compile(r"[\x00-\x20\x7f-\x9f\\]")
# http(s):// then a host as written: browsers would read `https:///x` as the host `x`.
_WEB_START = re.compile(r"https?://[^/?#@]", re.IGNORECASE)


def _in_years(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


@FORMATS.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return bool(_DATE.fullmatch(value)) and _in_years(date.fromisoformat(value).year)


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    if not isinstance(value, str):
        return True
    return bool(_DATE_TIME.fullmatch(value)) and _in_years(datetime.fromisoformat(value).year)


@FORMATS.checks("email")
def _is_email(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


@FORMATS.checks("uri")
def _is_web_address(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if _NOT_IN_ADDRESSES.search(value) or not _WEB_START.match(value):
        return False
    try:
        parsed = ada_url.URL(value)
    except ValueError:
        return False
    return parsed.protocol in ("http:", "https:") and bool(parsed.hostname)
