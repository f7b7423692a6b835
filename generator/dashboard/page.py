"""The `/dashboard/` page: Markdown headings and notes around raw HTML blocks of charts and tables.

Record text (council names, project titles, challenge problems) only ever appears inside the
HTML blocks, escaped by the templates; the Markdown around them is our own fixed wording and
numbers. A raw HTML block is left alone by the Markdown processor, so record text never reaches
it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markdown.extensions.toc import slugify

from generator.catalogue.model import Catalogue
from generator.dashboard import metrics
from generator.dashboard.links import Links
from generator.dashboard.lists import challenges_list, councils_list, looking_list
from generator.dashboard.metrics import Stale
from generator.dashboard.savings import savings_section
from generator.dashboard.sections import (
    collaboration_section,
    councils_section,
    makerdays_section,
    phase_section,
    pledges_section,
    service_area_section,
    stale_section,
)
from generator.dashboard.wording import long_date
from generator.savings.estimate import Savings, estimate
from generator.settings import DEFAULT_BAND_POINTS

__all__ = ["DashboardPage", "Links", "dashboard_page"]

TITLE = "Dashboard"
DESCRIPTION = (
    "How Pipeline is doing: councils signed up, projects by phase and service area, "
    "collaboration, projects needing review, pledges, what reuse has saved and maker days."
)


def jump_list(sections: list[list[str]]) -> list[str]:
    """Links to every section's heading, for the top of the page (Markdown gives each `## `
    heading an id made by its table-of-contents extension's slugify)."""
    titles = [line[3:] for section in sections for line in section if line.startswith("## ")]
    links = [f"- [{title}](#{slugify(title, '-')})" for title in titles]
    return ["On this page:", "", *links] if links else []


@dataclass(frozen=True)
class DashboardPage:
    markdown: str
    title: str
    description: str


def dashboard_page(
    catalogue: Catalogue,
    today: date,
    stale: Stale,
    links: Links | None = None,
    savings: Savings | None = None,
    *,
    board: metrics.Dashboard | None = None,
    list_limit: int | None = None,
) -> DashboardPage:
    """The dashboard page's Markdown body, title and description; `savings` are worked out
    with the default band points when not given (`board`: its figures, if worked out already;
    `list_limit`: how many untaken challenges it shows at most)."""
    links = links or Links()
    savings = savings or estimate(catalogue, DEFAULT_BAND_POINTS)
    board = board or metrics.dashboard(catalogue, today, stale)
    lines = [
        f"# {TITLE}",
        "",
        f"Figures worked out from the records when this site was built on {long_date(today)}. "
        "Under each chart, open the table to read the same figures.",
        "",
    ]
    sections = [
        councils_section(board),
        phase_section(board),
        service_area_section(board),
        collaboration_section(board),
        stale_section(board, links),
        pledges_section(board, links),
        savings_section(savings, catalogue, links),
        makerdays_section(board, links),
        councils_list(board, links),
        looking_list(board, links),
        challenges_list(board, links, list_limit),
    ]
    lines += [*jump_list(sections), ""]
    for section in sections:
        lines += [*section, ""]
    return DashboardPage("\n".join(lines), TITLE, DESCRIPTION)
