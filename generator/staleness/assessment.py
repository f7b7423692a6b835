"""Which projects need review: the community's memory, so projects are not added and forgotten.

A project is stale when its newest sign of life (a review, a progress update, a commit to its
file) is older than the limit for its phase, or when its next service assessment is overdue.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from generator.catalogue.model import Catalogue, Project
from generator.settings import Settings


@dataclass(frozen=True)
class StaleProject:
    id: str
    title: str
    phase: str
    path: str
    reasons: tuple[str, ...]
    last_activity: date | None
    days_overdue: int
    maintainers: tuple[str, ...]

    @property
    def reason(self) -> str:
        """Why the project needs review, in one paragraph: the same words everywhere."""
        return " ".join(self.reasons)


def last_activity(project: Project, last_commit: date | None = None) -> date | None:
    """The newest of the review date, the latest update and the last commit to the file."""
    dates = [d for d in (project.last_updated, last_commit) if d]
    return max(dates) if dates else None


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
    last_commit: date | None = None,
) -> StaleProject | None:
    """The reason `project` needs review, or None when it is current."""
    reasons: list[str] = []
    overdue: list[int] = []
    active = last_activity(project, last_commit)
    limit = settings.stale_after_days.get(project.phase)
    if limit is not None:
        if active is None:
            start = project.started
            reasons.append("It has never been reviewed and has no progress updates.")
            overdue.append(max((today - start).days - limit, 0) if start else limit)
        elif (today - active).days > limit:
            idle = (today - active).days
            # Worded without a day count, so the weekly issue's text stays the same each week.
            reasons.append(
                f"Nothing has been recorded since {active.isoformat()}: no review, no progress "
                f"update and no change to its file. Projects in {project.phase} need a review at "
                f"least every {limit} days."
            )
            overdue.append(idle - limit)
    assessment = project.next_assessment
    if assessment and assessment < today and project.phase != "retired":
        reasons.append(
            f"Its next service assessment was due on {assessment.isoformat()}: record how it "
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
    last_commits: Mapping[str, date] | None = None,
    settings: Settings | None = None,
) -> list[StaleProject]:
    """Every project that needs review, most overdue first.

    `last_commits` maps a record's path (e.g. 'projects/x.yml') to the day of the last commit
    that touched it; None when there is no Git history to ask.
    """
    settings = settings or Settings()
    commits = last_commits or {}
    found = [
        stale
        for project in catalogue.projects.values()
        if (stale := assess(project, catalogue, today, settings, commits.get(project.path)))
    ]
    return sorted(found, key=lambda s: (-s.days_overdue, s.id))
