"""Where each kind of page lives on the site. One place, so links and pages always agree."""

from __future__ import annotations


def project(project_id: str) -> str:
    return f"projects/{project_id}/"


def council(council_id: str) -> str:
    return f"councils/{council_id}/"


def makerday(makerday_id: str) -> str:
    return f"makerdays/{makerday_id}/"


def feed(site_path: str) -> str:
    """The Atom feed that follows a page: `projects/x/` -> `projects/x/feed.xml`."""
    return f"{site_path}feed.xml"


def service_area_feed(area_id: str) -> str:
    """Service areas have no page of their own; their feeds are linked from the services list."""
    return f"services/{area_id}/feed.xml"


def source(site_path: str) -> str:
    """The Markdown source path of a site path: `projects/x/` -> `projects/x.md`."""
    stem = site_path.rstrip("/")
    return "index.md" if not stem else f"{stem}.md"


HOME = ""
PROJECTS = "projects/"
SERVICES = "services/"
CHALLENGES = "challenges/"
MAKERDAYS = "makerdays/"
COUNCILS = "councils/"
CONTRIBUTE = "contribute/"
FIELDS = "contribute/fields/"
API = "api/"
REVIEW = "review/"
DASHBOARD = "dashboard/"
ACCESSIBILITY = "accessibility/"
NEWS = "news/"
