"""Where each kind of page lives on the site. One place, so links and pages always agree."""

from __future__ import annotations


def project(project_id: str) -> str:
    return f"projects/{project_id}/"


def council(council_id: str) -> str:
    return f"councils/{council_id}/"


def makerday(makerday_id: str) -> str:
    return f"makerdays/{makerday_id}/"


def makerday_calendar(makerday_id: str) -> str:
    """The maker day's own calendar file, for "Add to calendar"."""
    return f"makerdays/{makerday_id}.ics"


def source(site_path: str) -> str:
    """The Markdown source path of a site path: `projects/x/` -> `projects/x.md`."""
    stem = site_path.rstrip("/")
    return "index.md" if not stem else f"{stem}.md"


PROJECTS = "projects/"
SERVICES = "services/"
CHALLENGES = "challenges/"
REVIEW = "review/"
SAVINGS = "about/savings/"  # how the savings figures are worked out
