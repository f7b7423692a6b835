"""When a maker day starts and ends, as instants that can be compared and converted.

Maker days happen in the UK, so a time written without a time zone is UK time (Europe/London,
GMT or BST as the date falls), and a date alone runs from the start of that day to its end in
UK time. Times with a zone (Z, +01:00) mean exactly what they say. Dates and times in records
are limited to years 1900-2999 (generator.checking.formats), so none of these conversions can
overflow.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from generator.vocabulary import in_uk_time


def parse_moment(value: str) -> date | datetime:
    """A record's date or date-time text as a date or a datetime (which may have no zone)."""
    return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)


def instant(moment: date | datetime, *, end: bool = False) -> datetime:
    """`moment` as an aware datetime in UTC; a date is its day's first moment (or, if `end`,
    its last: 23:59:59.999999)."""
    if not isinstance(moment, datetime):
        moment = datetime.combine(moment, time.max if end else time.min)
    return in_uk_time(moment).astimezone(UTC)
