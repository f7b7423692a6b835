"""Dates in words, the GOV.UK way, for pages, feeds and digests alike."""

from __future__ import annotations

from datetime import date, datetime


def long_date(value: date | datetime | None) -> str:
    """GOV.UK style: 20 August 2026."""
    if value is None:
        return ""
    return f"{value.day} {value:%B %Y}"


def day_and_month(value: date) -> str:
    """`20 August`, for dates within a week whose year is said once."""
    return f"{value.day} {value:%B}"
