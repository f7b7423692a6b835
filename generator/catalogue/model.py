"""The typed model of a checked repository: what pages, reports and commands work from.

Built only from records that passed the checks, so fields can be trusted to have their types.
Every record keeps `path` (its file, for edit links and messages) and `raw` (the record as
written, for the JSON API).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

from generator.catalogue.written_form import repr_once


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Partner:
    council: str
    role: str
    since: date | None = None
    service_url: str = ""  # where this council's residents use the service


@dataclass(frozen=True)
class RoleWanted:
    role: str
    commitment: str = ""


@dataclass(frozen=True)
class Pledge:
    council: str
    kind: str
    amount: float | None = None
    note: str = ""
    date: date | None = None


@dataclass(frozen=True)
class Update:
    date: date
    text: str
    phase: str | None = None


@dataclass(frozen=True)
class Adoption:
    """A council using a reusable service; `replaced` is what it stopped building or buying."""

    council: str
    since: date | None = None
    replaced: str = ""
    service_url: str = ""  # where this council's residents use the service


@dataclass(frozen=True)
class Reuse:
    licence: str = ""
    repository: str = ""
    documentation: str = ""
    adopted_by: tuple[str, ...] = ()  # council ids, however the record writes them
    adoptions: tuple[Adoption, ...] = ()


@dataclass(frozen=True)
class Contact:
    name: str = ""
    role: str = ""
    email: str = ""
    github: str = ""


@dataclass(frozen=True)
class Source:
    """A public page the record's facts come from, and the day it was read."""

    url: str
    title: str
    read: date


@dataclass(frozen=True)
class Award:
    """One award of money to a project: a dated step in its history of phases."""

    funder: str
    programme: str
    year: int
    source: str
    round: str = ""
    phase: str | None = None
    amount: int | None = None  # whole pounds; None when no source gives it
    lead_council: str | None = None  # only when this award's lead differs from the project's
    note: str = ""


@dataclass(frozen=True)
class Confirmation:
    """Who at the lead council confirmed the record, and when."""

    by: str
    on: date


@dataclass(frozen=True)
class Challenge:
    problem: str
    help_wanted: str = ""


@dataclass(frozen=True)
class Target:
    money: float | None = None
    time: float | None = None


@repr_once
@dataclass(frozen=True)
class Project:
    id: str
    path: str
    title: str
    summary: str
    phase: str
    lead_council: str
    description: str = ""
    partners: tuple[Partner, ...] = ()
    collaboration: str | None = None
    looking_for: tuple[RoleWanted, ...] = ()
    pledges: tuple[Pledge, ...] = ()
    target: Target | None = None
    budget: str | None = None
    service_areas: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    reusable: bool = False
    reuse: Reuse | None = None
    links: tuple[Link, ...] = ()
    service_url: str = ""
    contact: Contact | None = None
    maintainers: tuple[str, ...] = ()
    started: date | None = None
    next_assessment: date | None = None
    updates: tuple[Update, ...] = ()  # newest first
    last_reviewed: date | None = None
    challenge: Challenge | None = None
    sources: tuple[Source, ...] = ()
    funding: tuple[Award, ...] = ()  # oldest first
    confirmed: Confirmation | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def waiting_for_council(self) -> bool:
        """Written from public sources and not yet confirmed by its council: its council is
        asked once for all such records (staleness/council_issues.py), not once per record."""
        return self.confirmed is None and bool(self.sources)

    @property
    def funded_amount(self) -> int | None:
        """The sum of the amounts the awards give, or None when none gives one."""
        amounts = [a.amount for a in self.funding if a.amount is not None]
        return sum(amounts) if amounts else None

    @property
    def budget_band(self) -> str | None:
        """The record's budget band, or, without one, the band of its known funding."""
        if self.budget:
            return self.budget
        funded = self.funded_amount
        return band_of(funded) if funded is not None else None

    @cached_property
    def councils(self) -> tuple[str, ...]:
        """The lead council, then every partner council, once each (worked out once: every
        list and index of the site asks)."""
        ids = [self.lead_council, *(p.council for p in self.partners)]
        return tuple(dict.fromkeys(ids))

    @property
    def last_updated(self) -> date | None:
        """The newest date the record itself gives for activity."""
        dates = [
            d for d in (self.last_reviewed, self.updates[0].date if self.updates else None) if d
        ]
        return max(dates) if dates else None

    def pledged(self, kind: str) -> float:
        return sum(p.amount or 0 for p in self.pledges if p.kind == kind)


# Budget bands by their upper limit in pounds: under-50k is below £50,000; every other band
# includes its upper limit (£100,000 is 50k-100k).
BAND_LIMITS = (
    ("under-50k", 49_999),
    ("50k-100k", 100_000),
    ("100k-250k", 250_000),
    ("250k-500k", 500_000),
    ("500k-1m", 1_000_000),
)


def band_of(amount: int) -> str:
    """The budget band an amount in pounds falls in."""
    return next((band for band, limit in BAND_LIMITS if amount <= limit), "over-1m")


def percent_reached(amount: float, target: float | None) -> int | None:
    """Percent of a target reached, capped at 100; None when there is no target. (A target
    can be as small as a float goes: the ratio may overflow, which is over 100% too.)"""
    if not target:
        return None
    ratio = amount / target
    return 100 if not ratio < 1 else min(100, round(100 * ratio))


@repr_once
@dataclass(frozen=True)
class Council:
    id: str
    path: str
    name: str
    type: str
    nation: str = ""  # empty for a body outside the UK
    short_name: str = ""
    gss_code: str = ""
    register_code: str = ""
    region: str = ""
    website: str = ""
    joined: date | None = None
    links: tuple[Link, ...] = ()
    maintainers: tuple[str, ...] = ()
    country: str = ""  # empty for the United Kingdom
    end_date: date | None = None  # abolished (or to be abolished) on this day
    successors: tuple[str, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def label(self) -> str:
        return self.short_name or self.name

    @property
    def in_uk(self) -> bool:
        return not self.country

    @property
    def signed_up(self) -> bool:
        """Signed up to Pipeline (has `joined`), not only named in projects."""
        return self.joined is not None

    def abolished_by(self, today: date) -> bool:
        return self.end_date is not None and self.end_date <= today


@dataclass(frozen=True)
class Venue:
    name: str = ""
    town: str = ""
    postcode: str = ""
    online: bool = False


@dataclass(frozen=True)
class Sponsor:
    name: str
    url: str = ""
    tier: str = "supporter"


@dataclass(frozen=True)
class MakerDayChallenge:
    """Either sourced from a project (`project` set) or written out (`title`, `problem`)."""

    project: str | None = None
    title: str = ""
    problem: str = ""
    council: str | None = None


@dataclass(frozen=True)
class Output:
    title: str
    kind: str
    url: str = ""
    challenge: str = ""


@repr_once
@dataclass(frozen=True)
class MakerDay:
    id: str
    path: str
    title: str
    start: date | datetime
    end: date | datetime | None = None
    venue: Venue | None = None
    hosts: tuple[str, ...] = ()
    registration: str = ""
    sponsors: tuple[Sponsor, ...] = ()
    challenges: tuple[MakerDayChallenge, ...] = ()
    outputs: tuple[Output, ...] = ()
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def start_day(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start

    @property
    def end_day(self) -> date:
        end = self.end or self.start
        return end.date() if isinstance(end, datetime) else end

    def is_upcoming(self, today: date) -> bool:
        return self.end_day >= today


@dataclass(frozen=True)
class ServiceArea:
    id: str
    name: str
    description: str = ""


@dataclass(repr=False)
class Catalogue:
    """All records, by id, plus the service-area vocabulary."""

    projects: dict[str, Project]
    councils: dict[str, Council]
    makerdays: dict[str, MakerDay]
    service_areas: dict[str, ServiceArea]

    def __repr__(self) -> str:
        # Short on purpose: written out whole it is megabytes. Shown by its address, it is never
        # mistaken for the same catalogue as last time (pages/render_memory.py).
        return f"<Catalogue of {len(self.projects)} projects at 0x{id(self):x}>"

    @cached_property
    def projects_by_council(self) -> dict[str, list[Project]]:
        """Council id -> projects it leads or partners in, in id order."""
        found: dict[str, list[Project]] = defaultdict(list)
        for project in self.projects.values():
            for council in project.councils:
                found[council].append(project)
        return dict(found)

    @cached_property
    def makerdays_by_project(self) -> dict[str, list[MakerDay]]:
        found: dict[str, list[MakerDay]] = defaultdict(list)
        for makerday in self.makerdays.values():
            for challenge in makerday.challenges:
                if challenge.project:
                    found[challenge.project].append(makerday)
        return dict(found)
