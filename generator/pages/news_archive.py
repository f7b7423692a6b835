"""Which weeks of news keep a page of their own, and how the older ones are filed by month.

The last 52 weeks up to today (this unfinished week included) keep `/news/<monday>/`: the
weeks the weekly digest and the community manager link to. An older week becomes a section of
its month's page (`/news/<YYYY-MM>/#week-<monday>`), filed under the month its Monday is in,
and its old address becomes a small redirect file. A catalogue with news back to 2014 would
otherwise build a page for each of hundreds of weeks that hardly anyone opens on its own.

A month whose weeks would make too long a page goes on over more pages of the same month
(`paths.news_month`), each under `PAGE_BUDGET`: the earliest weeks first, so the weeks already
filed keep their page when a later week of the month joins them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from generator.digest.model import Digest, Figure, week_of
from generator.pages import paths

RECENT_WEEKS = 52  # a year of weeks, this one included
# The weeks' HTML on one month page, in bytes: with the site's header, navigation and footer
# (about 18 KB) a month page stays under 300 KB, with room to spare. At 10,000 projects a busy
# week is about 150 KB, so such months take two or three pages. A week longer than this on its
# own has a page to itself, as long as its own page was.
PAGE_BUDGET = 260_000


def first_recent_monday(today: date) -> date:
    """The Monday of the oldest week that still has a page of its own."""
    return week_of(today)[0] - timedelta(weeks=RECENT_WEEKS - 1)


def is_recent(digest: Digest, today: date) -> bool:
    return digest.since >= first_recent_monday(today)


def month_key(digest: Digest) -> str:
    """The month a week is filed under, by its Monday: `2015-03`."""
    return f"{digest.since:%Y-%m}"


@dataclass(frozen=True)
class ArchivePage:
    """One page of an older month: some of its weeks, oldest first."""

    month: str  # "2015-03"
    part: int  # from 1
    parts: int
    weeks: tuple[Digest, ...]

    @property
    def site_path(self) -> str:
        return paths.news_month(self.month, self.part)


def split(weeks: Sequence[Digest], today: date) -> tuple[list[Digest], list[Digest]]:
    """`weeks` (newest first) as (the recent weeks, the older weeks), each still newest first."""
    recent = [w for w in weeks if is_recent(w, today)]
    return recent, [w for w in weeks if not is_recent(w, today)]


def archive_pages(older: Sequence[Digest], sizes: dict[str, int]) -> list[ArchivePage]:
    """The older weeks (newest first) on month pages, newest month first; `sizes` gives each
    week's HTML size by its key, to keep every page within `PAGE_BUDGET`."""
    months: dict[str, list[Digest]] = {}
    for week in sorted(older, key=lambda w: w.since):
        months.setdefault(month_key(week), []).append(week)
    found: list[ArchivePage] = []
    for month in sorted(months, reverse=True):
        groups = pack(months[month], sizes)
        found += [
            ArchivePage(month, n, len(groups), tuple(group))
            for n, group in enumerate(groups, start=1)
        ]
    return sorted(found, key=lambda p: (p.month, p.part), reverse=True)


def pack(weeks: Sequence[Digest], sizes: dict[str, int]) -> list[list[Digest]]:
    """`weeks` in order, in groups of at most `PAGE_BUDGET` bytes (a longer week alone)."""
    groups: list[list[Digest]] = [[]]
    used = 0
    for week in weeks:
        size = sizes[week.key]
        if groups[-1] and used + size > PAGE_BUDGET:
            groups.append([])
            used = 0
        groups[-1].append(week)
        used += size
    return groups


def addresses(recent: Sequence[Digest], archive: Sequence[ArchivePage]) -> dict[str, str]:
    """Week key -> where the week is read: its own page, or its section of a month page."""
    found = {w.key: paths.news_week(w.key) for w in recent}
    for page in archive:
        for week in page.weeks:
            found[week.key] = f"{page.site_path}#{paths.news_week_anchor(week.key)}"
    return found


def month_figures(weeks: Sequence[Digest]) -> list[Figure]:
    """The weeks' headline figures added up, in the order a week shows them; none that are 0."""
    totals: dict[str, Figure] = {}
    for week in weeks:
        for figure in week.figures:
            before = totals.get(figure.id)
            count = figure.count + (before.count if before else 0)
            totals[figure.id] = Figure(figure.id, count, figure.one, figure.many)
    return [f for f in totals.values() if f.count]


def month_name(month: str) -> str:
    """`2015-03` -> `March 2015`."""
    return f"{date.fromisoformat(month + '-01'):%B %Y}"
