"""Printing the stale-project report: for people, for GitHub annotations, for scripts and for a
job summary in Markdown. The findings come from `generator.staleness.assessment`; this module
only words them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date

from generator.markdown_safe import github_inline
from generator.problems import Problem, warning
from generator.reporting import github_annotation, text_lines
from generator.staleness.assessment import StaleProject

FIX_HINT = (
    "Check the record is still right, set last_reviewed to today's date and add an update if "
    "anything has happened."
)
Place = tuple[int, int]


def as_problems(stale: Iterable[StaleProject], places: Mapping[str, Place]) -> list[Problem]:
    """One warning per stale project, at its `last_reviewed` line where it has one."""
    return [
        warning(
            s.path,
            *places.get(s.path, (1, 1)),
            f"{s.title} needs review. {s.reason} Maintainers: {_handles(s.maintainers)}.",
            FIX_HINT,
            "stale",
        )
        for s in stale
    ]


def text_report(
    stale: list[StaleProject], places: Mapping[str, Place], checked: int, today: date
) -> list[str]:
    lines = text_lines(as_problems(stale, places)) if stale else []
    lines.append(headline(len(stale), checked, today))
    return lines


def github_report(
    stale: list[StaleProject], places: Mapping[str, Place], checked: int, today: date
) -> list[str]:
    lines = [github_annotation(p) for p in as_problems(stale, places)]
    lines.append(headline(len(stale), checked, today))
    return lines


def json_report(stale: Iterable[StaleProject]) -> str:
    return json.dumps(
        [
            {
                "id": s.id,
                "title": s.title,
                "phase": s.phase,
                "path": s.path,
                "reason": s.reason,
                "last_activity": s.last_activity.date.isoformat() if s.last_activity else None,
                "last_activity_source": s.last_activity.source if s.last_activity else None,
                "days_overdue": s.days_overdue,
                "maintainers": list(s.maintainers),
            }
            for s in stale
        ],
        indent=2,
    )


def markdown_report(
    stale: list[StaleProject],
    checked: int,
    today: date,
    *,
    repo_url: str = "",
    note: str = "",
) -> str:
    """A job summary: a table of stale projects, most overdue first, and how to fix one."""
    lines = ["## Projects that need review", "", headline(len(stale), checked, today), ""]
    if stale:
        lines += [
            "| Project | Phase | Last activity | Days overdue | Maintainers | Why |",
            "| --- | --- | --- | ---: | --- | --- |",
        ]
        for s in stale:
            name = github_inline(s.title)
            if repo_url:
                name = f"[{name}]({repo_url}/blob/main/{s.path})"
            cells = [
                name,
                s.phase,
                s.last_activity.text if s.last_activity else "never",
                str(s.days_overdue),
                github_inline(_handles(s.maintainers)),
                github_inline(s.reason),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines += ["", f"To fix one: {FIX_HINT}"]
    if note:
        lines += ["", f"> {note}"]  # our own words, not record text
    return "\n".join(lines) + "\n"


def headline(count: int, checked: int, today: date) -> str:
    projects = f"{checked} project{'s' * (checked != 1)}"
    if not count:
        return f"No projects need review (checked {projects} as of {today.isoformat()})."
    verb = "needs" if count == 1 else "need"
    return f"{count} of {projects} {verb} review as of {today.isoformat()}, most overdue first."


def _handles(handles: tuple[str, ...]) -> str:
    return ", ".join(handles) if handles else "nobody is listed"
