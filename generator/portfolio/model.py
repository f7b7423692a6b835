"""A council's portfolio report as data: a pure function of the catalogue, the council, today
and the day changes are counted from. Every format (Markdown, HTML, CSV, JSON) and the site's
report page are written from this one model, so they always say the same thing.

What it holds, as Hackney's portfolio managers asked for it: the projects the council leads,
those it partners in and the services it adopted, each grouped by phase; for each, the latest
update, what changed since a given day, what is due (reviews, service assessments) and who it
works with; and the council's totals by the savings method (generator/savings/).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from generator.catalogue.model import Catalogue, Council, Project, Update
from generator.events import Event, project_events
from generator.savings.estimate import CouncilSavings, Savings
from generator.settings import Settings
from generator.staleness.assessment import Activity, last_activity
from generator.vocabulary import PARTNER_ROLES, PHASES, long_date, phase_label

# Changes are counted over this many days before today unless a day is given (`--since`).
DEFAULT_SINCE_DAYS = 90
# "What is due" at the top lists what is overdue or falls due within this many days.
DUE_WINDOW_DAYS = 90

SECTIONS = {
    "leads": "Projects it leads",
    "partners": "Projects it partners in",
    "adopted": "Services it adopted",
}


@dataclass(frozen=True)
class Due:
    """A review or service assessment: its day (None: never reviewed, so due now)."""

    what: str  # "Review" or "Service assessment"
    day: date | None
    overdue: bool


@dataclass(frozen=True)
class Change:
    day: date
    text: str


@dataclass(frozen=True)
class Entry:
    """One project in the report, seen from the council's side."""

    project: Project
    role: str  # "lead", a partner role, or "adopter"
    role_text: str  # "Lead council", "Partner", "Adopted it on 3 May 2024"
    latest: Update | None
    activity: Activity | None
    changes: tuple[Change, ...]
    due: tuple[Due, ...]
    works_with: tuple[Council, ...]  # the project's other councils, lead first


@dataclass(frozen=True)
class PhaseGroup:
    phase: str
    label: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Section:
    key: str  # one of SECTIONS
    title: str
    groups: tuple[PhaseGroup, ...]

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(e for g in self.groups for e in g.entries)


@dataclass(frozen=True)
class DueItem:
    entry: Entry
    due: Due


@dataclass(frozen=True)
class Totals:
    leads: int
    partners: int
    adopted: int
    shares: int  # reusable services it leads or builds as a partner
    changes: int  # changes since `since`, over every project in the report
    overdue: int
    due_soon: int
    savings: CouncilSavings  # what reuse saved it and others, by the savings method


@dataclass(frozen=True)
class Portfolio:
    council: Council
    today: date
    since: date
    sections: tuple[Section, ...]
    due: tuple[DueItem, ...]  # overdue or due within DUE_WINDOW_DAYS, soonest first
    totals: Totals
    successors: tuple[Council, ...] = ()  # the councils that took over, once abolished

    @property
    def due_until(self) -> date:
        return self.today + timedelta(days=DUE_WINDOW_DAYS)


def default_since(today: date) -> date:
    return today - timedelta(days=DEFAULT_SINCE_DAYS)


def council_portfolio(
    catalogue: Catalogue,
    council_id: str,
    today: date,
    since: date | None = None,
    *,
    savings: Savings,
    settings: Settings | None = None,
    activity_of: Callable[[Project], Activity | None] = last_activity,
    events_of: Mapping[str, Sequence[Event]] | None = None,
    adopted: Sequence[Project] | None = None,
) -> Portfolio:
    """The report of `council_id` (a KeyError when it is not in the catalogue).

    `activity_of` gives a project's last sign of life (the records' own dates by default; the
    site and the command add Git's), `events_of` each project's events when they are worked
    out already (the site has them), `adopted` the projects this council adopted (the site
    gathers them for every council in one pass)."""
    council = catalogue.councils[council_id]
    since = since or default_since(today)
    settings = settings or Settings()
    mine = catalogue.projects_by_council.get(council_id, [])
    if adopted is None:
        adopted = [
            p
            for p in catalogue.projects.values()
            if p.reuse and council_id in p.reuse.adopted_by and council_id not in p.councils
        ]

    def entry(project: Project, role: str, role_text: str) -> Entry:
        events = events_of.get(project.id, ()) if events_of else project_events(project, catalogue)
        found = activity_of(project)
        return Entry(
            project=project,
            role=role,
            role_text=role_text,
            latest=project.updates[0] if project.updates else None,
            activity=found,
            changes=_changes(project, events, catalogue, since, today),
            due=_due(project, found, today, settings),
            works_with=tuple(
                catalogue.councils[c]
                for c in project.councils
                if c != council_id and c in catalogue.councils
            ),
        )

    leads = [entry(p, "lead", "Lead council") for p in mine if p.lead_council == council_id]
    partners = []
    for p in mine:
        if p.lead_council != council_id:
            role = next(x.role for x in p.partners if x.council == council_id)
            partners.append(entry(p, role, PARTNER_ROLES.get(role, role)))
    adoptions = [entry(p, "adopter", _adopted_text(p, council_id)) for p in adopted]
    sections = (
        Section("leads", SECTIONS["leads"], _by_phase(leads)),
        Section("partners", SECTIONS["partners"], _by_phase(partners)),
        Section("adopted", SECTIONS["adopted"], _by_phase(adoptions)),
    )
    due = _due_soon([*leads, *partners, *adoptions], today)
    figures = savings.council(council_id)
    builds = {s for s in mine if s.reusable and _builds(s, council_id)}
    totals = Totals(
        leads=len(leads),
        partners=len(partners),
        adopted=len(adoptions),
        shares=len(builds),
        changes=sum(len(e.changes) for e in (*leads, *partners, *adoptions)),
        overdue=sum(1 for d in due if d.due.overdue),
        due_soon=sum(1 for d in due if not d.due.overdue),
        savings=figures,
    )
    successors = tuple(catalogue.councils[c] for c in council.successors if c in catalogue.councils)
    return Portfolio(council, today, since, sections, due, totals, successors)


def _builds(project: Project, council_id: str) -> bool:
    """The lead council and its partners with role `partner` build a project."""
    return project.lead_council == council_id or any(
        p.council == council_id and p.role == "partner" for p in project.partners
    )


def _adopted_text(project: Project, council_id: str) -> str:
    assert project.reuse is not None
    adoption = next((a for a in project.reuse.adoptions if a.council == council_id), None)
    if adoption and adoption.since:
        return f"Adopted it on {long_date(adoption.since)}"
    return "Adopted it"


def _by_phase(entries: list[Entry]) -> tuple[PhaseGroup, ...]:
    """In the order of the phases (idea to retired), then by title within a phase."""
    groups = []
    for phase in [*PHASES, *sorted({e.project.phase for e in entries} - PHASES.keys())]:
        found = sorted(
            (e for e in entries if e.project.phase == phase),
            key=lambda e: (e.project.title.casefold(), e.project.id),
        )
        if found:
            groups.append(PhaseGroup(phase, phase_label(phase), tuple(found)))
    return tuple(groups)


def _changes(
    project: Project, events: Sequence[Event], catalogue: Catalogue, since: date, today: date
) -> tuple[Change, ...]:
    """What the record says happened from `since` to `today`, both included, newest first."""
    found = [Change(e.day, _change_text(e)) for e in events if since <= e.day <= today]
    for adoption in project.reuse.adoptions if project.reuse else ():
        if adoption.since and since <= adoption.since <= today:
            who = catalogue.councils.get(adoption.council)
            found.append(Change(adoption.since, f"{who.label if who else adoption.council} "
                                "adopted it."))  # fmt: skip
    found.sort(key=lambda c: c.day, reverse=True)
    return tuple(found)


def _change_text(event: Event) -> str:
    if event.kind == "started":
        return "Started."
    if event.kind == "phase" and event.update and event.update.phase:
        return f"Moved to {phase_label(event.update.phase).lower()}: {event.text}"
    if event.kind == "reviewed":
        return "Its record was reviewed and is still right."
    if event.kind == "pledge":
        return event.title + "."
    return event.text  # an update, or a partner joining


def _due(
    project: Project, activity: Activity | None, today: date, settings: Settings
) -> tuple[Due, ...]:
    """Its next review (the phase's limit after its last sign of life, as `pipeline stale`
    counts it) and its next service assessment; none once retired."""
    if project.phase == "retired":
        return ()
    found = []
    limit = settings.stale_after_days.get(project.phase)
    if limit is not None:
        start = activity.date if activity else project.started
        day = start + timedelta(days=limit) if start else None
        found.append(Due("Review", day, day is None or day < today))
    if project.next_assessment:
        day = project.next_assessment
        found.append(Due("Service assessment", day, day < today))
    return tuple(found)


def _due_soon(entries: list[Entry], today: date) -> tuple[DueItem, ...]:
    until = today + timedelta(days=DUE_WINDOW_DAYS)
    found = [DueItem(e, d) for e in entries for d in e.due if d.day is None or d.day <= until]
    found.sort(key=lambda i: (i.due.day or date.min, i.entry.project.id, i.due.what))
    return tuple(found)
