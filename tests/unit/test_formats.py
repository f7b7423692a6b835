"""The string formats: real validators for email and web addresses, strict dates, and the fast
check (jsonschema-rs) and the detailed one (jsonschema) always of one mind about them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.checking.formats import FORMATS
from generator.checking.schema import quick_validator_for, schema_path, validator_for
from tests.conftest import PROJECT_ROOT

PROJECT = schema_path(PROJECT_ROOT, "project")
MAKERDAY = schema_path(PROJECT_ROOT, "makerday")
BASE = {"title": "A", "summary": "B", "phase": "idea", "lead_council": "west-berkshire"}


@pytest.mark.parametrize(
    ("value", "good"),
    [
        ("digital@westberks.gov.uk", True),
        ("a@b@example.gov.uk", False),
        ("digital@example.gov.uk\nBcc: everyone@example.com", False),
        ("digital@example.gov.uk\r\nBcc: x@y.com", False),
        ("no-at-sign.gov.uk", False),
        ("a b@example.gov.uk", False),
        ("name@localhost", False),
    ],
)
def test_email(value: str, good: bool) -> None:
    assert FORMATS.conforms(value, "email") is good


@pytest.mark.parametrize(
    ("value", "good"),
    [
        ("https://www.westberks.gov.uk", True),
        ("http://example.gov.uk/a?b=c#d", True),
        ("https://", False),
        ("https:///path", False),
        ("https://exa\nmple.gov.uk", False),
        ("https://example.gov.uk/\tx", False),
        ("https://exa mple.gov.uk", False),
        ("https:\\\\example.gov.uk", False),
        ("https:example.gov.uk", False),
        ("javascript:alert(1)", False),
        ("ftp://example.gov.uk", False),
    ],
)
def test_web_address(value: str, good: bool) -> None:
    assert FORMATS.conforms(value, "uri") is good


@pytest.mark.parametrize(
    ("value", "good"),
    [
        ("2025-03-11", True),
        ("2025-W11-4", False),
        ("20250311", False),
        ("2025-02-29", False),
        ("1899-12-31", False),  # the years allowed are 1900 to 2999, both included
        ("1900-01-01", True),
        ("2999-12-31", True),
        ("3000-01-01", False),
    ],
)
def test_date(value: str, good: bool) -> None:
    assert FORMATS.conforms(value, "date") is good


@pytest.mark.parametrize(
    ("value", "good"),
    [
        ("2027-03-18T09:30", True),
        ("2027-03-18T09:30:00.5+01:00", True),
        ("2027-03-18T09:30Z", True),
        ("2027-03-18 09:30", False),
        ("2025-W11-4T09:30", False),
        ("20270318T0930", False),
        ("9999-12-31T23:00:00-05:00", False),
        ("1899-12-31T23:59Z", False),
        ("1900-01-01T00:00Z", True),
        ("2999-12-31T23:59Z", True),
        ("3000-01-01T00:00Z", False),
        ("2027-03-18T09:30+24:00", False),
    ],
)
def test_date_time(value: str, good: bool) -> None:
    assert FORMATS.conforms(value, "date-time") is good


awkward = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
emails = st.one_of(st.emails().map(str), awkward, st.builds("{}@{}".format, awkward, awkward))
urls = st.one_of(
    awkward,
    st.builds("https://{}".format, awkward),
    st.builds("http://{}.gov.uk/{}".format, awkward, awkward),
)
moments = st.one_of(
    awkward,
    st.dates().map(str),
    st.datetimes().map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat(timespec="minutes")),
)


def _agree(path, data) -> None:
    detailed = not any(validator_for(path).iter_errors(data))
    assert quick_validator_for(path)(data) is detailed, data


@given(emails, urls)
def test_fast_and_detailed_checks_agree_on_addresses(email: str, url: str) -> None:
    _agree(PROJECT, {**BASE, "contact": {"email": email}, "reuse": {"repository": url}})


@given(moments, moments)
def test_fast_and_detailed_checks_agree_on_dates(start: str, end: str) -> None:
    _agree(MAKERDAY, {"title": "A day", "start": start, "end": end})
    _agree(PROJECT, {**BASE, "started": start})
