"""Keeping a record current earns something: an upcoming maker day that takes a challenge from
a project that needs review gets a warning naming it.

Only the dates written in the records count here, not Git history, so validation stays fast and
works on any copy of the repository. Past maker days are history and are left alone.
"""

from __future__ import annotations

from datetime import date

from generator.catalogue.construction import project_from
from generator.catalogue.model import Catalogue
from generator.checking.explanations import describe_path
from generator.checking.rules import parse_day, walk
from generator.loading.files import LoadedRecord
from generator.problems import Problem, warning
from generator.settings import Settings
from generator.staleness.assessment import find_stale


def check_stale_challenges(
    records: list[LoadedRecord], problems: list[Problem], today: date, settings: Settings
) -> list[Problem]:
    """Warnings at each upcoming maker day's challenge that points at a stale project.

    Projects with errors are skipped: their dates cannot be trusted, and the errors say so.
    """
    broken = {p.path for p in problems if p.is_error}
    days = [
        r
        for r in records
        if r.kind == "makerday" and r.path not in broken and is_upcoming(r, today)
    ]
    # Only the projects that upcoming maker days name: each is judged on its own dates.
    named = {
        pid
        for r in days
        for _, pid in walk(r.data, ("challenges", "*", "project"))
        if isinstance(pid, str)
    }
    projects = {
        r.id: project_from(r)
        for r in records
        if r.kind == "project" and r.id in named and r.path not in broken
    }
    stale = {s.id: s for s in find_stale(Catalogue(projects, {}, {}, {}), today, settings=settings)}
    found: list[Problem] = []
    for record in days:
        for path, project_id in walk(record.data, ("challenges", "*", "project")):
            item = stale.get(project_id) if isinstance(project_id, str) else None
            if item is None:
                continue
            found.append(
                warning(
                    record.path,
                    *record.document.position(path),
                    f"{describe_path(path)}: the project '{project_id}' needs review, by the "
                    f"dates in its record. {item.reason}",
                    f"Ask its maintainers to review projects/{project_id}.yml (set last_reviewed "
                    "to today), or choose a challenge from a project that is up to date.",
                    "stale-challenge",
                )
            )
    return found


def is_upcoming(record: LoadedRecord, today: date) -> bool:
    last = parse_day(record.data.get("end")) or parse_day(record.data.get("start"))
    return last is not None and last >= today
