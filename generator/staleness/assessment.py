"""Which projects need review: the community's memory, so projects are not added and forgotten.

A project is stale when its newest sign of life (a review, its council's confirmation, a
progress update, the year of its latest funding award, an edit to its file that was not part of
a bulk change and did not merely add it) is older than the limit for its phase, or when its next
service assessment is overdue. An award counts from the end of its year: the record says the
year, not the day. That newest sign of life is worked out here, once, and is the
date every page, issue and data file shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from generator.catalogue.model import Catalogue, Project
from generator.dashboard.wording import long_date
from generator.settings import Settings

# Where a project's last activity date came from, and how pages and issues name it.
ACTIVITY_LABELS = {
    "reviewed": "Last reviewed",
    "confirmed": "Confirmed by its council",
    "updated": "Last updated",
    "funded": "Last funded in",
    "edited": "Last edited",
}
# On the same day, the first of these counts (a review before an update, before an edit).
SOURCE_ORDER = tuple(ACTIVITY_LABELS)


@dataclass(frozen=True)
class Activity:
    """A project's newest sign of life: its `date`, and its `source`, one of "reviewed"
    (last_reviewed), "confirmed" (confirmed.on), "updated" (the latest progress update),
    "funded" (the end of its latest award's year) or "edited" (a commit to its file)."""

    date: date
    source: str

    @property
    def label(self) -> str:
        """ "Last reviewed", "Last updated" or "Last edited"."""
        return ACTIVITY_LABELS[self.source]

    @property
    def when(self) -> str:
        """ "2 March 2025", or "2019" for an award, whose record gives only the year."""
        return str(self.date.year) if self.source == "funded" else long_date(self.date)

    @property
    def text(self) -> str:
        """ "Last reviewed 2 March 2025": the words every page, issue and report uses."""
        return f"{self.label} {self.when}"


@dataclass(frozen=True)
class StaleProject:
    id: str
    title: str
    phase: str
    path: str
    reasons: tuple[str, ...]
    last_activity: Activity | None
    days_overdue: int
    maintainers: tuple[str, ...]

    @property
    def reason(self) -> str:
        """Why the project needs review, in one paragraph: the same words everywhere."""
        return " ".join(self.reasons)


def last_activity(project: Project, last_edit: date | None = None) -> Activity | None:
    """The newest dated fact the record holds (review, confirmation, latest update, latest
    award's year) or the last edit to its file (from `generator.git.commit_dates`); on the same
    day, in SOURCE_ORDER."""
    latest_award = max((a.year for a in project.funding), default=None)
    candidates = [
        Activity(d, source)
        for d, source in (
            (project.last_reviewed, "reviewed"),
            (project.confirmed.on if project.confirmed else None, "confirmed"),
            (project.updates[0].date if project.updates else None, "updated"),
            (date(latest_award, 12, 31) if latest_award else None, "funded"),
            (last_edit, "edited"),
        )
        if d
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda a: (a.date, -SOURCE_ORDER.index(a.source)))


def activities(
    catalogue: Catalogue, last_edits: Mapping[str, date] | None = None
) -> dict[str, Activity]:
    """Project id -> its last activity, for every project that has one."""
    edits = last_edits or {}
    found = {p.id: last_activity(p, edits.get(p.path)) for p in catalogue.projects.values()}
    return {pid: activity for pid, activity in found.items() if activity}


def maintainers_of(project: Project, catalogue: Catalogue) -> tuple[str, ...]:
    """The project's own maintainers, then its lead council's, once each."""
    lead = catalogue.councils.get(project.lead_council)
    handles = [*project.maintainers, *(lead.maintainers if lead else ())]
    return tuple(dict.fromkeys(h if h.startswith("@") else f"@{h}" for h in handles))


def assess(
    project: Project,
    catalogue: Catalogue,
    today: date,
    settings: Settings,
    last_edit: date | None = None,
) -> StaleProject | None:
    """The reason `project` needs review, or None when it is current."""
    reasons: list[str] = []
    overdue: list[int] = []
    active = last_activity(project, last_edit)
    limit = settings.stale_after_days.get(project.phase)
    if limit is not None:
        if active is None:
            start = project.started
            reasons.append("It has never been reviewed and has no progress updates.")
            overdue.append(max((today - start).days - limit, 0) if start else limit)
        elif (today - active.date).days > limit:
            idle = (today - active.date).days
            # Worded without a day count, so the weekly issue's text stays the same each week.
            reasons.append(
                f"{active.text}: no review, no progress update and no change to its file "
                f"since. Projects in {project.phase} need a review at least every {limit} days."
            )
            overdue.append(idle - limit)
    assessment = project.next_assessment
    if assessment and assessment < today and project.phase != "retired":
        reasons.append(
            f"Its next service assessment was due on {long_date(assessment)}: record how it "
            "went and when the next one is."
        )
        overdue.append((today - assessment).days)
    if not reasons:
        return None
    return StaleProject(
        id=project.id,
        title=project.title,
        phase=project.phase,
        path=project.path,
        reasons=tuple(reasons),
        last_activity=active,
        days_overdue=max(overdue),
        maintainers=maintainers_of(project, catalogue),
    )


def find_stale(
    catalogue: Catalogue,
    today: date,
    *,
    last_edits: Mapping[str, date] | None = None,
    settings: Settings | None = None,
) -> list[StaleProject]:
    """Every project that needs review, most overdue first.

    `last_edits` maps a record's path (e.g. 'projects/x.yml') to the day of the last commit
    that edited it (`generator.git.commit_dates.last_edit_days`); None when there is no Git history.
    """
    settings = settings or Settings()
    edits = last_edits or {}
    found = [
        stale
        for project in catalogue.projects.values()
        if (stale := assess(project, catalogue, today, settings, edits.get(project.path)))
    ]
    return sorted(found, key=lambda s: (-s.days_overdue, s.id))


@dataclass(frozen=True)
class DueProject:
    """A project that is current today but will need review by `due`, and why."""

    id: str
    due: date
    reason: str


def due_within(
    catalogue: Catalogue,
    today: date,
    days: int,
    *,
    last_edits: Mapping[str, date] | None = None,
    settings: Settings | None = None,
) -> list[DueProject]:
    """Projects not yet needing review whose review or service assessment falls due in the
    next `days` days, soonest first: the community manager's early warning."""
    settings = settings or Settings()
    edits = last_edits or {}
    found = []
    for project in catalogue.projects.values():
        if assess(project, catalogue, today, settings, edits.get(project.path)):
            continue  # already on the list of projects needing review
        dues = _dues(project, settings, last_activity(project, edits.get(project.path)))
        soon = [(day, why) for day, why in dues if today <= day <= today + timedelta(days=days)]
        if soon:
            day, why = min(soon)
            found.append(DueProject(project.id, day, why))
    return sorted(found, key=lambda d: (d.due, d.id))


def _dues(
    project: Project, settings: Settings, activity: Activity | None
) -> list[tuple[date, str]]:
    dues = []
    limit = settings.stale_after_days.get(project.phase)
    if limit is not None and activity is not None:
        dues.append((activity.date + timedelta(days=limit), "Review due"))
    if project.next_assessment and project.phase != "retired":
        dues.append((project.next_assessment, "Service assessment due"))
    return dues


def due_from(project: Project, settings: Settings, last_edit: date | None = None) -> date | None:
    """The first day `project`, as its record is now, needs review (`assess` finds it stale from
    then on), or None when it never will: the weekly digest asks which projects became due.
    A project with no sign of life at all needs review once its phase's limit has passed since
    it started."""
    activity = last_activity(project, last_edit)
    limit = settings.stale_after_days.get(project.phase)
    dues = [day for day, _ in _dues(project, settings, activity)]
    if activity is None and limit is not None and project.started:
        dues.append(project.started + timedelta(days=limit))
    return min(dues) + timedelta(days=1) if dues else None
