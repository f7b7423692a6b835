"""Dates, durations and counts in plain English, GOV.UK style."""

from __future__ import annotations

from datetime import date


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def how_long(since: date, today: date) -> str:
    """'3 years, 2 months' from `since` to `today`, in whole months."""
    months = (today.year - since.year) * 12 + today.month - since.month - (today.day < since.day)
    if months < 1:
        return "less than a month"
    years, months = divmod(months, 12)
    parts = [
        f"{n} {unit}{'s' if n != 1 else ''}"
        for n, unit in ((years, "year"), (months, "month"))
        if n
    ]
    return ", ".join(parts)


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def when(start: date, end: date) -> str:
    return long_date(start) if end == start else f"{long_date(start)} to {long_date(end)}"
