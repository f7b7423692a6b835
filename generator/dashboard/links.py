"""Where the dashboard links to: record pages and two section pages, relative to the dashboard.

The defaults suit a site with directory URLs and the dashboard at `/dashboard/`; the site's page
module passes links made by its own path helpers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Links:
    """Where record pages live, relative to the dashboard page."""

    project: Callable[[str], str] = lambda pid: f"../projects/{pid}/"
    council: Callable[[str], str] = lambda cid: f"../councils/{cid}/"
    makerday: Callable[[str], str] = lambda mid: f"../makerdays/{mid}/"
    review: str = "../review/"  # the list of projects needing review
    challenges: str = "../challenges/"  # open maker-day challenges
    makerdays: str = "../makerdays/"  # past and planned maker days
    untaken: str = "challenges/"  # challenges no maker day has taken, in pages
    savings: str = "../about/savings/"  # how the savings figures are worked out
    spreadsheet: str = "../savings.csv"  # every service's savings figures
    services: str = "../services/"  # the reusable services, each with its savings
    projects: str = "../projects/"  # every project, each with its pledge form
