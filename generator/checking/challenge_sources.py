"""An upcoming maker day's challenge should come from a project that offers one.

Judgement calls (CONTRIBUTING.md, "Judgement calls in the checks"): taking a challenge from a
retired project, or from a project with no `challenge` section, gets a warning, not an error:
the site builds either way (the day's page then shows the project without a problem statement),
and organisers may have agreed it with the project. Past maker days are history and are left
alone.
"""

from __future__ import annotations

from datetime import date

from generator.checking.explanations import describe_path
from generator.checking.rules import walk
from generator.checking.stale_challenges import is_upcoming
from generator.loading.files import LoadedRecord
from generator.problems import Problem, warning


def check_challenge_sources(
    records: list[LoadedRecord], problems: list[Problem], today: date
) -> list[Problem]:
    broken = {p.path for p in problems if p.is_error}
    projects = {r.id: r.data for r in records if r.kind == "project"}
    found: list[Problem] = []
    for record in records:
        if record.kind != "makerday" or record.path in broken or not is_upcoming(record, today):
            continue
        for path, project_id in walk(record.data, ("challenges", "*", "project")):
            project = projects.get(project_id) if isinstance(project_id, str) else None
            if project is None:
                continue  # an unknown project is an error reported elsewhere
            place = (record.path, *record.document.position(path))
            if project.get("phase") == "retired":
                found.append(
                    warning(
                        *place,
                        f"{describe_path(path)}: the project '{project_id}' is retired.",
                        "Choose a challenge from a project that is still running.",
                        "challenge-from-retired",
                    )
                )
            elif "challenge" not in project:
                found.append(
                    warning(
                        *place,
                        f"{describe_path(path)}: the project '{project_id}' does not offer a "
                        "maker-day challenge.",
                        f"Ask its maintainers to add a challenge section to "
                        f"projects/{project_id}.yml, or describe the challenge here with a title "
                        "and problem.",
                        "challenge-not-offered",
                    )
                )
    return found
