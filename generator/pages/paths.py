"""Where each kind of page lives on the site. One place, so links and pages always agree.

The section names and the names the site keeps for itself are in generator.site_paths, shared
with the checks.
"""

from __future__ import annotations

from generator.site_paths import (
    CARDS_FILE,
    CHALLENGES,
    COUNCILS,
    MAKERDAYS,
    PROJECTS,
    REVIEW,
    SECTION_INDEX,
    SERVICES,
    paged,
)

SAVINGS = "about/savings/"  # how the savings figures are worked out

__all__ = [
    "CARDS_FILE",
    "CHALLENGES",
    "COUNCILS",
    "MAKERDAYS",
    "PROJECTS",
    "REVIEW",
    "SAVINGS",
    "SECTION_INDEX",
    "SERVICES",
    "council",
    "makerday",
    "paged",
    "project",
    "source",
]


def project(project_id: str) -> str:
    return f"{PROJECTS}{project_id}/"


def council(council_id: str) -> str:
    return f"{COUNCILS}{council_id}/"


def makerday(makerday_id: str) -> str:
    return f"{MAKERDAYS}{makerday_id}/"


def makerday_calendar(makerday_id: str) -> str:
    """The maker day's own calendar file, for "Add to calendar"."""
    return f"makerdays/{makerday_id}.ics"


def source(site_path: str) -> str:
    """The Markdown source path of a site path: `projects/x/` -> `projects/x.md`."""
    stem = site_path.rstrip("/")
    return "index.md" if not stem else f"{stem}.md"
