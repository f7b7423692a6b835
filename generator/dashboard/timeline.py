"""Figures over time: councils signed up and the share of projects with two or more councils.

Both count, for each period, the dates on or before its end; the dates are sorted once and
bisected, so the work is n log n in the number of records however many periods there are.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from generator.catalogue.model import Catalogue, Project

# Time series use quarters while they fit on a phone screen, then whole years.
MAX_QUARTERS = 24


@dataclass(frozen=True)
class Period:
    """A quarter or a year; `end` is its last day, or `today` for the one still running."""

    label: str
    end: date
    kind: str  # "quarter" or "year"


@dataclass(frozen=True)
class CouncilsPoint:
    period: Period
    councils: int


@dataclass(frozen=True)
class CollaborationPoint:
    period: Period
    projects: int
    collaborative: int

    @property
    def share(self) -> float:
        """Percentage of the projects running by the period's end with two or more councils."""
        return 100 * self.collaborative / self.projects if self.projects else 0.0


def _quarter(day: date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _quarter_end(year: int, quarter: int) -> date:
    if quarter == 4:
        return date(year, 12, 31)
    return date(year, quarter * 3 + 1, 1) - timedelta(days=1)


def periods(first: date, today: date) -> tuple[Period, ...]:
    """Quarters from `first` to `today`, or whole years when that would be over MAX_QUARTERS."""
    if first > today:
        return ()
    (y0, q0), (y1, q1) = _quarter(first), _quarter(today)
    if (y1 - y0) * 4 + q1 - q0 + 1 <= MAX_QUARTERS:
        found = []
        year, quarter = y0, q0
        while (year, quarter) <= (y1, q1):
            found.append(
                Period(f"{year} Q{quarter}", min(_quarter_end(year, quarter), today), "quarter")
            )
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        return tuple(found)
    return tuple(Period(str(y), min(date(y, 12, 31), today), "year") for y in range(y0, y1 + 1))


def _counts_by_period(days: Sequence[date], spans: Iterable[Period]) -> list[int]:
    """How many of the sorted `days` fall on or before each period's end."""
    return [bisect_right(days, p.end) for p in spans]


def councils_over_time(catalogue: Catalogue, today: date) -> tuple[tuple[CouncilsPoint, ...], int]:
    """Councils signed up by the end of each period (from `joined`), and how many have no date."""
    joined = sorted(c.joined for c in catalogue.councils.values() if c.joined)
    undated = len(catalogue.councils) - len(joined)
    if not joined:
        return (), undated
    spans = periods(joined[0], today)
    counts = _counts_by_period(joined, spans)
    return tuple(CouncilsPoint(p, n) for p, n in zip(spans, counts, strict=True)), undated


def first_date(project: Project) -> date | None:
    """The earliest date the record gives: when it started, or its first update, partner,
    pledge, review or award (from the start of its year: a record gives only the year) when
    `started` is missing or later than those."""
    dates = [
        project.started,
        project.last_reviewed,
        *(date(a.year, 1, 1) for a in project.funding),
        *(u.date for u in project.updates),
        *(p.since for p in project.partners),
        *(p.date for p in project.pledges),
    ]
    known = [d for d in dates if d]
    return min(known) if known else None


def collaborative_since(project: Project, start: date) -> date | None:
    """When the project first had two or more councils, or None if it never has.

    Approximation: the record keeps only when each partner joined (`since`), not when anyone
    left, so a partner is counted from `since` onwards; a partner without `since` is counted
    from the project's first date.
    """
    joined = [
        max(p.since or start, start) for p in project.partners if p.council != project.lead_council
    ]
    return min(joined) if joined else None


def collaboration_over_time(
    projects: Iterable[Project], today: date
) -> tuple[tuple[CollaborationPoint, ...], int]:
    """For each period, the projects that had started by its end and how many of them had two
    or more councils by then. Projects with no date at all are left out (and counted).

    Approximation: a project counts from its first date (see `first_date`) for good, even
    after it is retired, because records do not say when a project ended.
    """
    starts: list[date] = []
    collaborative: list[date] = []
    undated = 0
    for project in projects:
        start = first_date(project)
        if start is None:
            undated += 1
            continue
        starts.append(start)
        if since := collaborative_since(project, start):
            collaborative.append(since)
    if not starts:
        return (), undated
    starts.sort()
    collaborative.sort()
    spans = periods(starts[0], today)
    totals = _counts_by_period(starts, spans)
    shared = _counts_by_period(collaborative, spans)
    points = tuple(
        CollaborationPoint(p, n, c) for p, n, c in zip(spans, totals, shared, strict=True)
    )
    return points, undated
