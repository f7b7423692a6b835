"""The dashboard's numbers: plain data worked out from the catalogue, `today` and the stale list.

Figures over time (councils signed up, collaboration rate) are in timeline.py.

Everything here is linear (or n log n for the sorts) in the number of records, so the
dashboard stays quick at 10,000 projects. Nothing here formats HTML; charts.py and page.py do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from generator.catalogue.model import Catalogue, Project
from generator.dashboard.timeline import (
    CollaborationPoint,
    CouncilsPoint,
    collaboration_over_time,
    councils_over_time,
    first_date,
)
from generator.vocabulary import PLEDGE_KINDS, listed_phases, phase_label, role_label

# Units of `amount` by pledge kind (records.md); other kinds have no amount to add up.
PLEDGE_UNITS = {"time": "days", "money": "£"}
TOP_COUNCILS = 10
TOP_LOOKING = 10


class StaleInfo(Protocol):
    """What the dashboard needs from `generator.staleness.assessment.StaleProject`."""

    id: str

    @property
    def reason(self) -> str: ...


Stale = Mapping[str, StaleInfo]  # project id -> why it needs review


@dataclass(frozen=True)
class Count:
    """One bar: `key` is the id it counts (a phase, a service area id), `label` its name."""

    key: str
    label: str
    value: int


@dataclass(frozen=True)
class PledgeTotal:
    kind: str
    label: str
    count: int
    amount: float | None  # days for time, pounds for money, None for kinds without amounts
    unit: str = ""


@dataclass(frozen=True)
class UpcomingMakerDay:
    id: str
    title: str
    start: date
    end: date
    place: str
    challenges: int


@dataclass(frozen=True)
class CollaborativeCouncil:
    id: str
    name: str
    led: int  # projects it leads that have at least one partner council
    partnered: int  # projects it is a partner, contributor or observer in

    @property
    def total(self) -> int:
        return self.led + self.partnered


@dataclass(frozen=True)
class LookingForPartners:
    id: str
    title: str
    lead: str
    roles: tuple[str, ...]
    since: date | None


@dataclass(frozen=True)
class OpenChallenge:
    id: str
    title: str
    lead: str
    problem: str


@dataclass(frozen=True)
class HeldBackChallenge:
    id: str
    title: str
    reason: str


@dataclass(frozen=True)
class Dashboard:
    today: date
    councils_over_time: tuple[CouncilsPoint, ...]
    councils_without_joined: int
    projects_by_phase: tuple[Count, ...]
    projects_by_service_area: tuple[Count, ...]
    projects_without_service_area: int
    collaboration_over_time: tuple[CollaborationPoint, ...]
    projects_without_dates: int
    stale_by_phase: tuple[Count, ...]
    pledges_by_kind: tuple[PledgeTotal, ...]
    upcoming_makerdays: tuple[UpcomingMakerDay, ...]
    collaborative_councils: tuple[CollaborativeCouncil, ...]
    looking_for_partners: tuple[LookingForPartners, ...]
    open_challenges: tuple[OpenChallenge, ...]
    held_back_challenges: tuple[HeldBackChallenge, ...]
    challenges_offered: int = 0  # projects offering a maker-day challenge, taken or not


# --- councils ---------------------------------------------------------------------------------


def collaborative_councils(
    catalogue: Catalogue, limit: int = TOP_COUNCILS
) -> tuple[CollaborativeCouncil, ...]:
    """Councils in the most projects shared with another council, ties in name order.

    A council counts a project it leads only when someone partners in it (leading alone is not
    collaborating); every partner role (partner, contributor, observer) counts as taking part.
    """
    led: Counter[str] = Counter()
    partnered: Counter[str] = Counter()
    for project in catalogue.projects.values():
        councils = project.councils
        if len(councils) < 2:
            continue
        led[project.lead_council] += 1
        for council in councils[1:]:
            partnered[council] += 1
    found = [
        CollaborativeCouncil(cid, _council_name(catalogue, cid), led[cid], partnered[cid])
        for cid in led.keys() | partnered.keys()
    ]
    found.sort(key=lambda c: (-c.total, c.name.casefold(), c.id))
    return tuple(found[:limit])


def _council_name(catalogue: Catalogue, council_id: str) -> str:
    council = catalogue.councils.get(council_id)
    return council.label if council else council_id


# --- projects ---------------------------------------------------------------------------------


def projects_by_phase(projects: Iterable[Project]) -> tuple[Count, ...]:
    counts = Counter(p.phase for p in projects)
    return tuple(Count(phase, phase_label(phase), counts[phase]) for phase in listed_phases(counts))


def stale_by_phase(catalogue: Catalogue, stale: Stale) -> tuple[Count, ...]:
    counts = Counter(catalogue.projects[pid].phase for pid in stale if pid in catalogue.projects)
    return tuple(Count(phase, phase_label(phase), counts[phase]) for phase in listed_phases(counts))


def projects_by_service_area(catalogue: Catalogue) -> tuple[tuple[Count, ...], int]:
    """Projects per service area, most first (a project counts once in each of its areas).

    Every area in the vocabulary is listed, with 0 where nothing is filed, so gaps show.
    Also returns how many projects have no service area.
    """
    counts: Counter[str] = Counter()
    without = 0
    for project in catalogue.projects.values():
        counts.update(dict.fromkeys(project.service_areas, 1))
        without += not project.service_areas
    names = {sid: area.name for sid, area in catalogue.service_areas.items()}
    for sid in counts.keys() - names.keys():  # checked records only use the vocabulary
        names[sid] = sid
    found = [Count(sid, name, counts[sid]) for sid, name in names.items()]
    found.sort(key=lambda c: (-c.value, c.label.casefold()))
    return tuple(found), without


def looking_for_partners(
    catalogue: Catalogue, limit: int = TOP_LOOKING
) -> tuple[LookingForPartners, ...]:
    """Open projects asking for people, those that have been going longest first (projects
    without any date last, in id order). Retired projects are left out."""
    found = [
        LookingForPartners(
            p.id,
            p.title,
            _council_name(catalogue, p.lead_council),
            tuple(dict.fromkeys(role_label(r.role) for r in p.looking_for)),
            first_date(p),
        )
        for p in catalogue.projects.values()
        if p.looking_for and p.phase != "retired"
    ]
    found.sort(key=lambda f: (f.since is None, f.since or date.min, f.id))
    return tuple(found[:limit])


def challenges_not_taken(
    catalogue: Catalogue, stale: Stale
) -> tuple[tuple[OpenChallenge, ...], tuple[HeldBackChallenge, ...]]:
    """Projects offering a challenge that no maker day (past or planned) has listed.

    Projects that need review or are retired are held back, with the reason, because a maker
    day should only take challenges from projects that are current.
    """
    taken = catalogue.makerdays_by_project
    open_: list[OpenChallenge] = []
    held: list[HeldBackChallenge] = []
    for project in catalogue.projects.values():
        if project.challenge is None or project.id in taken:
            continue
        if project.phase == "retired":
            held.append(HeldBackChallenge(project.id, project.title, "The project is retired."))
        elif project.id in stale:
            reason = f"The project needs review. {stale[project.id].reason}"
            held.append(HeldBackChallenge(project.id, project.title, reason))
        else:
            lead = _council_name(catalogue, project.lead_council)
            open_.append(OpenChallenge(project.id, project.title, lead, project.challenge.problem))
    return tuple(open_), tuple(held)


# --- pledges and maker days -------------------------------------------------------------------


def pledges_by_kind(projects: Iterable[Project]) -> tuple[PledgeTotal, ...]:
    counts: Counter[str] = Counter()
    amounts: Counter[str] = Counter()
    for project in projects:
        for pledge in project.pledges:
            counts[pledge.kind] += 1
            amounts[pledge.kind] += pledge.amount or 0
    kinds = [*PLEDGE_KINDS, *sorted(counts.keys() - PLEDGE_KINDS.keys())]
    return tuple(
        PledgeTotal(
            kind,
            PLEDGE_KINDS.get(kind, kind.capitalize()),
            counts[kind],
            amounts[kind] if kind in PLEDGE_UNITS else None,
            PLEDGE_UNITS.get(kind, ""),
        )
        for kind in kinds
    )


def upcoming_makerdays(catalogue: Catalogue, today: date) -> tuple[UpcomingMakerDay, ...]:
    """Maker days that have not ended yet, soonest first."""
    found = []
    for day in catalogue.makerdays.values():
        if not day.is_upcoming(today):
            continue
        venue = day.venue
        place = (venue.town or venue.name) if venue else ""
        if venue and venue.online:
            place = f"{place} and online" if place else "Online"
        found.append(
            UpcomingMakerDay(
                day.id, day.title, day.start_day, day.end_day, place, len(day.challenges)
            )
        )
    found.sort(key=lambda d: (d.start, d.id))
    return tuple(found)


# --- everything -------------------------------------------------------------------------------


def dashboard(catalogue: Catalogue, today: date, stale: Stale) -> Dashboard:
    """Every figure on the dashboard."""
    projects = list(catalogue.projects.values())
    councils, undated_councils = councils_over_time(catalogue, today)
    areas, without_area = projects_by_service_area(catalogue)
    collaboration, undated_projects = collaboration_over_time(projects, today)
    open_, held = challenges_not_taken(catalogue, stale)
    return Dashboard(
        today=today,
        councils_over_time=councils,
        councils_without_joined=undated_councils,
        projects_by_phase=projects_by_phase(projects),
        projects_by_service_area=areas,
        projects_without_service_area=without_area,
        collaboration_over_time=collaboration,
        projects_without_dates=undated_projects,
        stale_by_phase=stale_by_phase(catalogue, stale),
        pledges_by_kind=pledges_by_kind(projects),
        upcoming_makerdays=upcoming_makerdays(catalogue, today),
        collaborative_councils=collaborative_councils(catalogue),
        looking_for_partners=looking_for_partners(catalogue),
        open_challenges=open_,
        held_back_challenges=held,
        challenges_offered=sum(1 for p in projects if p.challenge),
    )
